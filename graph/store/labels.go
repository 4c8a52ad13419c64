package store

import (
	"bufio"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"

	cproto "github.com/cayleygraph/cayley/graph/proto"
)

// labelIndex holds the node IDs of every quad of a key-value store in a
// graph, sorted by graph label: in memory when they are few, else in a
// file, of which only where each label's quads start is kept in memory.
// Its memory does not grow with the store beyond that (16 bytes a graph).
type labelIndex struct {
	mem  []quadIDs           // the quads, when held in memory
	file *os.File            // the quads, when in a file (removed, kept open)
	at   map[uint64][2]int64 // label -> first quad, number of quads
}

// labelRun is how many quads (40 bytes each) indexLabels sorts in memory
// at a time.
var labelRun = 1 << 20

// labelsDir is the folder, in an embedded store's folder, that indexLabels
// spills to.
const labelsDir = "labels.tmp"

const quadIDsLen = 40

// indexLabels reads every quad of a key-value store once and sorts their
// IDs by graph label, in runs of labelRun quads merged into one file.
func (s *Store) indexLabels(ctx context.Context) (*labelIndex, error) {
	sc := s.newScratch(labelsDir)
	defer sc.remove()
	var (
		buf  []quadIDs
		runs []string
	)
	byLabel := func(a, b quadIDs) int { return cmp.Or(cmp.Compare(a.l, b.l), cmp.Compare(a.id, b.id)) }
	spill := func() error {
		slices.SortFunc(buf, byLabel)
		f, err := sc.create("run")
		if err != nil {
			return err
		}
		defer f.Close()
		w := bufio.NewWriterSize(f, 64<<10)
		for _, q := range buf {
			w.Write(q.append(nil))
		}
		if err := w.Flush(); err != nil {
			return err
		}
		runs, buf = append(runs, f.Name()), buf[:0]
		return nil
	}
	it := s.h.QuadStore.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		p, ok := it.Result().(*cproto.Primitive)
		if !ok || p.Label == 0 {
			continue
		}
		buf = append(buf, quadIDs{p.ID, p.Subject, p.Predicate, p.Object, p.Label})
		if len(buf) == labelRun {
			if err := spill(); err != nil {
				return nil, err
			}
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	x := &labelIndex{at: map[uint64][2]int64{}}
	place := func(n int64, q quadIDs) {
		r, ok := x.at[q.l]
		if !ok {
			r[0] = n
		}
		r[1]++
		x.at[q.l] = r
	}
	if runs == nil {
		slices.SortFunc(buf, byLabel)
		for i, q := range buf {
			place(int64(i), q)
		}
		x.mem = buf
		return x, nil
	}
	if err := spill(); err != nil {
		return nil, err
	}
	f, err := sc.create("labels")
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	var n int64
	var b []byte
	err = mergeRuns(runs, readQuadIDs, byLabel, func(q quadIDs) error {
		place(n, q)
		n++
		b = q.append(b[:0])
		_, err := w.Write(b)
		return err
	})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	x.file = f
	return x, nil
}

// quads returns the IDs of the quads in the graph label.
func (x *labelIndex) quads(label uint64) ([]quadIDs, error) {
	r, ok := x.at[label]
	switch {
	case !ok:
		return nil, nil
	case x.file == nil:
		return x.mem[r[0] : r[0]+r[1]], nil
	}
	b := make([]byte, r[1]*quadIDsLen)
	if _, err := x.file.ReadAt(b, r[0]*quadIDsLen); err != nil {
		return nil, fmt.Errorf("%s: %w", labelsDir, err)
	}
	out := make([]quadIDs, r[1])
	for i := range out {
		out[i] = decodeQuadIDs(b[i*quadIDsLen:])
	}
	return out, nil
}

func (q quadIDs) append(b []byte) []byte {
	for _, v := range [...]uint64{q.id, q.s, q.p, q.o, q.l} {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	return b
}

func decodeQuadIDs(b []byte) quadIDs {
	u := func(i int) uint64 { return binary.LittleEndian.Uint64(b[8*i:]) }
	return quadIDs{u(0), u(1), u(2), u(3), u(4)}
}

func readQuadIDs(r *bufio.Reader) (quadIDs, error) {
	var b [quadIDsLen]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return quadIDs{}, err // io.EOF at the end of a run
	}
	return decodeQuadIDs(b[:]), nil
}
