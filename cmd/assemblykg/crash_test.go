package main

import (
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
	"github.com/assemblykg/assemblykg/internal/synth"
)

// dump returns every quad of a store as sorted N-Quads lines.
func dump(t *testing.T, kind, path string) string {
	t.Helper()
	s, err := store.Open(kind, path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("the store does not open: %v", err)
	}
	defer s.Close()
	qs := s.QuadStore()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	ctx := context.Background()
	var lines []string
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, q.NQuad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestKillDuringLoad kills `load` with SIGKILL at random moments (fixed
// seed; the first two within the first tenth of a load, where the store is
// created) while it loads a corpus into each backend, several times over the
// same store: the first kill during a first load into the empty store, the
// others while loads add to a store holding the seeds. After each kill the
// store must open, and a load run to the end must leave exactly the quads
// of a load never interrupted, with summaries equal to a recount.
func TestKillDuringLoad(t *testing.T) {
	corpus := t.TempDir()
	gen, err := synth.New(11)
	if err != nil {
		t.Fatal(err)
	}
	// ASSEMBLYKG_CRASH_TRANSCRIPTS runs the test on a larger generated
	// corpus (BENCHMARKS.md, "Crash test at scale").
	n := 20
	if v := os.Getenv("ASSEMBLYKG_CRASH_TRANSCRIPTS"); v != "" {
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			t.Fatalf("ASSEMBLYKG_CRASH_TRANSCRIPTS=%q: want a number of transcripts", v)
		}
	}
	if _, err := gen.WriteDir(context.Background(), corpus, n, 0); err != nil {
		t.Fatal(err)
	}
	inputs := []string{seedDir, corpus}
	kills := 5
	if testing.Short() {
		kills = 2
	}
	backends := []struct{ kind, path string }{
		{store.Bolt, ""}, {store.LevelDB, ""}, {store.Postgres, ""},
	}
	for _, b := range backends {
		t.Run(b.kind, func(t *testing.T) {
			fresh := func() string {
				if b.kind == store.Postgres {
					return storetest.FreshDatabase(t, storetest.PostgresURL(t))
				}
				return filepath.Join(t.TempDir(), "kg.db")
			}
			// Small batches make many transactions of the small corpus;
			// a large one runs with the command's own batch.
			batch := "500"
			if n > 20 {
				batch = strconv.Itoa(store.DefaultBatch)
			}
			load := func(path string, inputs ...string) *exec.Cmd {
				args := append([]string{"load", "--quiet", "--batch", batch, "--db", b.kind, "--dbpath", path}, inputs...)
				return subprocess(t, args...)
			}
			clean := fresh()
			start := time.Now()
			if out, err := load(clean, inputs...).CombinedOutput(); err != nil {
				t.Fatalf("clean load: %v\n%s", err, out)
			}
			took := time.Since(start)
			want := dump(t, b.kind, clean)

			crashed := fresh()
			rng := rand.New(rand.NewPCG(17, uint64(len(b.kind))))
			midLoad, beforeStore := 0, 0
			var at []string
			for k := range kills {
				if k == 1 {
					// The other kills come while the store holds
					// the seeds: loads that add to a store, whose
					// summaries a kill leaves out of step.
					if out, err := load(crashed, seedDir).CombinedOutput(); err != nil {
						t.Fatalf("load of the seeds: %v\n%s", err, out)
					}
				}
				cmd := load(crashed, inputs...)
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				// The first kills come early, while the store is
				// being created or opened; the others anywhere.
				window := took
				if k < 2 {
					window = took / 10
				}
				delay := time.Duration(rng.Int64N(int64(window)))
				time.Sleep(delay)
				cmd.Process.Signal(syscall.SIGKILL)
				err := cmd.Wait()
				var ee *exec.ExitError
				if errors.As(err, &ee) && ee.Sys().(syscall.WaitStatus).Signaled() {
					midLoad++
					at = append(at, delay.Round(time.Millisecond).String())
				} else if err != nil {
					t.Fatalf("kill %d: load failed by itself: %v", k, err)
				}
				// The store opens after every kill, unless the kill
				// came before the store was created.
				s, err := store.Open(b.kind, crashed, store.Options{ReadOnly: true})
				if err == nil {
					s.Close()
				} else if errors.Is(err, store.ErrNoStore) {
					beforeStore++
				} else {
					t.Fatalf("kill %d after %s: the store does not open: %v", k, delay, err)
				}
			}
			if out, err := load(crashed, inputs...).CombinedOutput(); err != nil {
				t.Fatalf("load after the kills: %v\n%s", err, out)
			}
			got := dump(t, b.kind, crashed)
			t.Logf("%s: clean load %s, %d quads; %d kills, %d during the load (at %s), %d before the store existed; reload equal: %v",
				b.kind, took.Round(time.Millisecond), strings.Count(want, "\n")+1, kills, midLoad, strings.Join(at, " "), beforeStore, got == want)
			if got != want {
				t.Errorf("after %d kills and a full load the store differs from a clean load", kills)
			}
			s, err := store.Open(b.kind, crashed, store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.CheckSummaries(context.Background()); err != nil {
				t.Errorf("after %d kills and a full load: %v", kills, err)
			}
			s.Close()
			if midLoad == 0 {
				t.Errorf("no kill landed during a load: the test tested nothing")
			}
		})
	}
}
