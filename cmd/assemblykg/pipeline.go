package main

import (
	"context"
	"fmt"
	"io"
	"runtime"

	"github.com/cayleygraph/quad"
	"github.com/spf13/pflag"

	"github.com/assemblykg/assemblykg/internal/ordered"
	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

// mapOptions are the flags shared by the commands that map transcripts.
type mapOptions struct {
	base     string
	registry registryFlags
	workers  int
	// onError is told of each input that could not be used; the others
	// still go through.
	onError func(error)
	// onWarning is told of what the reader noticed in a transcript it
	// could read (a header field that is not a name, a text cut off), in
	// input order; nil prints it on stderr.
	onWarning func(*transcript.ParseError)
	// onGraph is told of each transcript's graph mapped, for progress.
	onGraph func()
	// emitKeepsNothing tells mapCollected that emit holds on to no slice of
	// quads once it returns, so that the slices of a graph written can
	// serve the graphs mapped after it.
	emitKeepsNothing bool
}

func (o *mapOptions) add(fs *pflag.FlagSet) {
	addBase(fs, &o.base, "base `IRI` under which people, bodies, questions and turns are named")
	fs.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "transcripts mapped in parallel (output order stays the input order)")
	o.registry.add(fs)
}

func (o *mapOptions) validate() error {
	if o.workers < 1 {
		o.workers = 1
	}
	return nil
}

// addBase adds --base, checked when the flags are parsed: a base that is
// not an absolute IRI is a usage error.
func addBase(fs *pflag.FlagSet, base *string, usage string) {
	*base = ontology.DefaultBase
	fs.Var((*baseValue)(base), "base", usage)
}

type baseValue string

func (b *baseValue) String() string { return string(*b) }
func (b *baseValue) Type() string   { return "IRI" }
func (b *baseValue) Set(s string) error {
	base, err := mapping.CheckBase(s)
	*b = baseValue(base)
	return err
}

// mapCollected reads and maps the transcripts among inputs, in parallel, and
// calls emit with each graph in input order, then with the register graph
// describing the people, bodies and sessions they refer to. A transcript
// that cannot be read is reported to onError and skipped; mapCollected then
// returns an inputFailures error counting them, after every other graph was
// emitted.
func mapCollected(ctx context.Context, inputs []input, opts mapOptions, s streams, emit func(label quad.IRI, quads []quad.Quad) error) error {
	if err := opts.validate(); err != nil {
		return err
	}
	pipe, err := newPipeline(opts, s.err)
	if err != nil {
		return err
	}
	var (
		failed   []error
		labels   mapping.Labels
		register = pipe.mapper.NewRegister()
	)
	warn := opts.onWarning
	if warn == nil {
		warn = func(w *transcript.ParseError) { fmt.Fprintln(s.err, warning(w)) }
	}
	err = ordered.Map(ctx, len(inputs), opts.workers, func(i int) (mapped, error) {
		return pipe.mapInput(inputs[i], s)
	}, func(i int, m mapped, err error) error {
		g := m.graph
		for _, w := range m.warnings {
			warn(w)
		}
		if err == nil {
			g, err = labels.Add(g, inputs[i].Path)
		}
		if err != nil {
			failed = append(failed, err)
			if opts.onError != nil {
				opts.onError(err)
			}
			return nil
		}
		if err := emit(g.Label, g.Quads); err != nil {
			return err
		}
		register.Add(g)
		if opts.emitKeepsNothing {
			mapping.Release(g)
		}
		if opts.onGraph != nil {
			opts.onGraph()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if register.Len() > 0 {
		r := register.Graph()
		if err := emit(r.Label, r.Quads); err != nil {
			return err
		}
	}
	return inputErrors(failed)
}

// pipeline holds what every transcript is mapped with; it is safe for
// concurrent use.
type pipeline struct {
	reader *transcript.Reader
	mapper *mapping.Mapper
}

func newPipeline(opts mapOptions, warn io.Writer) (*pipeline, error) {
	reg, err := opts.registry.people()
	if err != nil {
		return nil, err
	}
	m, err := opts.registry.mapper(opts.base, reg, warn)
	if err != nil {
		return nil, err
	}
	return &pipeline{reader: transcript.NewReader(reg), mapper: m}, nil
}

// mapped is a transcript's graph and the reader's warnings about it.
type mapped struct {
	graph    mapping.Graph
	warnings []*transcript.ParseError
}

func (p *pipeline) mapInput(in input, s streams) (mapped, error) {
	t, err := readTranscript(in, p.reader, s)
	if err != nil {
		return mapped{}, err
	}
	return mapped{p.mapper.Map(t, p.mapper.Find(t)), t.Warnings}, nil
}

// warning formats a reader's warning as "file:line:col: warning: reason".
func warning(w *transcript.ParseError) string {
	return fmt.Sprintf("%s:%d:%d: warning: %v", w.File, w.Line, w.Col, w.Err)
}
