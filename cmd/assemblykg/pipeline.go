package main

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"runtime"
	"sync"

	"github.com/cayleygraph/quad"
	"github.com/spf13/pflag"

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
	// onGraph is told of each graph mapped, for progress.
	onGraph func(file string, quads int)
}

func (o *mapOptions) add(fs *pflag.FlagSet) {
	fs.StringVar(&o.base, "base", ontology.DefaultBase, "base `IRI` under which people, bodies, questions and turns are named")
	fs.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "transcripts mapped in parallel (output order stays the input order)")
	o.registry.add(fs)
}

func (o *mapOptions) validate() error {
	if o.base == "" {
		return usagef("--base must not be empty")
	}
	if last := o.base[len(o.base)-1]; last != '/' && last != '#' {
		o.base += "/"
	}
	if o.workers < 1 {
		o.workers = 1
	}
	return nil
}

// mapCollected reads and maps the transcripts among inputs, in parallel, and
// calls emit with each graph in input order. A transcript that cannot be
// read is reported to onError and skipped; mapCollected then returns an
// inputFailures error counting them, after every other graph was emitted.
func mapCollected(ctx context.Context, inputs []input, opts mapOptions, s streams, emit func(label quad.IRI, quads []quad.Quad) error) error {
	if err := opts.validate(); err != nil {
		return err
	}
	pipe, err := newPipeline(opts)
	if err != nil {
		return err
	}
	type result struct {
		g   mapping.Graph
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// The feeder takes a place in the window before handing out an index,
	// so the window always holds the lowest indices not yet emitted and the
	// loop below can always make progress: at most 2*workers graphs are
	// held at once. Input i's result goes in slot i%size of a ring: the
	// window keeps i from being handed out before i-size was emitted, so
	// its slot is free. Workers fill slots, the loop below empties them in
	// order, so output order is input order whatever the timing, and memory
	// does not grow with the number of inputs.
	size := 2 * opts.workers
	window := make(chan struct{}, size)
	slots := make([]chan result, size)
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range inputs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < opts.workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				g, err := pipe.mapInput(inputs[i], s)
				slots[i%size] <- result{g, err}
			}
		}()
	}
	var failed []error
	var emitErr error
	// Graph labels seen, as 64-bit hashes (a collision among a million
	// graphs has odds of about 1 in 10^7), with the input that claimed each:
	// two files may not map to one graph.
	labels := map[uint64]int{}
	for i := range inputs {
		var r result
		select {
		case r = <-slots[i%size]:
		case <-ctx.Done():
			wg.Wait()
			return ctx.Err()
		}
		<-window
		if r.err != nil {
			failed = append(failed, r.err)
			if opts.onError != nil {
				opts.onError(r.err)
			}
			continue
		}
		h := maphash.String(labelSeed, string(r.g.Label))
		if other, dup := labels[h]; dup {
			err := fmt.Errorf("%s: same session date and title as %s (graph %s); give one of them another title", inputs[i].path, inputs[other].path, r.g.Label)
			failed = append(failed, err)
			if opts.onError != nil {
				opts.onError(err)
			}
			continue
		}
		labels[h] = i
		if emitErr == nil {
			emitErr = emit(r.g.Label, r.g.Quads)
			if emitErr != nil {
				cancel()
				break
			}
		}
		if opts.onGraph != nil {
			opts.onGraph(inputs[i].path, len(r.g.Quads))
		}
	}
	cancel()
	wg.Wait()
	if emitErr != nil {
		return emitErr
	}
	if err := ctx.Err(); err != nil && !errors.Is(err, context.Canceled) {
		return err
	}
	return inputErrors(failed)
}

var labelSeed = maphash.MakeSeed()

// pipeline holds what every transcript is mapped with; it is safe for
// concurrent use.
type pipeline struct {
	reader *transcript.Reader
	mapper *mapping.Mapper
}

func newPipeline(opts mapOptions) (*pipeline, error) {
	reg, err := opts.registry.people()
	if err != nil {
		return nil, err
	}
	m, err := opts.registry.mapper(opts.base, reg)
	if err != nil {
		return nil, err
	}
	return &pipeline{reader: transcript.NewReader(reg), mapper: m}, nil
}

func (p *pipeline) mapInput(in input, s streams) (mapping.Graph, error) {
	t, err := in.readTranscript(p.reader, s)
	if err != nil {
		return mapping.Graph{}, err
	}
	return p.mapper.Map(t, p.mapper.Find(t)), nil
}
