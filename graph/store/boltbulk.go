package store

import (
	"bufio"
	"bytes"
	"container/heap"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"google.golang.org/protobuf/proto"
)

// A first load into a bolt store that was never written builds Cayley's
// key layout itself, in sorted order, instead of going through Cayley's
// writer. Cayley's writer looks every node and quad up before it writes
// it, and each of its transactions adds nodes to thousands of the node
// buckets and keys all over the quad indexes, so each commit rewrites pages
// all over a file that grows with the store: a load slows down as the store
// grows. The build here writes nothing into the store while the batches
// come: each batch is spilled to files in a folder beside the store (the
// hashes of its nodes and its quads by those nodes), and its nodes, with
// their values and the number of quad terms that use them, are gathered in
// memory and spilled, sorted by hash, every boltNodeRun nodes. Flush then
// builds a new bolt file once, in key order: the sorted runs of nodes are
// merged, giving each node its ID in hash order and writing the node
// buckets and the node records of the log; the spilled batches are read
// again, each quad gets its ID and its log record, and its index entries
// are spilled in sorted runs of boltIndexRun; the runs of each index are
// merged into its bucket. Every bucket is written in key order, each page
// once, in transactions of boltChunk keys, so the memory a load needs is
// bounded by those constants, not by the size of the store. The new file is
// synced and renamed over the empty store, which it replaces whole: a first
// load stopped at any point, even by kill -9, leaves the store empty, as a
// first load into PostgreSQL does, and the spill folder it left is removed
// when the store is next opened for writing.
//
// In a store that was empty when the load began, a quad is new unless its
// graph is put twice; the loader then flushes, which ends the build, and
// hands over to Cayley's writer (see Loader.putSome), as it does for
// removals and for every later load.
//
// The layout, as Cayley's graph/kv package reads it: bucket "log" maps an
// 8-byte big-endian ID to a protobuf Primitive (a node's value, or a quad's
// four node IDs); buckets "v" and "n" followed by the first two bytes of a
// node's hash map the hash to the node's ID and to the number of quad terms
// that use it, as varints; each quad index (bucket "sp", "ops", ... named by
// its directions) maps the big-endian IDs of those directions to the
// varint list of IDs of the quads that have them, in increasing order;
// "meta" holds "horizon", the last ID given, and "size", the number of
// quads.

const (
	// boltNodeRun is how many nodes a bolt bulk load gathers in memory
	// before it spills them to a sorted run.
	boltNodeRun = 1 << 16
	// boltIndexRun is how many entries of a quad index the build sorts in
	// memory at a time.
	boltIndexRun = 1 << 18
	// boltChunk is how many keys the build writes per transaction.
	boltChunk = 1 << 17
	// boltNodeCache is how many node IDs the build keeps in memory while
	// it reads the spilled batches again.
	boltNodeCache = 1 << 18
	// boltQuadBytes is about how many bytes of a bolt file a quad takes,
	// its nodes included.
	boltQuadBytes = 300
)

// bulkDir is the folder, in the store's folder, that a bolt bulk load
// spills to and builds the new store file in.
const bulkDir = "bulk.tmp"

// hashLen is the length of a node's hash.
const hashLen = len(refs.ValueHash{})

// boltBulk is a first load into a bolt store in progress.
type boltBulk struct {
	db      *bolt.DB // the store, never written
	sc      *scratch // the spill folder
	indexes []kv.QuadIndex
	// nodes gathers the nodes of the batches since the last node run.
	nodes    map[refs.ValueHash]*spillNode
	nodeRuns []string
	// batches holds the spilled batches.
	batches *os.File
	bw      *bufio.Writer
	quads   uint64 // quads spilled
	buf     []byte // reused for each spilled batch
	// sum gathers the change to the summaries of the batches not yet
	// written to them; dirty is set once the summaries are marked out of
	// step with the quads.
	sum   map[string]int64
	dirty bool
	// indexRuns has the sorted runs of each quad index, once the build
	// has made them.
	indexRuns []*indexRuns
}

