package store_test

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/boltdb/bolt"
	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	"google.golang.org/protobuf/proto"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

// TestBoltBulkMatchesCayley loads the same graphs into an empty bolt store
// with the bulk writer and with Cayley's writer, in batches small enough
// that nodes and index keys recur across them, and checks the two stores
// hold the same layout — nodes, their reference counts, the quads and
// every index entry, by content rather than by ID — then that a graph
// replaced and every graph removed afterwards (through Cayley's writer,
// on the handle renewed after the bulk load) leave them equal again, and
// the bulk store empty of nodes.
func TestBoltBulkMatchesCayley(t *testing.T) {
	ctx := context.Background()
	graphs := append(storetest.Fixture(), storetest.Synthetic(6, 12)...)
	dirs := map[bool]string{}
	for _, noBulk := range []bool{false, true} {
		dirs[noBulk] = filepath.Join(t.TempDir(), "db")
		s, err := store.Open(store.Bolt, dirs[noBulk], store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.Load(ctx, store.Graphs(graphs...), store.LoadOptions{Batch: 300, NoBulk: noBulk}); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	compare := func(when string) {
		t.Helper()
		bulk, cayley := boltLayout(t, dirs[false]), boltLayout(t, dirs[true])
		if len(bulk) == 0 {
			t.Fatalf("%s: empty layout", when)
		}
		if !slices.Equal(bulk, cayley) {
			for i := range min(len(bulk), len(cayley)) {
				if bulk[i] != cayley[i] {
					t.Fatalf("%s: layouts differ at line %d of %d/%d:\nbulk:   %s\ncayley: %s", when, i, len(bulk), len(cayley), bulk[i], cayley[i])
				}
			}
			t.Fatalf("%s: layouts differ in length: %d and %d lines", when, len(bulk), len(cayley))
		}
	}
	compare("after the first load")

	// Changes after a bulk load, in the same process and in another one.
	for _, noBulk := range []bool{false, true} {
		s, err := store.Open(store.Bolt, dirs[noBulk], store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		changed := storetest.ChangedFares()
		if _, err := s.Load(ctx, store.Graphs(changed), store.LoadOptions{Batch: 300}); err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	compare("after a graph was replaced")
	for _, noBulk := range []bool{false, true} {
		s, err := store.Open(store.Bolt, dirs[noBulk], store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		l := s.NewLoader(store.LoadOptions{Batch: 300})
		if _, err := l.Prune(ctx); err != nil { // this loader put nothing: every graph goes
			t.Fatal(err)
		}
		s.Close()
	}
	compare("after every graph was removed")
	for _, line := range boltLayout(t, dirs[false]) {
		if strings.HasPrefix(line, "node ") {
			t.Errorf("left after every quad was removed: %s", line)
		}
	}
}

// TestBoltBulkInOneProcess removes, in the process that bulk loaded a
// store, a graph it loaded: the removal goes through Cayley's writer,
// which must know the nodes the bulk writer wrote.
func TestBoltBulkInOneProcess(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(store.Bolt, filepath.Join(t.TempDir(), "db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	graphs := storetest.Fixture()
	l := s.NewLoader(store.LoadOptions{Batch: 50})
	for _, g := range graphs {
		if err := l.Put(ctx, g.Label, g.Quads); err != nil {
			t.Fatal(err)
		}
	}
	// The same graph again, then another version of it, in the same load.
	for _, g := range []store.Graph{graphs[1], storetest.ChangedFares(), graphs[1]} {
		if err := l.Put(ctx, g.Label, g.Quads); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	storetest.CheckAnswers(t, s)
	if n, err := s.Count(ctx); err != nil || n != distinctQuads(graphs...) {
		t.Errorf("count %d, %v; want %d", n, err, distinctQuads(graphs...))
	}
}

func distinctQuads(graphs ...store.Graph) int64 {
	seen := map[string]bool{}
	for _, g := range graphs {
		for _, q := range g.Quads {
			q.Label = g.Label
			seen[q.NQuad()] = true
		}
	}
	return int64(len(seen))
}

// boltLayout reads the bolt store in dir as Cayley's key-value layout and
// describes it by content: each node with its reference count, each live
// quad, each index entry as the quads it lists, and the quad count, sorted.
func boltLayout(t *testing.T, dir string) []string {
	t.Helper()
	db, err := bolt.Open(filepath.Join(dir, "indexes.bolt"), 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []string
	err = db.View(func(tx *bolt.Tx) error {
		nodes := map[uint64]string{}  // ID -> N-Quads form
		byHash := map[string]string{} // hash -> N-Quads form
		quads := map[uint64]*cproto.Primitive{}
		err := tx.Bucket([]byte("log")).ForEach(func(k, v []byte) error {
			var p cproto.Primitive
			if err := proto.Unmarshal(v, &p); err != nil {
				return err
			}
			if binary.BigEndian.Uint64(k) != p.ID {
				return fmt.Errorf("log key %x holds ID %d", k, p.ID)
			}
			if p.IsNode() {
				val, err := pquads.UnmarshalValue(p.Value)
				if err != nil {
					return err
				}
				nodes[p.ID] = quad.StringOf(val)
				h := refs.HashOf(val)
				byHash[string(h[:])] = nodes[p.ID]
			} else if !p.Deleted {
				quads[p.ID] = &p
			}
			return nil
		})
		if err != nil {
			return err
		}
		name := func(id uint64) string {
			if id == 0 {
				return "-"
			}
			return nodes[id]
		}
		quadString := func(p *cproto.Primitive) string {
			return name(p.Subject) + " " + name(p.Predicate) + " " + name(p.Object) + " " + name(p.Label)
		}
		err = tx.ForEach(func(bname []byte, b *bolt.Bucket) error {
			if len(bname) != 3 || (bname[0] != 'v' && bname[0] != 'n') {
				return nil
			}
			return b.ForEach(func(k, v []byte) error {
				n, ok := byHash[string(k)]
				if !ok {
					return fmt.Errorf("bucket %q: hash %x of no node in the log", bname, k)
				}
				x, _ := binary.Uvarint(v)
				if bname[0] == 'v' {
					if nodes[x] != n {
						return fmt.Errorf("bucket %q: %s has ID %d, which is %s", bname, n, x, nodes[x])
					}
					return nil
				}
				out = append(out, fmt.Sprintf("node %s refs %d", n, x))
				return nil
			})
		})
		if err != nil {
			return err
		}
		for _, p := range quads {
			out = append(out, "quad "+quadString(p))
		}
		var indexes []kv.QuadIndex
		if err := json.Unmarshal(tx.Bucket([]byte("meta")).Get([]byte("indexes")), &indexes); err != nil {
			return err
		}
		for _, ind := range indexes {
			bname := ind.Key(nil)[0]
			err := tx.Bucket(bname).ForEach(func(k, v []byte) error {
				var key []string
				for i := 0; i+8 <= len(k); i += 8 {
					key = append(key, name(binary.BigEndian.Uint64(k[i:])))
				}
				var listed []string
				for len(v) > 0 {
					id, n := binary.Uvarint(v)
					v = v[n:]
					if p, ok := quads[id]; ok {
						listed = append(listed, quadString(p))
					}
				}
				slices.Sort(listed)
				out = append(out, fmt.Sprintf("index %s %s: %s", bname, strings.Join(key, " "), strings.Join(listed, " | ")))
				return nil
			})
			if err != nil {
				return err
			}
		}
		size := binary.LittleEndian.Uint64(tx.Bucket([]byte("meta")).Get([]byte("size")))
		out = append(out, fmt.Sprintf("size %d, %d live quads", size, len(quads)))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// TestBoltBulkKilled copies the folder of a bolt store while a first load
// is under way, as a load killed then would leave it: the copy holds no
// quad, opening it for writing removes what the load spilled, and a load
// into it then equals a clean one.
func TestBoltBulkKilled(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	s, err := store.Open(store.Bolt, dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	graphs := storetest.Fixture()
	l := s.NewLoader(store.LoadOptions{Batch: 50})
	for _, g := range graphs {
		if err := l.Put(ctx, g.Label, g.Quads); err != nil {
			t.Fatal(err)
		}
	}
	killed := filepath.Join(t.TempDir(), "killed")
	if err := os.CopyFS(killed, os.DirFS(dir)); err != nil {
		t.Fatal(err)
	}
	if err := l.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	s.Close()
	spilled, _ := filepath.Glob(filepath.Join(killed, "*", "batches-*"))
	if len(spilled) == 0 {
		t.Fatal("the load spilled nothing before Flush")
	}

	k, err := store.Open(store.Bolt, killed, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	if n, err := k.Count(ctx); err != nil || n != 0 {
		t.Errorf("store of a killed first load: %d quads, %v; want none", n, err)
	}
	if left, _ := filepath.Glob(filepath.Join(killed, "*", "batches-*")); len(left) > 0 {
		t.Errorf("left after a writer opened the store: %v", left)
	}
	if _, err := k.Load(ctx, store.Graphs(graphs...), store.LoadOptions{Batch: 50}); err != nil {
		t.Fatal(err)
	}
	storetest.CheckAnswers(t, k)
	if err := k.CheckSummaries(ctx); err != nil {
		t.Error(err)
	}
	k.Close()
	if got, want := boltLayout(t, killed), boltLayout(t, dir); !slices.Equal(got, want) {
		t.Errorf("a load after the kill differs from a clean one: %d and %d lines", len(got), len(want))
	}
}
