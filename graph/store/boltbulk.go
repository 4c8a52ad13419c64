package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	boom "github.com/tylertreat/BoomFilters"
	"google.golang.org/protobuf/proto"
)

// A first load into a bolt store that was never written writes Cayley's
// key layout itself, one bolt transaction per batch, instead of going
// through Cayley's writer. Cayley's writer looks every node and quad up
// before it writes it, keeps three bloom filters to skip some of those
// lookups, and writes the keys of a batch in no order. In a store that was
// empty when the load began, a node is new unless this load wrote it, and a
// quad is new unless a graph is put twice (the loader then hands over to
// Cayley's writer, see Loader.putSome): the writer here remembers the nodes
// it wrote (their IDs, up to boltNodeCache of them, and a bloom filter of
// all of them), never looks a quad up, and writes each bucket's keys in
// sorted order. Each batch is one transaction, as with Cayley's writer, so
// a load stopped part way leaves a store that Cayley opens and that a rerun
// completes.
//
// The layout, as Cayley's graph/kv package reads it: bucket "log" maps an
// 8-byte big-endian ID to a protobuf Primitive (a node's value, or a quad's
// four node IDs); buckets "v" and "n" followed by the first two bytes of a
// node's hash map the hash to the node's ID and to the number of quad terms
// that use it, as varints; each quad index (bucket "sp", "ops", ... named by
// its directions) maps the big-endian IDs of those directions to the
// varint list of IDs of the quads that have them; "meta" holds "horizon",
// the last ID given, and "size", the number of quads.

// boltNodeCache is how many node IDs a bolt bulk load keeps in memory.
const boltNodeCache = 1 << 18

// boltBulk is a first load into a bolt store in progress.
type boltBulk struct {
	db      *bolt.DB
	indexes []kv.QuadIndex
	horizon uint64 // the last ID given to a node or a quad
	size    uint64 // quads in the store
	// ids holds the IDs of nodes written by this load, up to
	// boltNodeCache of them; written has every one.
	ids     map[refs.ValueHash]uint64
	written *boom.BloomFilter
}

var (
	metaBucket = []byte("meta")
	logBucket  = []byte("log")
)