// spillNode is a node gathered for the next node run.
type spillNode struct {
	refs uint64 // quad terms that use it
	val  []byte // its value, as Cayley's log holds it
}

var (
	metaBucket = []byte("meta")
	logBucket  = []byte("log")
)

// beginBoltBulk starts a bulk load into the bolt store db, in the folder
// path, if it was never written.
func beginBoltBulk(db *bolt.DB, path string) (*boltBulk, error) {
	b := &boltBulk{db: db, sc: &scratch{parent: path, name: bulkDir}, nodes: make(map[refs.ValueHash]*spillNode), sum: make(map[string]int64)}
	fresh := false
	err := db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(metaBucket)
		if meta == nil {
			return fmt.Errorf("not a Cayley store: no %q bucket", metaBucket)
		}
		fresh = metaInt(meta, "horizon") == 0 && metaInt(meta, "size") == 0
		if v := meta.Get([]byte("indexes")); v != nil {
			if err := json.Unmarshal(v, &b.indexes); err != nil {
				return fmt.Errorf("quad indexes: %w", err)
			}
		}
		return nil
	})
	if err != nil || !fresh {
		return nil, err
	}
	if len(b.indexes) == 0 {
		return nil, nil // a store of an older layout: Cayley's writer knows it
	}
	if b.batches, err = b.sc.create("batches"); err != nil {
		b.sc.remove()
		return nil, err
	}
	b.bw = bufio.NewWriterSize(b.batches, 1<<20)
	return b, nil
}

// discard ends the load, removing what it spilled.
func (b *boltBulk) discard() {
	if b.batches != nil {
		b.batches.Close()
	}
	b.sc.remove()
}

// neverWritten reports whether no node or quad was ever written to the
// bolt store db.
func neverWritten(db *bolt.DB) bool {
	never := false
	db.View(func(tx *bolt.Tx) error {
		if meta := tx.Bucket(metaBucket); meta != nil {
			never = metaInt(meta, "horizon") == 0
		}
		return nil
	})
	return never
}

func metaInt(meta *bolt.Bucket, key string) int64 {
	v := meta.Get([]byte(key))
	if len(v) != 8 {
		return 0
	}
	return int64(binary.LittleEndian.Uint64(v))
}

func metaBytes(n uint64) []byte {
	return binary.LittleEndian.AppendUint64(nil, n)
}

// bulkNode is a node used by a batch.
type bulkNode struct {
	hash refs.ValueHash
	val  quad.Value
	refs uint64 // quad terms of the batch that use it
}

// write spills quads, none of which is in the store.
//
// A spilled batch is the number of its nodes and of its quads, as varints,
// the hashes of its nodes, then each quad as four varints: the positions
// of its subject, predicate, object and label among the nodes, plus one (0
// for no label).
func (b *boltBulk) write(quads []quad.Quad) error {
	// The nodes of the batch, in the order first used.
	var nodes []*bulkNode
	pos := make(map[refs.ValueHash]uint32)
	hashes := make(map[quad.Value]refs.ValueHash)
	node := func(v quad.Value) uint32 {
		if v == nil {
			return 0
		}
		var h refs.ValueHash
		if k, ok := comparableValue(v); ok {
			if h, ok = hashes[k]; !ok {
				h = refs.HashOf(v)
				hashes[k] = h
			}
		} else {
			h = refs.HashOf(v)
		}
		i, ok := pos[h]
		if !ok {
			nodes = append(nodes, &bulkNode{hash: h, val: v})
			i = uint32(len(nodes))
			pos[h] = i
		}
		nodes[i-1].refs++
		return i
	}
	qs := make([][4]uint32, 0, len(quads))
	seen := make(map[[4]uint32]struct{}, len(quads))
	for _, q := range quads {
		k := [4]uint32{node(q.Subject), node(q.Predicate), node(q.Object), node(q.Label)}
		if _, dup := seen[k]; dup {
			// The same quad twice in a batch: one is written, and its
			// terms count once.
			for _, i := range k {
				if i > 0 {
					nodes[i-1].refs--
				}
			}
			continue
		}
		seen[k] = struct{}{}
		qs = append(qs, k)
	}
	buf := binary.AppendUvarint(b.buf[:0], uint64(len(nodes)))
	buf = binary.AppendUvarint(buf, uint64(len(qs)))
	for _, n := range nodes {
		buf = append(buf, n.hash[:]...)
	}
	for _, q := range qs {
		for _, i := range q {
			buf = binary.AppendUvarint(buf, uint64(i))
		}
	}
	b.buf = buf
	b.quads += uint64(len(qs))
	if _, err := b.bw.Write(buf); err != nil {
		return err
	}
	for _, n := range nodes {
		if e := b.nodes[n.hash]; e != nil {
			e.refs += n.refs
			continue
		}
		val, err := pquads.MarshalValue(n.val)
		if err != nil {
			return err
		}
		b.nodes[n.hash] = &spillNode{refs: n.refs, val: val}
	}
	if len(b.nodes) >= boltNodeRun {
		return b.spillNodes()
	}
	return nil
}

