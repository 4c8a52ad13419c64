package store

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"
)

// Graph is one unit of loading: a named graph (one transcript) and its quads.
// Quads without a label get Label; quads with another label are an error.
type Graph struct {
	Label quad.IRI
	Quads []quad.Quad
}

// Progress reports how far a load has come.
type Progress struct {
	Graphs  int           // named graphs written
	Quads   int64         // quads in those graphs
	Added   int64         // quads that were not in the store before
	Removed int64         // quads of replaced graphs that are gone
	Elapsed time.Duration // since the load started
}

// Rate is the number of quads handled per second.
func (p Progress) Rate() float64 {
	if p.Elapsed <= 0 {
		return 0
	}
	return float64(p.Quads) / p.Elapsed.Seconds()
}

// LoadOptions tune a load.
type LoadOptions struct {
	// Batch is the number of quad changes per transaction (DefaultBatch
	// when zero). A graph whose changes fit in one batch is replaced in a
	// single transaction.
	Batch int
	// Progress, when set, is called after each graph.
	Progress func(Progress)
	// NoBulk makes PostgreSQL loads go through Cayley's own writer instead
	// of COPY (the other backends always use Cayley's writer).
	NoBulk bool
}

// Loader writes named graphs into a store, one after another.
type Loader struct {
	s     *Store
	o     LoadOptions
	start time.Time
	p     Progress
}

// NewLoader returns a loader writing into s.
func (s *Store) NewLoader(o LoadOptions) *Loader {
	if o.Batch <= 0 {
		o.Batch = DefaultBatch
	}
	return &Loader{s: s, o: o, start: time.Now()}
}

// Progress reports what the loader has done so far.
func (l *Loader) Progress() Progress {
	p := l.p
	p.Elapsed = time.Since(l.start)
	return p
}

// Load writes every graph of graphs with a Loader and reports what was done.
func (s *Store) Load(ctx context.Context, graphs iter.Seq2[Graph, error], o LoadOptions) (Progress, error) {
	l := s.NewLoader(o)
	for g, err := range graphs {
		if err != nil {
			return l.Progress(), err
		}
		if err := l.Put(ctx, g.Label, g.Quads); err != nil {
			return l.Progress(), err
		}
	}
	return l.Progress(), nil
}

// quadKey identifies a quad by the N-Quads forms of its terms, so quads read
// back from any backend compare equal to the quads given to it.
type quadKey [4]string

func keyOf(q quad.Quad) quadKey {
	var k quadKey
	for i, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		if v != nil {
			k[i] = v.String()
		}
	}
	return k
}

// Put makes the named graph label hold exactly quads: quads of that graph
// already in the store and not in quads are removed, missing ones are added.
// Putting the same graph twice changes nothing. Changes go in batches of
// LoadOptions.Batch; if a load stops part way (the context is cancelled, the
// process dies), the store still opens and putting the graph again
// completes it.
func (l *Loader) Put(ctx context.Context, label quad.IRI, quads []quad.Quad) error {
	s := l.s
	fail := func(err error) error { return &Error{Op: "load", Store: s.name(), Graph: label, Err: err} }
	if s.ro {
		return fail(errors.New("store is open read-only"))
	}
	if label == "" {
		return fail(errors.New("graph has no label"))
	}
	want := make(map[quadKey]struct{}, len(quads))
	add := make([]quad.Quad, 0, len(quads))
	for _, q := range quads {
		if q.Label == nil {
			q.Label = label
		} else if q.Label != label {
			return fail(fmt.Errorf("quad %v belongs to another graph", q))
		}
		if !q.IsValid() {
			return fail(fmt.Errorf("invalid quad %v", q))
		}
		k := keyOf(q)
		if _, dup := want[k]; dup {
			continue
		}
		want[k] = struct{}{}
		add = append(add, q)
	}
	old, err := s.graphQuads(ctx, label)
	if err != nil {
		return fail(err)
	}
	var del []quad.Quad
	if len(old) > 0 {
		have := make(map[quadKey]struct{}, len(old))
		for _, q := range old {
			k := keyOf(q)
			have[k] = struct{}{}
			if _, ok := want[k]; !ok {
				del = append(del, q)
			}
		}
		kept := add[:0]
		for _, q := range add {
			if _, ok := have[keyOf(q)]; !ok {
				kept = append(kept, q)
			}
		}
		add = kept
	}
	if len(add) > 0 || len(del) > 0 {
		s.names.Clear() // a name may have changed
	}
	if err := s.apply(ctx, add, del, l.o); err != nil {
		return fail(err)
	}
	l.p.Graphs++
	l.p.Quads += int64(len(want))
	l.p.Added += int64(len(add))
	l.p.Removed += int64(len(del))
	if l.o.Progress != nil {
		l.o.Progress(l.Progress())
	}
	return nil
}

// graphQuads returns the quads of one named graph.
func (s *Store) graphQuads(ctx context.Context, label quad.IRI) ([]quad.Quad, error) {
	qs := s.h.QuadStore
	ref, err := qs.ValueOf(label)
	if err != nil || ref == nil {
		return nil, err
	}
	it := qs.QuadIterator(quad.Label, ref).Iterate()
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	return out, ctx.Err()
}

// apply writes the additions, then the removals, in batches. When both fit
// in one batch they go in one transaction.
func (s *Store) apply(ctx context.Context, add, del []quad.Quad, o LoadOptions) error {
	if s.db != nil && !o.NoBulk && len(add) >= bulkMin {
		if err := s.deleteQuads(ctx, del, o.Batch); err != nil {
			return err
		}
		return s.copyQuads(ctx, add, o.Batch)
	}
	if len(add)+len(del) <= o.Batch {
		deltas := make([]graph.Delta, 0, len(add)+len(del))
		for _, q := range add {
			deltas = append(deltas, graph.Delta{Quad: q, Action: graph.Add})
		}
		for _, q := range del {
			deltas = append(deltas, graph.Delta{Quad: q, Action: graph.Delete})
		}
		return s.applyDeltas(ctx, deltas)
	}
	if err := s.applyBatches(ctx, add, graph.Add, o.Batch); err != nil {
		return err
	}
	return s.deleteQuads(ctx, del, o.Batch)
}

func (s *Store) deleteQuads(ctx context.Context, del []quad.Quad, batch int) error {
	return s.applyBatches(ctx, del, graph.Delete, batch)
}

func (s *Store) applyBatches(ctx context.Context, qs []quad.Quad, action graph.Procedure, batch int) error {
	deltas := make([]graph.Delta, 0, min(batch, len(qs)))
	for i := 0; i < len(qs); i += batch {
		deltas = deltas[:0]
		for _, q := range qs[i:min(i+batch, len(qs))] {
			deltas = append(deltas, graph.Delta{Quad: q, Action: action})
		}
		if err := s.applyDeltas(ctx, deltas); err != nil {
			return err
		}
	}
	return nil
}

func (s *Store) applyDeltas(ctx context.Context, deltas []graph.Delta) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if len(deltas) == 0 {
		return nil
	}
	return s.h.QuadStore.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
}
