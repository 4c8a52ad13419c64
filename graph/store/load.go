package store

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
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
	// when zero). The changes of successive graphs are gathered until the
	// next graph would not fit, then written in one transaction, so a
	// graph whose changes fit in one batch is always replaced in a single
	// transaction.
	Batch int
	// Progress, when set, is called after each graph.
	Progress func(Progress)
	// NoBulk makes loads go through Cayley's own writer: on PostgreSQL
	// instead of COPY, and on an empty PostgreSQL or bolt store instead of
	// the bulk load (see the package documentation). Memory and leveldb
	// stores always use Cayley's writer.
	NoBulk bool
}

// Loader writes named graphs into a store, one after another. It gathers
// the changes of several graphs and writes them together: call Flush when
// done (Store.Load does), or the changes of the last graphs are lost.
type Loader struct {
	s     *Store
	o     LoadOptions
	start time.Time
	p     Progress
	// add and del are the changes not yet written; pending names the
	// graphs they belong to, true for those with quads to remove.
	add, del []quad.Quad
	pending  map[quad.IRI]bool
	// sum is the change to the summaries the waiting changes make.
	sum map[string]int64
	// touched names the graphs put by this loader; byLabel is the quads of
	// the other graphs of a key-value store, by label, read in one pass
	// (see graphQuads).
	touched map[quad.IRI]struct{}
	byLabel *labelIndex
	// bulkChecked is set once the loader has looked whether the store is
	// empty, for a first load in one transaction (see beginBulk).
	bulkChecked bool
}

// quadIDs are the node IDs of a quad in a key-value store.
type quadIDs struct{ id, s, p, o, l uint64 }

// NewLoader returns a loader writing into s.
func (s *Store) NewLoader(o LoadOptions) *Loader {
	if o.Batch <= 0 {
		o.Batch = DefaultBatch
	}
	return &Loader{s: s, o: o, start: time.Now(), pending: map[quad.IRI]bool{}, sum: map[string]int64{}, touched: map[quad.IRI]struct{}{}}
}

// Progress reports what the loader has done so far. Graphs counts the
// graphs given to Put, including those whose changes wait for Flush.
func (l *Loader) Progress() Progress {
	p := l.p
	p.Elapsed = time.Since(l.start)
	return p
}

// Graphs yields each of graphs with no error: what Load reads from graphs
// held in memory.
func Graphs(graphs ...Graph) iter.Seq2[Graph, error] {
	return func(yield func(Graph, error) bool) {
		for _, g := range graphs {
			if !yield(g, nil) {
				return
			}
		}
	}
}

// Load writes every graph of graphs with a Loader, flushes it, and reports
// what was done.
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
	err := l.Flush(ctx)
	return l.Progress(), err
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

// dedupKey is q itself when its terms are of quad's own comparable types,
// and its N-Quads forms otherwise.
func dedupKey(q quad.Quad) any {
	for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
		if _, ok := comparableValue(v); !ok && v != nil {
			return keyOf(q)
		}
	}
	return q
}

// Put makes the named graph label hold exactly quads: quads of that graph
// already in the store and not in quads are removed, missing ones are added.
// Putting the same graph twice changes nothing. The changes join those of
// the graphs put before and are written when LoadOptions.Batch of them are
// waiting, or by Flush. If a load stops part way (the context is cancelled,
// the process dies), the store still opens and putting the graphs again
// completes it.
//
// The register graph (ontology.RegisterGraph under any base) is updated by
// subject instead: see PutSubjects.
func (l *Loader) Put(ctx context.Context, label quad.IRI, quads []quad.Quad) error {
	if IsRegister(label) {
		return l.PutSubjects(ctx, label, quads)
	}
	return l.put(ctx, label, quads, true)
}

// Merge adds quads to the named graph label and keeps the quads it already
// holds: the graph becomes the union. Progress counts the merged quads as
// added, whether or not the graph held them already. A reader of a file in which one
// graph's quads come in several runs Puts the first run and Merges the
// others.
func (l *Loader) Merge(ctx context.Context, label quad.IRI, quads []quad.Quad) error {
	return l.put(ctx, label, quads, false)
}

func (l *Loader) put(ctx context.Context, label quad.IRI, quads []quad.Quad, replace bool) error {
	return l.putSome(ctx, label, quads, replace, nil)
}

