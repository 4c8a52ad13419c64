package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

func embedded(kind string) func(t *testing.T) storetest.Backend {
	return func(t *testing.T) storetest.Backend {
		dir := filepath.Join(t.TempDir(), "db")
		return storetest.Backend{
			Persistent: true,
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

// postgresURL returns the server to test against, or skips.
func postgresURL(t testing.TB) string {
	u := os.Getenv("ASSEMBLYKG_TEST_POSTGRES")
	if u == "" {
		t.Skip("PostgreSQL tests need a server: run `bash .ci/postgres.sh start` and export the ASSEMBLYKG_TEST_POSTGRES line it prints")
	}
	return u
}

var dbSeq atomic.Int64

// freshDatabase creates an empty database on the test server and returns its
// URL; it is dropped when the test ends.
func freshDatabase(t testing.TB, base string) string {
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("akgtest_%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, dbSeq.Add(1))
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u.Path = "/" + name
	return u.String()
}

func TestPostgres(t *testing.T) {
	base := postgresURL(t)
	storetest.Run(t, func(t *testing.T) storetest.Backend {
		u := freshDatabase(t, base)
		return storetest.Backend{
			Persistent: true,
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
	base := postgresURL(t)
	ctx := context.Background()
	var snaps []string
	for _, noBulk := range []bool{false, true} {
		s, err := store.Open(store.Postgres, freshDatabase(t, base), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		// A large fixture so that the bulk path is taken.
		graphs := storetest.Fixture()
		for i := range graphs {
			graphs[i].Quads = append(graphs[i].Quads, storetest.Filler(graphs[i].Label, 3000)...)
		}
		if _, err := s.Load(ctx, func(yield func(store.Graph, error) bool) {
			for _, g := range graphs {
				if !yield(g, nil) {
					return
				}
			}
		}, store.LoadOptions{NoBulk: noBulk}); err != nil {
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
