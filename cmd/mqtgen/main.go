// Command mqtgen writes a synthetic archive of Mayor's Question Time
// transcripts, for measuring assemblykg at scale:
//
//	go run ./cmd/mqtgen -n 100000 -seed 1 -o /tmp/mqt
//
// writes DIR/YYYY/NNNNNN.txt, the same bytes for the same -n and -seed.
// Speakers come from the shipped people register and the bodies they talk
// about from the shipped bodies registry.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"runtime"
	"strings"

	"github.com/spf13/pflag"

	"github.com/assemblykg/assemblykg/internal/synth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "mqtgen:", err)
		if errors.Is(err, pflag.ErrHelp) {
			os.Exit(0)
		}
		os.Exit(2)
	}
}

func run(ctx context.Context, args []string) error {
	fs := pflag.NewFlagSet("mqtgen", pflag.ContinueOnError)
	n := fs.IntP("count", "n", 1000, "number of transcripts")
	seed := fs.Uint64("seed", 1, "random seed; the same seed and -n give the same files")
	out := fs.StringP("output", "o", "", "output `DIR` (files go in DIR/YYYY/NNNNNN.txt)")
	workers := fs.Int("workers", 4*runtime.GOMAXPROCS(0), "files written in parallel (the output does not depend on it)")
	quiet := fs.BoolP("quiet", "q", false, "no summary on stderr")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: mqtgen -n N -seed S -o DIR")
		fs.PrintDefaults()
	}
	// Accept Go-style single-dash long flags (-seed 1) as well as --seed.
	args = singleDashLong(args, fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		fs.Usage()
		return fmt.Errorf("-o DIR is required")
	}
	if *n < 0 {
		return fmt.Errorf("-n must not be negative")
	}
	g, err := synth.New(*seed)
	if err != nil {
		return err
	}
	st, err := g.WriteDir(ctx, *out, *n, *workers)
	if err != nil {
		return err
	}
	if !*quiet {
		fmt.Fprintf(os.Stderr, "mqtgen: %d transcripts, %.1f MB in %s into %s\n",
			st.Files, float64(st.Bytes)/1e6, st.Elapsed.Round(1e6), *out)
	}
	return nil
}

// singleDashLong rewrites "-seed" to "--seed" for the long flags of fs, so
// the command reads like the Go tools it sits beside.
func singleDashLong(args []string, fs *pflag.FlagSet) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = a
		if len(a) > 2 && a[0] == '-' && a[1] != '-' {
			name := a[1:]
			if j := strings.IndexByte(name, '='); j >= 0 {
				name = name[:j]
			}
			if fs.Lookup(name) != nil && len(name) > 1 {
				out[i] = "-" + a
			}
		}
	}
	return out
}
