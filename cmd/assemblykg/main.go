// Command assemblykg turns London Assembly Mayor's Question Time transcripts
// into a linked-data knowledge graph: it reads transcripts, exports RDF in
// four formats, loads the graph into Cayley and answers relationship queries.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/graph/store"
)

// streams is where a command reads and writes; tests replace them.
type streams struct {
	in       io.Reader
	out, err io.Writer
	// terminal reports whether err is a terminal, for progress lines.
	terminal bool
}

// command is one subcommand: it parses its own flags from args.
type command struct {
	summary string
	run     func(ctx context.Context, name string, args []string, s streams) error
}

var commands = map[string]command{}

// register adds a subcommand; each lives in a file of its own.
func register(name, summary string, run func(ctx context.Context, name string, args []string, s streams) error) {
	if _, dup := commands[name]; dup {
		panic("assemblykg: command registered twice: " + name)
	}
	commands[name] = command{summary, run}
}

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // input or processing error: some input could not be used
	exitUsage = 2 // bad flags or arguments
	// exitDamaged: the store is damaged (cut short, overwritten); nothing was
	// written to it.
	exitDamaged = 3
)

// usageError marks a mistake on the command line.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return usageError{fmt.Errorf(format, a...)} }

func main() {
	ctx, caught := stopOnSignal()
	s := streams{in: os.Stdin, out: os.Stdout, err: os.Stderr, terminal: isTerminal(os.Stderr)}
	code := run(ctx, os.Args[1:], s)
	if sig, ok := caught(); ok {
		code = signalExit(sig)
	}
	os.Exit(code)
}

// stopGrace is how long a command has, after SIGINT, SIGTERM or SIGHUP, to
// stop by itself before its temporary files are removed and it exits.
const stopGrace = 2 * time.Second

// stopOnSignal returns a context cancelled by SIGINT, SIGTERM or SIGHUP, and
// a function telling which signal came. The command then has stopGrace to
// return (removing its temporary files, closing the store); after that, or
// at a second signal, the process removes its temporary files and exits
// with 128 plus the signal's number, as a shell reports it.
func stopOnSignal() (context.Context, func() (os.Signal, bool)) {
	ctx, cancel := context.WithCancel(context.Background())
	sigs := make(chan os.Signal, 2)
	// A signal ignored at start stays ignored: nohup ignores SIGHUP, a
	// shell ignores SIGINT for a job started with & in a script.
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		if !signal.Ignored(sig) {
			signal.Notify(sigs, sig)
		}
	}
	var caught atomic.Value
	go func() {
		sig := <-sigs
		caught.Store(sig)
		cancel()
		select {
		case <-sigs:
		case <-time.After(stopGrace):
		}
		rdfio.RemoveTemps()
		os.Exit(signalExit(sig))
	}()
	return ctx, func() (os.Signal, bool) {
		sig, ok := caught.Load().(os.Signal)
		return sig, ok
	}
}

// signalExit is the exit status of a process stopped by sig: 128 + its number.
func signalExit(sig os.Signal) int {
	if n, ok := sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return exitError
}

// run dispatches to a subcommand and maps its error to an exit code.
func run(ctx context.Context, args []string, s streams) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(s.out)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(s.out, "assemblykg", Version)
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(s.err, "assemblykg: unknown command %q\n", args[0])
		printUsage(s.err)
		return exitUsage
	}
	err := cmd.run(ctx, args[0], args[1:], s)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, pflag.ErrHelp):
		return exitOK
	}
	fmt.Fprintf(s.err, "assemblykg %s: %v\n", args[0], err)
	var ue usageError
	switch {
	case errors.As(err, &ue):
		return exitUsage
	case store.IsDamaged(err):
		return exitDamaged
	}
	return exitError
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "usage: assemblykg COMMAND [flags] [PATH...]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'assemblykg COMMAND --help' for the flags of a command.")
}

// newFlags returns a flag set for a subcommand that reports errors instead of exiting.
func newFlags(name string, s streams) *pflag.FlagSet {
	fs := pflag.NewFlagSet("assemblykg "+name, pflag.ContinueOnError)
	fs.SetOutput(s.err)
	return fs
}