// spillNodes writes the nodes gathered to a run sorted by hash: each node
// as its hash, then its count of quad terms and the length of its value as
// varints, then its value.
func (b *boltBulk) spillNodes() error {
	if len(b.nodes) == 0 {
		return nil
	}
	hs := make([]refs.ValueHash, 0, len(b.nodes))
	for h := range b.nodes {
		hs = append(hs, h)
	}
	slices.SortFunc(hs, func(a, b refs.ValueHash) int { return bytes.Compare(a[:], b[:]) })
	f, err := b.sc.create("nodes")
	if err != nil {
		return err
	}
	b.nodeRuns = append(b.nodeRuns, f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	var buf []byte
	for _, h := range hs {
		n := b.nodes[h]
		buf = append(buf[:0], h[:]...)
		buf = binary.AppendUvarint(buf, n.refs)
		buf = binary.AppendUvarint(buf, uint64(len(n.val)))
		buf = append(buf, n.val...)
		w.Write(buf)
	}
	err = w.Flush()
	if e := f.Close(); err == nil {
		err = e
	}
	clear(b.nodes)
	return err
}

// build writes every quad spilled into a new bolt file in the spill folder,
// synced to disk, and returns it open.
func (b *boltBulk) build(ctx context.Context) (db *bolt.DB, err error) {
	if err := b.bw.Flush(); err != nil {
		return nil, err
	}
	if err := b.spillNodes(); err != nil {
		return nil, err
	}
	// Bolt maps the file anew each time it outgrows the mapping, and
	// copies every node of the transaction out of the old mapping: the
	// file is mapped at its expected size from the start (the address
	// space, not memory).
	mmap := min(max(b.quads*boltQuadBytes, 64<<20), 1<<40, math.MaxInt>>2)
	db, err = bolt.Open(filepath.Join(b.sc.dir, "indexes.bolt"), 0o600, &bolt.Options{Timeout: time.Second, InitialMmapSize: int(mmap)})
	if err != nil {
		return nil, err
	}
	// Synced once, at the end; the file grows as pages are written to it
	// rather than ahead of them.
	db.NoSync, db.NoGrowSync = true, true
	w := &chunkWriter{db: db, buckets: map[string]*bolt.Bucket{}}
	defer func() {
		if err != nil {
			if w.tx != nil {
				w.tx.Rollback()
			}
			db.Close()
		}
	}()
	if err := b.copyEmpty(w); err != nil {
		return nil, err
	}
	ts := time.Now().UnixNano()
	nodes, start, err := b.buildNodes(ctx, w, ts)
	if err != nil {
		return nil, err
	}
	size, err := b.buildQuads(ctx, w, ts, nodes, start)
	if err != nil {
		return nil, err
	}
	for i := range b.indexes {
		if err := b.buildIndex(ctx, w, i); err != nil {
			return nil, err
		}
	}
	if err := w.put(metaBucket, []byte("horizon"), metaBytes(nodes+size)); err != nil {
		return nil, err
	}
	if err := w.put(metaBucket, []byte("size"), metaBytes(size)); err != nil {
		return nil, err
	}
	if err := w.commit(); err != nil {
		return nil, err
	}
	return db, db.Sync()
}

// copyEmpty copies the buckets of the empty store, with what they hold (the
// store's metadata), into the new file.
func (b *boltBulk) copyEmpty(w *chunkWriter) error {
	type kvPair struct{ k, v []byte }
	var names [][]byte
	var pairs [][]kvPair
	err := b.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, bk *bolt.Bucket) error {
			names = append(names, slices.Clone(name))
			var ps []kvPair
			err := bk.ForEach(func(k, v []byte) error {
				if v == nil {
					return fmt.Errorf("bucket %q of an empty store holds bucket %q", name, k)
				}
				ps = append(ps, kvPair{slices.Clone(k), slices.Clone(v)})
				return nil
			})
			pairs = append(pairs, ps)
			return err
		})
	})
	if err != nil {
		return err
	}
	for i, name := range names {
		if _, err := w.bucket(name); err != nil {
			return err
		}
		for _, p := range pairs[i] {
			if err := w.put(name, p.k, p.v); err != nil {
				return err
			}
		}
	}
	return w.commit()
}

