package store

import (
	"bufio"
	"cmp"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
)

// A recount counts the summaries of a whole store from its quads, graph by
// graph as loads count them (graphCounts), in memory bounded whatever the
// store's size: the quads the summaries are made of are read in one pass
// over the store and spilled to files partitioned by graph; each partition is
// then read back, its graphs counted one by one, and the counts handed on
// in groups of at most recountKeys keys.
var (
	// recountQuads is about how many quads a partition holds: the store's
	// quads divided by it is the number of partitions (1: no files).
	recountQuads int64 = 1 << 19
	// recountKeys is how many summary keys are gathered before they are
	// handed on.
	recountKeys = 1 << 19
)

// recountDir is the folder, in an embedded store's folder, that a recount
// spills to; elsewhere it is made in the system's temporary folder.
const recountDir = "recount.tmp"

// maxRecountParts bounds the spill files open at once.
const maxRecountParts = 256

// rebuildSummaries recounts the summaries from the quads and writes them
// in key order, marked current: the counts, handed over in groups of at
// most recountKeys keys, are written to runs sorted by key, which are
// merged. The summaries are cleared before the counts are written in parts
// and the mark written last: a rebuild stopped part way leaves summaries
// that are not current, which the next writer recounts.
func (s *Store) rebuildSummaries(ctx context.Context) error {
	sc := s.newScratch(recountDir)
	defer sc.remove()
	var runs []string
	err := s.recountGraphs(ctx, sc, func(counts map[string]int64) error {
		name, err := writeRun(sc, counts)
		runs = append(runs, name)
		return err
	})
	if err != nil {
		return err
	}
	add := func(counts map[string]int64) error {
		return s.sum.update(ctx, func(tx sumTx) error { return tx.add(counts) })
	}
	err = s.sum.update(ctx, func(tx sumTx) error { return tx.clear() })
	if err == nil {
		err = mergeCounts(runs, boltChunk, add)
	}
	if err == nil {
		err = add(map[string]int64{sumVersion: sumFormat})
	}
	if err == nil {
		s.sumStale = false
	}
	return err
}

// writeRun writes counts to a new file of sc, sorted by key, each as the
// key's length and the count (varints) around the key, and returns its
// name.
func writeRun(sc *scratch, counts map[string]int64) (string, error) {
	f, err := sc.create("counts")
	if err != nil {
		return "", err
	}
	defer f.Close()
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w := bufio.NewWriterSize(f, 64<<10)
	var b []byte
	for _, k := range keys {
		b = binary.AppendUvarint(b[:0], uint64(len(k)))
		b = append(b, k...)
		b = binary.AppendVarint(b, counts[k])
		w.Write(b)
	}
	if err := w.Flush(); err != nil {
		return "", fmt.Errorf("summaries: recount: %w", err)
	}
	return f.Name(), nil
}

// count is a record of a run written by writeRun.
type count struct {
	key string
	n   int64
}

// readCount reads a record of a run; io.EOF at its end.
func readCount(r *bufio.Reader) (count, error) {
	l, err := binary.ReadUvarint(r)
	if err != nil {
		return count{}, err // io.EOF at the end of the run
	}
	k := make([]byte, l)
	if _, err := io.ReadFull(r, k); err != nil {
		return count{}, err
	}
	n, err := binary.ReadVarint(r)
	return count{string(k), n}, err
}

// mergeCounts adds up the counts of each key across the runs and hands
// them to add in key order, at most max keys at a time.
func mergeCounts(runs []string, max int, add func(map[string]int64) error) error {
	chunk := map[string]int64{}
	last := ""
	err := mergeRuns(runs, readCount, func(a, b count) int { return strings.Compare(a.key, b.key) }, func(c count) error {
		if c.key != last && len(chunk) >= max {
			if err := add(chunk); err != nil {
				return err
			}
			chunk = map[string]int64{}
		}
		chunk[c.key] += c.n
		last = c.key
		return nil
	})
	if err != nil {
		return fmt.Errorf("summaries: recount: %w", err)
	}
	if len(chunk) == 0 {
		return nil
	}
	return add(chunk)
}