// putSome is put that, when replacing and only is not nil, removes only
// the quads of the graph for which only returns true.
func (l *Loader) putSome(ctx context.Context, label quad.IRI, quads []quad.Quad, replace bool, only func(quad.Quad) bool) (err error) {
	s := l.s
	defer s.guard("load", &err)()
	fail := func(err error) error { return &Error{Op: "load", Store: s.name(), Graph: label, Err: err} }
	if s.ro {
		return fail(errors.New("store is open read-only"))
	}
	if label == "" {
		return fail(errors.New("graph has no label"))
	}
	// Quads are told apart by their Go values first, which is cheap; a
	// graph already in the store is compared by N-Quads forms below.
	want := make(map[any]struct{}, len(quads))
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
		k := dedupKey(q)
		if _, dup := want[k]; dup {
			continue
		}
		want[k] = struct{}{}
		add = append(add, q)
	}
	if removes, ok := l.pending[label]; ok && (replace || removes || s.sum != nil) {
		// The graph's earlier changes are not written yet: write them, so
		// that the comparison below sees them and a merged quad is not
		// removed by them.
		if err := l.flush(ctx); err != nil {
			return fail(err)
		}
	}
	if _, ok := l.touched[label]; ok && s.inBulk() {
		// A graph put again in a first load is compared with what the
		// load wrote, which must be in the store for that.
		if err := l.Flush(ctx); err != nil {
			return err
		}
	}
	delta := map[string]int64{}
	if !replace {
		// Cayley skips quads already present, so a merge needs no
		// comparison; the summaries count the graph's quads as a whole.
		if s.sum != nil {
			old, err := l.graphQuads(ctx, label)
			if err != nil {
				return fail(err)
			}
			if err := addCounts(delta, old, append(slices.Clip(old), add...)); err != nil {
				return fail(err)
			}
		}
		return l.buffer(ctx, label, add, nil, delta, len(add), replace)
	}
	old, err := l.graphQuads(ctx, label)
	if err != nil {
		return fail(err)
	}
	l.touched[label] = struct{}{}
	if s.sum != nil {
		after := add
		if only != nil {
			// The graph keeps its quads that only leaves alone.
			after = slices.Clip(add)
			for _, q := range old {
				if !only(q) {
					after = append(after, q)
				}
			}
		}
		if err := addCounts(delta, old, after); err != nil {
			return fail(err)
		}
	}
	var del []quad.Quad
	if len(old) > 0 {
		wantKeys := make(map[quadKey]struct{}, len(add))
		for _, q := range add {
			wantKeys[keyOf(q)] = struct{}{}
		}
		have := make(map[quadKey]struct{}, len(old))
		for _, q := range old {
			k := keyOf(q)
			have[k] = struct{}{}
			if _, ok := wantKeys[k]; !ok && (only == nil || only(q)) {
				del = append(del, q)
			}
		}
		kept := make([]quad.Quad, 0, len(add))
		for _, q := range add {
			if _, ok := have[keyOf(q)]; !ok {
				kept = append(kept, q)
			}
		}
		add = kept
	}
	return l.buffer(ctx, label, add, del, delta, len(want), replace)
}

// buffer adds the changes of one graph to those waiting, writing the
// waiting ones first if the graph's would not fit in the batch.
func (l *Loader) buffer(ctx context.Context, label quad.IRI, add, del []quad.Quad, delta map[string]int64, quads int, replace bool) error {
	fail := func(err error) error { return &Error{Op: "load", Store: l.s.name(), Graph: label, Err: err} }
	if n := len(add) + len(del); n > 0 {
		if len(l.add)+len(l.del)+n > l.o.Batch {
			// Keep each graph in one transaction when it fits in one.
			if err := l.flush(ctx); err != nil {
				return fail(err)
			}
		}
		l.add = append(l.add, add...)
		l.del = append(l.del, del...)
		for k, n := range delta {
			l.sum[k] += n
		}
		l.pending[label] = l.pending[label] || len(del) > 0
		l.touched[label] = struct{}{}
		if len(l.add)+len(l.del) >= l.o.Batch {
			if err := l.flush(ctx); err != nil {
				return fail(err)
			}
		}
	}
	if replace {
		l.p.Graphs++
	}
	l.p.Quads += int64(quads)
	l.p.Added += int64(len(add))
	l.p.Removed += int64(len(del))
	if l.o.Progress != nil {
		l.o.Progress(l.Progress())
	}
	return nil
}