// nodeRec is a node of a node run.
type nodeRec struct {
	hash refs.ValueHash
	refs uint64
	val  []byte
}

func readNode(r *bufio.Reader) (nodeRec, error) {
	var n nodeRec
	if _, err := io.ReadFull(r, n.hash[:]); err != nil {
		return n, err
	}
	var err error
	if n.refs, err = binary.ReadUvarint(r); err != nil {
		return n, noEOF(err)
	}
	l, err := binary.ReadUvarint(r)
	if err != nil {
		return n, noEOF(err)
	}
	n.val = make([]byte, l)
	_, err = io.ReadFull(r, n.val)
	return n, noEOF(err)
}

// noEOF makes the end of a file inside a record an error.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// buildNodes merges the node runs, gives each node its ID in hash order
// and writes its log record and its keys in the node buckets. It returns
// the number of nodes and, for each two-byte prefix p of a hash, start[p],
// the number of nodes whose hash is below that prefix; the hashes are
// left in order in the file "hashes" of the spill folder, so that the node
// with the hash at position i has ID i+1.
//
// The buckets of one kind ("n", then "v") are written one after another:
// bolt inserts each new bucket's name in the root bucket, which would
// otherwise move the names of all the "v" buckets at each "n" bucket made.
func (b *boltBulk) buildNodes(ctx context.Context, w *chunkWriter, ts int64) (uint64, []uint64, error) {
	name := filepath.Join(b.sc.dir, "hashes")
	f, err := os.Create(name)
	if err != nil {
		return 0, nil, err
	}
	defer f.Close()
	hw := bufio.NewWriterSize(f, 1<<20)
	start := make([]uint64, 1<<16+1)
	var (
		id     uint64
		last   nodeRec
		have   bool
		key    [8]byte
		bucket = []byte{'n', 0, 0}
		varint []byte
	)
	emit := func() error {
		id++
		p := cproto.Primitive{ID: id, Value: last.val, Timestamp: ts}
		rec, err := proto.Marshal(&p)
		if err != nil {
			return err
		}
		binary.BigEndian.PutUint64(key[:], id)
		if err := w.put(logBucket, key[:], rec); err != nil {
			return err
		}
		copy(bucket[1:], last.hash[:2])
		varint = binary.AppendUvarint(varint[:0], last.refs)
		if err := w.put(bucket, last.hash[:], varint); err != nil {
			return err
		}
		start[int(last.hash[0])<<8|int(last.hash[1])+1]++
		if id%boltChunk == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		_, err = hw.Write(last.hash[:])
		return err
	}
	err = mergeRuns(b.nodeRuns, readNode, func(a, b nodeRec) int { return bytes.Compare(a.hash[:], b.hash[:]) }, func(n nodeRec) error {
		if have && n.hash == last.hash {
			last.refs += n.refs
			return nil
		}
		if have {
			if err := emit(); err != nil {
				return err
			}
		}
		last, have = n, true
		return nil
	})
	if err == nil && have {
		err = emit()
	}
	if err == nil {
		err = hw.Flush()
	}
	if err == nil {
		err = w.commit()
	}
	if err != nil {
		return 0, nil, err
	}
	// The "v" buckets, from the hashes in order.
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return 0, nil, err
	}
	r := bufio.NewReaderSize(f, 1<<20)
	bucket[0] = 'v'
	var h refs.ValueHash
	for i := uint64(1); i <= id; i++ {
		if _, err := io.ReadFull(r, h[:]); err != nil {
			return 0, nil, noEOF(err)
		}
		copy(bucket[1:], h[:2])
		varint = binary.AppendUvarint(varint[:0], i)
		if err := w.put(bucket, h[:], varint); err != nil {
			return 0, nil, err
		}
	}
	for p := 1; p < len(start); p++ {
		start[p] += start[p-1]
	}
	return id, start, w.commit()
}