// recountGraphs calls add with the summary counts of the store's graphs,
// summed over groups of graphs; its spill files go in sc.
func (s *Store) recountGraphs(ctx context.Context, sc *scratch, add func(map[string]int64) error) error {
	qs := s.h.QuadStore
	parts := 1
	if st, err := qs.Stats(ctx, false); err == nil && st.Quads.Value > recountQuads {
		parts = int(min(st.Quads.Value/recountQuads+1, maxRecountParts))
	}
	sp, err := newSpill(sc, parts)
	if err != nil {
		return err
	}
	defer sp.close()
	names := newNameCache(qs)
	var seed = maphash.MakeSeed()
	// One pass over every quad: a key-value backend has no index by
	// predicate, so reading the quads of each summarised predicate would
	// read them all once a predicate.
	want := map[any]quad.IRI{}
	for _, p := range summarised {
		pr, err := qs.ValueOf(p)
		if err != nil {
			return err
		}
		if pr != nil {
			want[refs.ToKey(pr)] = p
		}
	}
	if len(want) > 0 {
		it := qs.QuadsAllIterator().Iterate()
		for it.Next(ctx) {
			pr, err := qs.QuadDirection(it.Result(), quad.Predicate)
			if err != nil {
				it.Close()
				return err
			}
			p, ok := want[refs.ToKey(pr)]
			if !ok {
				continue
			}
			q, err := names.quad(it.Result(), p)
			if err == nil {
				err = sp.add(int(maphash.String(seed, nodeKey(q.Label))%uint64(parts)), q)
			}
			if err != nil {
				it.Close()
				return err
			}
		}
		err := it.Err()
		it.Close()
		if err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	acc := map[string]int64{}
	for i := range parts {
		qs, err := sp.read(i)
		if err != nil {
			return err
		}
		// A partition's graphs, each counted alone.
		slices.SortStableFunc(qs, func(a, b quad.Quad) int { return cmp.Compare(nodeKey(a.Label), nodeKey(b.Label)) })
		for len(qs) > 0 {
			n := 1
			for n < len(qs) && nodeKey(qs[n].Label) == nodeKey(qs[0].Label) {
				n++
			}
			counts, err := graphCounts(qs[:n])
			if err != nil {
				return err
			}
			for k, c := range counts {
				acc[k] += c
			}
			qs = qs[n:]
			if len(acc) >= recountKeys {
				if err := add(acc); err != nil {
					return err
				}
				acc = map[string]int64{}
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if len(acc) == 0 {
		return nil
	}
	return add(acc)
}

// recount counts the summaries of the whole store from its quads, into
// one map (CheckSummaries compares it with those kept).
func (s *Store) recount(ctx context.Context) (map[string]int64, error) {
	sc := s.newScratch(recountDir)
	defer sc.remove()
	all := map[string]int64{}
	err := s.recountGraphs(ctx, sc, func(counts map[string]int64) error {
		for k, n := range counts {
			all[k] += n
		}
		return nil
	})
	return all, err
}

// nameCache turns a quad of the store into values, keeping the values of
// recent nodes: objects and graph labels repeat from quad to quad.
type nameCache struct {
	qs    graph.QuadStore
	names map[any]quad.Value
}

const nameCacheSize = 1 << 16

func newNameCache(qs graph.QuadStore) *nameCache {
	return &nameCache{qs: qs, names: make(map[any]quad.Value, nameCacheSize)}
}

func (c *nameCache) quad(q graph.Ref, p quad.IRI) (quad.Quad, error) {
	out := quad.Quad{Predicate: p}
	for _, d := range []quad.Direction{quad.Subject, quad.Object, quad.Label} {
		r, err := c.qs.QuadDirection(q, d)
		if err != nil {
			return out, err
		}
		var v quad.Value
		if r != nil {
			if v, err = c.name(r); err != nil {
				return out, err
			}
		}
		out.Set(d, v)
	}
	if out.Subject == nil || out.Object == nil {
		return out, errors.New("summaries: a quad without subject or object")
	}
	return out, nil
}

func (c *nameCache) name(r graph.Ref) (quad.Value, error) {
	k := refs.ToKey(r)
	if v, ok := c.names[k]; ok {
		return v, nil
	}
	v, err := c.qs.NameOf(r)
	if err != nil {
		return nil, err
	}
	if len(c.names) >= nameCacheSize {
		clear(c.names)
	}
	c.names[k] = v
	return v, nil
}

// spill holds the partitions of a recount: in memory when there is one,
// else in files.
type spill struct {
	mem   []quad.Quad
	files []*os.File
	bufs  []*bufio.Writer
	ws    []*pquads.Writer
}

func newSpill(sc *scratch, parts int) (*spill, error) {
	sp := &spill{}
	if parts == 1 {
		return sp, nil
	}
	for range parts {
		f, err := sc.create("part")
		if err != nil {
			sp.close()
			return nil, err
		}
		bw := bufio.NewWriterSize(f, 32<<10)
		sp.files, sp.bufs = append(sp.files, f), append(sp.bufs, bw)
		sp.ws = append(sp.ws, pquads.NewWriter(bw, nil))
	}
	return sp, nil
}

func (sp *spill) add(part int, q quad.Quad) error {
	if sp.files == nil {
		sp.mem = append(sp.mem, q)
		return nil
	}
	return sp.ws[part].WriteQuad(q)
}

// read returns the quads of a partition.
func (sp *spill) read(part int) ([]quad.Quad, error) {
	if sp.files == nil {
		return sp.mem, nil
	}
	if err := sp.bufs[part].Flush(); err != nil {
		return nil, fmt.Errorf("summaries: recount: %w", err)
	}
	f := sp.files[part]
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	r := pquads.NewReader(bufio.NewReaderSize(f, 64<<10), 32<<20)
	var qs []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("summaries: recount: %s: %w", f.Name(), err)
		}
		qs = append(qs, q)
	}
	// The partition is not read again.
	f.Truncate(0)
	return qs, nil
}

func (sp *spill) close() {
	for _, f := range sp.files {
		f.Close()
		os.Remove(f.Name())
	}
}