// beginBoltBulk starts a bulk load if the bolt store db was never written.
func beginBoltBulk(db *bolt.DB) (*boltBulk, error) {
	b := &boltBulk{db: db, ids: make(map[refs.ValueHash]uint64)}
	fresh := false
	err := db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(metaBucket)
		if meta == nil {
			return fmt.Errorf("not a Cayley store: no %q bucket", metaBucket)
		}
		b.horizon = uint64(metaInt(meta, "horizon"))
		b.size = uint64(metaInt(meta, "size"))
		fresh = b.horizon == 0 && b.size == 0
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
	// Room for 20 million nodes at 1% false positives (24 MB).
	b.written = boom.NewBloomFilter(20_000_000, 0.01)
	return b, nil
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

func putMetaInt(meta *bolt.Bucket, key string, n uint64) error {
	var buf [8]byte
	binary.LittleEndian.PutUint64(buf[:], n)
	return meta.Put([]byte(key), buf[:])
}

// bulkNode is a node used by a batch.
type bulkNode struct {
	hash  refs.ValueHash
	val   quad.Value
	id    uint64
	refs  uint64 // quad terms of the batch that use it
	isNew bool
}

// bulkQuad is a quad of a batch, by its nodes.
type bulkQuad struct{ s, p, o, l *bulkNode }

func (q bulkQuad) dir(d quad.Direction) *bulkNode {
	switch d {
	case quad.Subject:
		return q.s
	case quad.Predicate:
		return q.p
	case quad.Object:
		return q.o
	}
	return q.l
}

// write adds quads, none of which is in the store, in one transaction.
func (b *boltBulk) write(quads []quad.Quad) error {
	ts := time.Now().UnixNano()
	// The nodes of the batch, in the order first used.
	var nodes []*bulkNode
	byHash := make(map[refs.ValueHash]*bulkNode)
	hashes := make(map[quad.Value]refs.ValueHash)
	node := func(v quad.Value) *bulkNode {
		if v == nil {
			return nil
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
		n := byHash[h]
		if n == nil {
			n = &bulkNode{hash: h, val: v}
			byHash[h] = n
			nodes = append(nodes, n)
		}
		n.refs++
		return n
	}
	qs := make([]bulkQuad, 0, len(quads))
	for _, q := range quads {
		qs = append(qs, bulkQuad{node(q.Subject), node(q.Predicate), node(q.Object), node(q.Label)})
	}
	horizon, size := b.horizon, b.size
	err := b.db.Update(func(tx *bolt.Tx) error {
		// Nodes this load wrote in an earlier batch keep their IDs; the
		// others get the next ones.
		for _, n := range nodes {
			if id, ok := b.ids[n.hash]; ok {
				n.id = id
			} else if b.written.Test(n.hash[:]) {
				if bk := tx.Bucket(valBucket('v', n.hash)); bk != nil {
					if v := bk.Get(n.hash[:]); v != nil {
						n.id, _ = binary.Uvarint(v)
					}
				}
			}
			if n.id == 0 {
				horizon++
				n.id, n.isNew = horizon, true
			}
		}
		log, err := tx.CreateBucketIfNotExists(logBucket)
		if err != nil {
			return err
		}
		log.FillPercent = 1 // keys only ever grow
		var key [8]byte
		for _, n := range nodes {
			if !n.isNew {
				continue
			}
			val, err := pquads.MarshalValue(n.val)
			if err != nil {
				return err
			}
			if err := putPrimitive(log, key[:], &cproto.Primitive{ID: n.id, Value: val, Timestamp: ts}); err != nil {
				return err
			}
		}
		// Quads, each once, and their index entries.
		seen := make(map[[4]uint64]struct{}, len(qs))
		entries := make([]map[string][]uint64, len(b.indexes))
		for i := range entries {
			entries[i] = make(map[string][]uint64)
		}
		// oldKeys has, per index, the keys that may already be in the
		// store: those none of whose nodes is new.
		oldKeys := make([]map[string]bool, len(b.indexes))
		for i := range oldKeys {
			oldKeys[i] = make(map[string]bool)
		}
		for _, q := range qs {
			p := cproto.Primitive{Subject: q.s.id, Predicate: q.p.id, Object: q.o.id, Timestamp: ts}
			if q.l != nil {
				p.Label = q.l.id
			}
			k := [4]uint64{p.Subject, p.Predicate, p.Object, p.Label}
			if _, dup := seen[k]; dup {
				// The same quad twice in a batch: one is written, and
				// its terms count once.
				for _, n := range []*bulkNode{q.s, q.p, q.o, q.l} {
					if n != nil {
						n.refs--
					}
				}
				continue
			}
			seen[k] = struct{}{}
			horizon++
			size++
			p.ID = horizon
			if err := putPrimitive(log, key[:], &p); err != nil {
				return err
			}
			for i, ind := range b.indexes {
				ik := string(ind.KeyFor(&p)[1])
				entries[i][ik] = append(entries[i][ik], p.ID)
				old := true
				for _, d := range ind.Dirs {
					if n := q.dir(d); n != nil && n.isNew {
						old = false
					}
				}
				if old {
					oldKeys[i][ik] = true
				}
			}
		}
		for i, ind := range b.indexes {
			if err := putIndex(tx, ind, entries[i], oldKeys[i]); err != nil {
				return err
			}
		}
		if err := putNodeKeys(tx, nodes); err != nil {
			return err
		}
		meta := tx.Bucket(metaBucket)
		if err := putMetaInt(meta, "horizon", horizon); err != nil {
			return err
		}
		return putMetaInt(meta, "size", size)
	})
	if err != nil {
		return err
	}
	b.horizon, b.size = horizon, size
	for _, n := range nodes {
		if n.isNew {
			if len(b.ids) >= boltNodeCache {
				clear(b.ids)
			}
			b.ids[n.hash] = n.id
			b.written.Add(n.hash[:])
		}
	}
	return nil
}

func putPrimitive(log *bolt.Bucket, key []byte, p *cproto.Primitive) error {
	buf, err := proto.Marshal(p)
	if err != nil {
		return err
	}
	binary.BigEndian.PutUint64(key, p.ID)
	return log.Put(key, buf)
}

// valBucket is the name of the bucket ("v" or "n", by prefix) that holds a
// node's hash.
func valBucket(prefix byte, h refs.ValueHash) []byte {
	return []byte{prefix, h[0], h[1]}
}

// putNodeKeys writes the ID of each new node by its hash, and adds to the
// count of quad terms that use each node, in hash order.
func putNodeKeys(tx *bolt.Tx, nodes []*bulkNode) error {
	sorted := slices.Clone(nodes)
	slices.SortFunc(sorted, func(a, b *bulkNode) int { return bytes.Compare(a.hash[:], b.hash[:]) })
	var (
		buf    [binary.MaxVarintLen64]byte
		prefix [2]byte // of the hashes in vb and nb
		vb, nb *bolt.Bucket
		err    error
	)
	for _, n := range sorted {
		if vb == nil || prefix != [2]byte(n.hash[:2]) {
			prefix = [2]byte(n.hash[:2])
			if vb, err = tx.CreateBucketIfNotExists(valBucket('v', n.hash)); err != nil {
				return err
			}
			if nb, err = tx.CreateBucketIfNotExists(valBucket('n', n.hash)); err != nil {
				return err
			}
		}
		if n.isNew {
			if err := vb.Put(n.hash[:], slices.Clone(buf[:binary.PutUvarint(buf[:], n.id)])); err != nil {
				return err
			}
		}
		count := n.refs
		if !n.isNew {
			if v := nb.Get(n.hash[:]); v != nil {
				c, _ := binary.Uvarint(v)
				count += c
			}
		}
		if err := nb.Put(n.hash[:], slices.Clone(buf[:binary.PutUvarint(buf[:], count)])); err != nil {
			return err
		}
	}
	return nil
}

// putIndex writes the entries of one quad index in key order, appending to
// the lists already stored for keys that may be there.
func putIndex(tx *bolt.Tx, ind kv.QuadIndex, entries map[string][]uint64, oldKey map[string]bool) error {
	if len(entries) == 0 {
		return nil
	}
	bk, err := tx.CreateBucketIfNotExists(ind.Key(nil)[0]) // the index's bucket
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(entries))
	for k := range entries {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		var list []byte
		if oldKey[k] {
			list = bk.Get([]byte(k))
		}
		out := make([]byte, len(list), len(list)+binary.MaxVarintLen64*len(entries[k]))
		copy(out, list)
		for _, id := range entries[k] {
			out = binary.AppendUvarint(out, id)
		}
		if err := bk.Put([]byte(k), out); err != nil {
			return err
		}
	}
	return nil
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
