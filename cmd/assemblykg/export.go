package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/internal/heapfloor"
	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

// exportHeapFloor is the memory the collector lets an export grow to
// before it collects as GOGC=100 would (see heapfloor).
const exportHeapFloor = 64 << 20

func init() {
	register("export", "map transcripts to RDF: Turtle, N-Triples, N-Quads or JSON-LD", runExport)
}

func runExport(ctx context.Context, name string, args []string, s streams) error {
	fs := newFlags(name, s)
	var (
		opts       mapOptions
		format     string
		output     string
		contextURL bool
		quiet      bool
		publisher  string
		dumpURL    string
	)
	fs.StringVarP(&format, "format", "f", "", "output `format`: "+formatNames()+" (default: from the -o extension, else turtle)")
	fs.StringVarP(&output, "output", "o", "", "write to `FILE` (whole or not at all; a device or FIFO is written directly) instead of stdout")
	fs.BoolVar(&contextURL, "context-url", false, "JSON-LD: reference the published @context instead of inlining it")
	fs.StringVar(&publisher, "publisher", "", "dataset description: the `NAME` of who publishes the export")
	fs.StringVar(&dumpURL, "dump-url", "", "dataset description: the `URL` the export will be downloadable from")
	fs.BoolVarP(&quiet, "quiet", "q", false, "no progress on stderr")
	opts.add(fs)
	fs.Usage = func() {
		fmt.Fprintln(s.err, "usage: assemblykg export [flags] FILE|DIR|- ...")
		fmt.Fprintln(s.err, "\nMaps transcripts (files, folders searched for *.txt, or - for stdin) to one")
		fmt.Fprintln(s.err, "named graph each and writes them in one RDF file. Inputs that cannot be read")
		fmt.Fprintln(s.err, "are reported with file:line:col; the others are still written, and the")
		fmt.Fprintln(s.err, "exit status is 1.")
		fmt.Fprintln(s.err, "\nflags:")
		fs.PrintDefaults()
		fmt.Fprintln(s.err, "\nexample:\n  assemblykg export -o seed.nq seeds/")
		fmt.Fprintln(s.err, "\nexit codes: 0 all exported, 1 an input could not be read (the others are exported), 2 bad flags")
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() == 0 {
		return usagef("no input: give transcript files, folders or - for stdin")
	}
	if err := opts.validate(); err != nil {
		return err
	}
	if dumpURL != "" && (!strings.HasPrefix(dumpURL, "http://") && !strings.HasPrefix(dumpURL, "https://") || strings.ContainsAny(dumpURL, " <>\"{}|^`\\")) {
		return usagef("--dump-url %q is not an http(s) address", dumpURL)
	}
	f, err := chooseFormat(format, output)
	if err != nil {
		return err
	}
	inputs, problems := collectInputs(fs.Args(), transcriptsOnly, s)
	if len(inputs) == 0 {
		return inputErrors(problems)
	}
	// An export's live heap is small beside the garbage mapping makes:
	// collecting less often while the heap is under the floor saves
	// about a sixth of the export's CPU time.
	defer heapfloor.Set(exportHeapFloor)()
	wo := rdfio.Options{Prefixes: ontology.Prefixes, Context: ontology.Context()}
	if contextURL {
		wo.ContextURL = ontology.ContextURL
	}
	// No progress line over RDF written to the terminal; the summary
	// always, unless --quiet.
	progress := newProgress(s, quiet, output != "" && output != "-", "export", len(inputs))
	opts.onError = func(err error) { progress.clear(); fmt.Fprintln(s.err, err) }
	opts.onWarning = func(w *transcript.ParseError) { progress.clear(); fmt.Fprintln(s.err, warning(w)) }
	// Every quad written counts, the register's and the description's too,
	// so the summary matches the output line for line.
	opts.onGraph = func() { progress.add(1, 0) }
	opts.emitKeepsNothing = true // the writers and the counts copy what they keep
	var inputErr error
	write := func(w io.Writer) error {
		qw := f.NewWriter(w, wo)
		stats := mapping.NewStats()
		err := mapCollected(ctx, inputs, opts, s, func(_ quad.IRI, quads []quad.Quad) error {
			stats.AddGraph(quads)
			progress.add(0, len(quads))
			_, err := qw.WriteQuads(quads)
			return err
		})
		if err == nil || isInputError(err) {
			d := mapping.Describe(opts.base, stats, mapping.Description{Publisher: publisher, Distributions: distributions(f, dumpURL)})
			if _, werr := qw.WriteQuads(d.Quads); werr != nil {
				err = werr
			}
			progress.add(0, len(d.Quads))
		}
		if cerr := qw.Close(); cerr != nil {
			return cerr
		}
		if err != nil && !isInputError(err) {
			return err
		}
		inputErr = err
		return nil
	}
	if output == "" || output == "-" {
		err = write(s.out)
	} else {
		err = rdfio.WriteFileAtomic(output, write)
	}
	progress.finish()
	if err != nil {
		return err
	}
	return joinInputErrors(problems, inputErr)
}

// distributions are the formats the export can be written in, the one
// written with the address it will be published at.
func distributions(written rdfio.Format, url string) []mapping.Distribution {
	var out []mapping.Distribution
	for _, f := range rdfio.Formats() {
		d := mapping.Distribution{Format: f.Name, MediaType: f.MediaType}
		if f.Name == written.Name {
			d.URL = url
		}
		out = append(out, d)
	}
	return out
}

func formatNames() string {
	var names []string
	for _, f := range rdfio.Formats() {
		names = append(names, f.Name)
	}
	return strings.Join(names, "|")
}

// chooseFormat picks the format from -f, else from the output's extension,
// else Turtle.
func chooseFormat(name, output string) (rdfio.Format, error) {
	if name != "" {
		f, ok := rdfio.ByName(name)
		if !ok {
			return rdfio.Format{}, usagef("unknown format %q (have %s)", name, formatNames())
		}
		return f, nil
	}
	if output != "" {
		if ext := filepath.Ext(output); ext != "" {
			f, ok := rdfio.ByExt(ext)
			if !ok {
				return rdfio.Format{}, usagef("no format for extension %q; use -f (%s)", ext, formatNames())
			}
			return f, nil
		}
	}
	f, _ := rdfio.ByName("turtle")
	return f, nil
}

// progress shows files, quads, rate and time left on a terminal's stderr.
type progress struct {
	s           streams
	off, quiet  bool
	verb        string
	total, done int
	quads       int
	start, last time.Time
	shown       bool
}

// newProgress starts the progress of a command: a line redrawn on stderr
// when it is a terminal and live is set, and a summary at the end unless
// quiet.
func newProgress(s streams, quiet, live bool, verb string, total int) *progress {
	return &progress{s: s, quiet: quiet, off: quiet || !live || !s.terminal, verb: verb, total: total, start: time.Now()}
}

func (p *progress) add(files, quads int) {
	p.done += files
	p.quads += quads
	if p.off || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	elapsed := time.Since(p.start).Seconds()
	rate := float64(p.quads) / max(elapsed, 1e-9)
	left := ""
	if p.done > 0 && p.total > p.done {
		left = fmt.Sprintf(", %s left", (time.Duration(elapsed/float64(p.done)*float64(p.total-p.done)) * time.Second).Round(time.Second))
	}
	fmt.Fprintf(p.s.err, "\r%s: %d/%d files, %d quads, %.0f quads/s%s   ", p.verb, p.done, p.total, p.quads, rate, left)
	p.shown = true
}

func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.s.err, "\r\033[K")
		p.shown = false
	}
}

// finish ends the progress line with a summary, on stderr even when it
// is not a terminal (unless quiet).
func (p *progress) finish() {
	p.clear()
	if p.quiet {
		return
	}
	fmt.Fprintf(p.s.err, "%s: %d files, %d quads in %s\n", p.verb, p.done, p.quads, time.Since(p.start).Round(time.Millisecond))
}