// buildQuads reads the spilled batches again, gives each quad its ID after
// the nodes' and writes its log record, and spills the entries of each
// quad index in sorted runs. It returns the number of quads.
func (b *boltBulk) buildQuads(ctx context.Context, w *chunkWriter, ts int64, nodes uint64, start []uint64) (uint64, error) {
	hf, err := os.Open(filepath.Join(b.sc.dir, "hashes"))
	if err != nil {
		return 0, err
	}
	defer hf.Close()
	ids := make(map[refs.ValueHash]uint64)
	var block []byte
	// idOf finds the ID of the node with hash h among the sorted hashes:
	// those of h's prefix are read, and searched.
	idOf := func(h refs.ValueHash) (uint64, error) {
		if id, ok := ids[h]; ok {
			return id, nil
		}
		p := int(h[0])<<8 | int(h[1])
		lo, hi := start[p], start[p+1]
		block = slices.Grow(block[:0], int(hi-lo)*hashLen)[:int(hi-lo)*hashLen]
		if _, err := hf.ReadAt(block, int64(lo)*int64(hashLen)); err != nil {
			return 0, err
		}
		i := sort.Search(int(hi-lo), func(i int) bool { return bytes.Compare(block[i*hashLen:(i+1)*hashLen], h[:]) >= 0 })
		if i == int(hi-lo) || !bytes.Equal(block[i*hashLen:(i+1)*hashLen], h[:]) {
			return 0, fmt.Errorf("bulk load: node %x of a spilled quad is missing", h)
		}
		if len(ids) >= boltNodeCache {
			clear(ids)
		}
		id := lo + uint64(i) + 1
		ids[h] = id
		return id, nil
	}
	if _, err := b.batches.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	r := bufio.NewReaderSize(b.batches, 1<<20)
	runs := make([]*indexRuns, len(b.indexes))
	for i, ind := range b.indexes {
		runs[i] = &indexRuns{b: b, width: len(ind.Dirs) + 1}
	}
	var (
		id, size = nodes, uint64(0)
		batch    []uint64
		h        refs.ValueHash
		key      [8]byte
		p        cproto.Primitive
	)
	for {
		k, err := binary.ReadUvarint(r)
		if err == io.EOF {
			break
		} else if err != nil {
			return 0, err
		}
		m, err := binary.ReadUvarint(r)
		if err != nil {
			return 0, noEOF(err)
		}
		batch = batch[:0]
		for range k {
			if _, err := io.ReadFull(r, h[:]); err != nil {
				return 0, noEOF(err)
			}
			nid, err := idOf(h)
			if err != nil {
				return 0, err
			}
			batch = append(batch, nid)
		}
		for range m {
			var t [4]uint64
			for j := range t {
				i, err := binary.ReadUvarint(r)
				if err != nil {
					return 0, noEOF(err)
				}
				if i > k {
					return 0, errors.New("bulk load: a spilled quad names a node its batch lacks")
				}
				if i > 0 {
					t[j] = batch[i-1]
				}
			}
			id++
			size++
			p = cproto.Primitive{ID: id, Subject: t[0], Predicate: t[1], Object: t[2], Label: t[3], Timestamp: ts}
			rec, err := proto.Marshal(&p)
			if err != nil {
				return 0, err
			}
			binary.BigEndian.PutUint64(key[:], id)
			if err := w.put(logBucket, key[:], rec); err != nil {
				return 0, err
			}
			for i, ind := range b.indexes {
				var e indexEntry
				for j, d := range ind.Dirs {
					e[j] = p.GetDirection(d)
				}
				e[len(ind.Dirs)] = id
				if err := runs[i].add(e); err != nil {
					return 0, err
				}
			}
		}
		if err := ctx.Err(); err != nil {
			return 0, err
		}
	}
	for _, ir := range runs {
		if err := ir.spill(); err != nil {
			return 0, err
		}
	}
	b.indexRuns = runs
	return size, w.commit()
}

