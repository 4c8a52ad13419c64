package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

// TestDamagedStoreExit loads the seed into a bolt store, damages its file
// (emptied, cut short, page headers overwritten) and runs query and load as
// processes of their own: each exits with exitDamaged and a message naming
// the store, never a panic or a fault.
func TestDamagedStoreExit(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, code := runCLI(t, "load", "--quiet", "--dbpath", dir, seedDir); code != 0 {
		t.Fatalf("load: exit %d: %s", code, stderr)
	}
	file := filepath.Join(dir, "indexes.bolt")
	good, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	overwritten := append([]byte(nil), good...)
	for p := 2 * 4096; p+16 < len(overwritten); p += 4096 {
		copy(overwritten[p+8:p+16], "\xff\xff\xff\xff\xff\xff\xff\xff")
	}
	for name, data := range map[string][]byte{
		"empty":       {},
		"cut short":   good[:len(good)/3],
		"two pages":   good[:8192],
		"overwritten": overwritten,
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(file, data, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"query", "bodies", "--dbpath", dir},
				{"load", "--quiet", "--dbpath", dir, seedDir},
			} {
				out, err := subprocess(t, args...).CombinedOutput()
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != exitDamaged {
					t.Errorf("%s: %v, want exit %d:\n%s", args[0], err, exitDamaged, out)
				}
				msg := string(out)
				if !strings.Contains(msg, "bolt:"+dir) || !strings.Contains(msg, "damaged") || strings.Contains(msg, "goroutine") {
					t.Errorf("%s: message does not name the damaged store, or panics:\n%s", args[0], msg)
				}
			}
		})
	}
}

// TestLockHints holds an embedded store open and runs a query and a load on
// it: each fails at once with a hint saying what to do.
func TestLockHints(t *testing.T) {
	for _, kind := range []string{store.Bolt, store.LevelDB} {
		t.Run(kind, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "kg.db")
			held, err := store.Open(kind, dir, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer held.Close()
			for _, args := range [][]string{
				{"query", "bodies", "--db", kind, "--dbpath", dir},
				{"load", "--quiet", "--db", kind, "--dbpath", dir, seedDir},
			} {
				_, stderr, code := runCLI(t, args...)
				if code != exitError || !strings.Contains(stderr, "in use by another process") || !strings.Contains(stderr, "wait for the other load") {
					t.Errorf("%s: exit %d, want %d with a hint:\n%s", args[0], code, exitError, stderr)
				}
			}
		})
	}
}

// TestConcurrentFirstLoadsPostgres runs two first loads at once into an
// empty database, twice: both succeed, and the store holds what one
// load gives.
func TestConcurrentFirstLoadsPostgres(t *testing.T) {
	base := storetest.PostgresURL(t)
	clean := storetest.FreshDatabase(t, base)
	want, wantN := loadInto(t, store.Postgres, clean, []string{seedDir})
	for round := range 2 {
		u := storetest.FreshDatabase(t, base)
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, stderr, code := runCLI(t, "load", "--quiet", "--db", store.Postgres, "--dbpath", u, seedDir); code != 0 {
					t.Errorf("round %d: exit %d: %s", round, code, stderr)
				}
			}()
		}
		wg.Wait()
		s, err := store.Open(store.Postgres, u, store.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		snap, err := storetest.Snapshot(context.Background(), s)
		n, _ := s.Count(context.Background())
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if string(snap) != want || n != wantN {
			t.Errorf("round %d: two loads at once left %d quads (want %d) and other answers", round, n, wantN)
		}
	}
}