// Flush writes the changes waiting in the loader.
func (l *Loader) Flush(ctx context.Context) (err error) {
	defer l.s.guard("load", &err)()
	err = l.flush(ctx)
	if err == nil {
		err = l.s.endBulk(ctx)
	}
	if err != nil {
		return &Error{Op: "load", Store: l.s.name(), Err: err}
	}
	return nil
}

func (l *Loader) flush(ctx context.Context) error {
	if len(l.add)+len(l.del) == 0 {
		return nil
	}
	l.s.names.Clear() // a name may have changed
	l.s.members.Clear()
	var err error
	if !l.bulkChecked && !l.o.NoBulk {
		l.bulkChecked = true
		err = l.s.beginBulk(ctx)
	}
	if err == nil && len(l.del) > 0 {
		err = l.s.endBulk(ctx) // removals go through Cayley
	}
	switch {
	case err != nil:
	case l.s.bulk != nil:
		if err = l.s.stageBulk(ctx, l.add, l.sum); err != nil {
			l.s.dropBulk()
		}
	case l.s.boltBulk != nil:
		if err = l.s.stageBoltBulk(ctx, l.add, l.sum, l.o); err != nil {
			l.s.dropBulk()
		}
	default:
		err = l.s.markDirty(ctx)
		if err == nil {
			err = l.s.apply(ctx, l.add, l.del, l.o)
			if err != nil {
				l.s.sumStale = true
			} else {
				err = l.s.addSummaries(ctx, l.sum)
			}
		}
	}
	// Once tried, the changes are dropped: after a failure, putting the
	// graphs again completes them.
	clear(l.add)
	clear(l.del)
	l.add, l.del = l.add[:0], l.del[:0]
	clear(l.pending)
	clear(l.sum)
	return err
}

// graphQuads returns the quads the store holds in the named graph label.
// Cayley's key-value stores (bolt, leveldb) have no index by graph: finding
// one graph's quads reads every quad of the store, so reloading an archive
// would read the store once per graph. The loader instead reads the store
// once, the first time a graph it is given is already there, and keeps the
// IDs of the quads by graph. A graph the loader has put since is read the
// slow way, as its quads may have changed.
func (l *Loader) graphQuads(ctx context.Context, label quad.IRI) ([]quad.Quad, error) {
	s := l.s
	if s.inBulk() {
		// A first load: the store was empty and the graph is not put yet.
		return nil, nil
	}
	if _, ok := l.touched[label]; ok || (s.kind != Bolt && s.kind != LevelDB) {
		return s.graphQuads(ctx, label)
	}
	qs := s.h.QuadStore
	ref, err := qs.ValueOf(label)
	if err != nil || ref == nil {
		return nil, err
	}
	id, ok := ref.(kv.Int64Value)
	if !ok {
		return s.graphQuads(ctx, label)
	}
	if l.byLabel == nil {
		if l.byLabel, err = l.s.indexLabels(ctx); err != nil {
			return nil, err
		}
	}
	ids, err := l.byLabel.quads(uint64(id))
	if err != nil {
		return nil, err
	}
	var out []quad.Quad
	for _, q := range ids {
		v, err := qs.Quad(&cproto.Primitive{ID: q.id, Subject: q.s, Predicate: q.p, Object: q.o, Label: q.l})
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, ctx.Err()
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

// apply writes the additions, then the removals, each in transactions of
// at most o.Batch quads. The two never share a transaction: Cayley's
// key-value stores skip the removal of a quad when, in the same
// transaction, as many quads using one of its nodes are added as removed
// (the node's reference count does not change, so the node is not looked
// up), which would leave stale quads behind.
func (s *Store) apply(ctx context.Context, add, del []quad.Quad, o LoadOptions) error {
	if s.db != nil && !o.NoBulk && len(add) >= bulkMin {
		if err := s.copyQuads(ctx, add, o.Batch); err != nil {
			return err
		}
		return s.deleteQuads(ctx, del, o.Batch)
	}
	if s.boltBulk != nil && len(del) == 0 {
		for i := 0; i < len(add); i += o.Batch {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := s.boltBulk.write(add[i:min(i+o.Batch, len(add))]); err != nil {
				return err
			}
		}
		return nil
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