// indexEntry is an entry of a quad index: the IDs of the index's
// directions, then the quad's ID; unused places are 0.
type indexEntry [5]uint64

// indexRuns gathers the entries of one quad index and spills them in
// sorted runs of boltIndexRun entries: each entry as width big-endian
// 8-byte IDs.
type indexRuns struct {
	b       *boltBulk
	width   int
	entries []indexEntry
	files   []string
}

func (ir *indexRuns) add(e indexEntry) error {
	ir.entries = append(ir.entries, e)
	if len(ir.entries) >= boltIndexRun {
		return ir.spill()
	}
	return nil
}

func (ir *indexRuns) spill() error {
	if len(ir.entries) == 0 {
		return nil
	}
	slices.SortFunc(ir.entries, func(a, b indexEntry) int { return slices.Compare(a[:], b[:]) })
	f, err := ir.b.sc.create("index")
	if err != nil {
		return err
	}
	ir.files = append(ir.files, f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	buf := make([]byte, 0, 8*ir.width)
	for _, e := range ir.entries {
		buf = buf[:0]
		for _, x := range e[:ir.width] {
			buf = binary.BigEndian.AppendUint64(buf, x)
		}
		w.Write(buf)
	}
	err = w.Flush()
	if e := f.Close(); err == nil {
		err = e
	}
	ir.entries = ir.entries[:0]
	return err
}

// buildIndex merges the runs of quad index i into its bucket: each key
// with the varint list of its quads' IDs.
func (b *boltBulk) buildIndex(ctx context.Context, w *chunkWriter, i int) error {
	ir := b.indexRuns[i]
	ir.entries = nil
	bucket := b.indexes[i].Key(nil)[0]
	width := ir.width
	read := func(r *bufio.Reader) (indexEntry, error) {
		var e indexEntry
		var buf [8 * len(indexEntry{})]byte
		if _, err := io.ReadFull(r, buf[:8*width]); err != nil {
			return e, err
		}
		for j := range width {
			e[j] = binary.BigEndian.Uint64(buf[8*j:])
		}
		return e, nil
	}
	var (
		key, list []byte
		cur       indexEntry
		have      bool
		keys      int
	)
	flush := func() error {
		key = key[:0]
		for _, x := range cur[:width-1] {
			key = binary.BigEndian.AppendUint64(key, x)
		}
		keys++
		if keys%boltChunk == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return w.put(bucket, key, list)
	}
	err := mergeRuns(ir.files, read, func(a, b indexEntry) int { return slices.Compare(a[:], b[:]) }, func(e indexEntry) error {
		if have && !slices.Equal(e[:width-1], cur[:width-1]) {
			if err := flush(); err != nil {
				return err
			}
			list = list[:0]
		}
		cur, have = e, true
		list = binary.AppendUvarint(list, e[width-1])
		return nil
	})
	if err == nil && have {
		err = flush()
	}
	if err != nil {
		return err
	}
	return w.commit()
}

// mergeRuns reads the sorted runs in files together and calls emit with
// their records in order (by cmp; equal records in the order of files).
func mergeRuns[T any](files []string, read func(*bufio.Reader) (T, error), cmp func(a, b T) int, emit func(T) error) error {
	h := &runHeap[T]{cmp: cmp}
	defer func() {
		for _, r := range h.runs {
			r.f.Close()
		}
	}()
	for i, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		r := &run[T]{f: f, r: bufio.NewReaderSize(f, 64<<10), n: i}
		if r.cur, err = read(r.r); err == io.EOF {
			f.Close()
			continue
		} else if err != nil {
			f.Close()
			return err
		}
		h.runs = append(h.runs, r)
	}
	heap.Init(h)
	for len(h.runs) > 0 {
		r := h.runs[0]
		if err := emit(r.cur); err != nil {
			return err
		}
		var err error
		if r.cur, err = read(r.r); err == io.EOF {
			r.f.Close()
			heap.Pop(h)
			continue
		} else if err != nil {
			return err
		}
		heap.Fix(h, 0)
	}
	return nil
}

