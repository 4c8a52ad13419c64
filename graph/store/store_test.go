package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

func embedded(kind string) func(t *testing.T) storetest.Backend {
	return func(t *testing.T) storetest.Backend {
		dir := filepath.Join(t.TempDir(), "db")
		return storetest.Backend{
			Persistent: true,
			// A first load into bolt is built aside and put in place whole.
			AtomicFirstLoad: kind == store.Bolt,
			Open: func(t *testing.T) *store.Store {
				s, err := store.Open(kind, dir, store.Options{})
				if err != nil {
					t.Fatal(err)
				}
				return s
			},
		}
	}
}

func TestMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Backend {
		return storetest.Backend{Open: func(t *testing.T) *store.Store {
			s, err := store.Open(store.Memory, "", store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			return s
		}}
	})
}

func TestBolt(t *testing.T)    { storetest.Run(t, embedded(store.Bolt)) }
func TestLevelDB(t *testing.T) { storetest.Run(t, embedded(store.LevelDB)) }

func TestPostgres(t *testing.T) {
	base := storetest.PostgresURL(t)
	storetest.Run(t, func(t *testing.T) storetest.Backend {
		u := storetest.FreshDatabase(t, base)
		return storetest.Backend{
			Persistent:      true,
			AtomicFirstLoad: true,
			Open: func(t *testing.T) *store.Store {
				s, err := store.Open(store.Postgres, u, store.Options{})
				if err != nil {
					t.Fatal(err)
				}
				return s
			},
		}
	})
}

// TestPostgresCayleyWriter runs the suite with Cayley's own writer on
// PostgreSQL instead of COPY, and checks both paths store the same quads.
func TestPostgresBulkMatchesCayley(t *testing.T) {
	base := storetest.PostgresURL(t)
	ctx := context.Background()
	var snaps []string
	for _, noBulk := range []bool{false, true} {
		s, err := store.Open(store.Postgres, storetest.FreshDatabase(t, base), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		// A large fixture so that the bulk path is taken.
		graphs := storetest.Fixture()
		for i := range graphs {
			graphs[i].Quads = append(graphs[i].Quads, storetest.Filler(graphs[i].Label, 3000)...)
		}
		if _, err := s.Load(ctx, store.Graphs(graphs...), store.LoadOptions{NoBulk: noBulk}); err != nil {
			t.Fatal(err)
		}
		storetest.CheckAnswers(t, s)
		snap, err := storetest.Snapshot(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := s.Count(ctx)
		snaps = append(snaps, fmt.Sprint(n, string(snap)))
		s.Close()
	}
	if snaps[0] != snaps[1] {
		t.Errorf("COPY and Cayley's writer disagree:\n%.500s\n%.500s", snaps[0], snaps[1])
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := store.Open("sqlite", "x", store.Options{}); err == nil || !strings.Contains(err.Error(), "unknown kind") {
		t.Errorf("unknown kind: %v", err)
	}
	if _, err := store.Open(store.Postgres, "/tmp/x", store.Options{}); err == nil {
		t.Error("postgres with a file path: no error")
	}
	if _, err := store.Open(store.Bolt, filepath.Join(t.TempDir(), "none"), store.Options{ReadOnly: true}); err == nil {
		t.Error("read-only open of a missing store: no error")
	}
}