// run is a sorted run being merged, at its record cur.
type run[T any] struct {
	f   *os.File
	r   *bufio.Reader
	cur T
	n   int // its place among the runs
}

type runHeap[T any] struct {
	runs []*run[T]
	cmp  func(a, b T) int
}

func (h *runHeap[T]) Len() int { return len(h.runs) }
func (h *runHeap[T]) Less(i, j int) bool {
	if c := h.cmp(h.runs[i].cur, h.runs[j].cur); c != 0 {
		return c < 0
	}
	return h.runs[i].n < h.runs[j].n
}
func (h *runHeap[T]) Swap(i, j int) { h.runs[i], h.runs[j] = h.runs[j], h.runs[i] }
func (h *runHeap[T]) Push(x any)    { h.runs = append(h.runs, x.(*run[T])) }
func (h *runHeap[T]) Pop() any {
	r := h.runs[len(h.runs)-1]
	h.runs = h.runs[:len(h.runs)-1]
	return r
}

// chunkWriter writes keys into a bolt file in transactions of boltChunk
// keys. Bolt keeps the keys and values put until the transaction commits:
// they are copied into blocks the writer lets go at each commit.
type chunkWriter struct {
	db      *bolt.DB
	tx      *bolt.Tx
	buckets map[string]*bolt.Bucket
	puts    int
	block   []byte
}

// bucket returns the bucket name in the current transaction, creating it if
// needed. Its pages are filled whole: keys come in order.
func (w *chunkWriter) bucket(name []byte) (*bolt.Bucket, error) {
	if w.tx == nil {
		tx, err := w.db.Begin(true)
		if err != nil {
			return nil, err
		}
		w.tx = tx
	}
	if bk := w.buckets[string(name)]; bk != nil {
		return bk, nil
	}
	bk, err := w.tx.CreateBucketIfNotExists(name)
	if err != nil {
		return nil, err
	}
	bk.FillPercent = 1
	w.buckets[string(name)] = bk
	return bk, nil
}

func (w *chunkWriter) put(name, k, v []byte) error {
	bk, err := w.bucket(name)
	if err != nil {
		return err
	}
	if err := bk.Put(w.keep(k), w.keep(v)); err != nil {
		return err
	}
	if w.puts++; w.puts >= boltChunk {
		return w.commit()
	}
	return nil
}

// keep returns a copy of p that stays until the transaction commits.
func (w *chunkWriter) keep(p []byte) []byte {
	if len(w.block)+len(p) > cap(w.block) {
		w.block = make([]byte, 0, max(1<<20, len(p)))
	}
	n := len(w.block)
	w.block = append(w.block, p...)
	return w.block[n:len(w.block):len(w.block)]
}

func (w *chunkWriter) commit() error {
	if w.tx == nil {
		return nil
	}
	err := w.tx.Commit()
	w.tx, w.puts, w.block = nil, 0, nil
	clear(w.buckets)
	return err
}

// comparableValue returns v when it can be a map key: when it is of one of
// quad's own value types.
func comparableValue(v quad.Value) (quad.Value, bool) {
	switch v.(type) {
	case quad.IRI, quad.BNode, quad.String, quad.TypedString, quad.LangString,
		quad.Int, quad.Float, quad.Bool, quad.Time:
		return v, true
	}
	return nil, false
}
