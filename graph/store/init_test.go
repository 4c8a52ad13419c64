package store_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

// TestInitIsWhole creates embedded stores: in a missing folder, in an empty
// one, beside the folder a process killed while creating a store left (which
// is removed); a folder holding a store whose creation was cut short gives
// an error saying what to do.
func TestInitIsWhole(t *testing.T) {
	gone := exec.Command(os.Args[0], "-test.run=^$")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{store.Bolt, store.LevelDB} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			leftover := filepath.Join(dir, ".kg.db.assemblykg-init-"+strconv.Itoa(gone.Process.Pid))
			os.Mkdir(leftover, 0o755)
			os.WriteFile(filepath.Join(leftover, "partial"), []byte("x"), 0o644)
			empty := filepath.Join(dir, "empty.db")
			os.Mkdir(empty, 0o755)
			for _, path := range []string{filepath.Join(dir, "kg.db"), empty} {
				s, err := store.Open(kind, path, store.Options{})
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				if err := s.NewLoader(store.LoadOptions{}).Put(context.Background(), storetest.Fares, storetest.ChangedFares().Quads); err != nil {
					t.Fatal(err)
				}
				s.Close()
				if _, err := store.Open(kind, path, store.Options{ReadOnly: true}); err != nil {
					t.Errorf("%s does not open again: %v", path, err)
				}
			}
			if _, err := os.Stat(leftover); err == nil {
				t.Error("the folder of a killed initialisation was left")
			}
			entries, _ := os.ReadDir(dir)
			for _, e := range entries {
				if strings.Contains(e.Name(), "init") {
					t.Errorf("left behind: %s", e.Name())
				}
			}
		})
	}
	t.Run("cut short", func(t *testing.T) {
		// A leveldb folder with no Cayley metadata: what a load killed
		// during initialisation left before stores were initialised aside.
		path := filepath.Join(t.TempDir(), "kg.db")
		if err := graph.InitQuadStore(store.LevelDB, filepath.Join(t.TempDir(), "ok"), nil); err != nil {
			t.Fatal(err)
		}
		os.Mkdir(path, 0o755)
		os.WriteFile(filepath.Join(path, "LOG"), nil, 0o644)
		_, err := store.Open(store.LevelDB, path, store.Options{})
		if !errors.Is(err, graph.ErrNotInitialized) || !strings.Contains(err.Error(), "remove it and load again") {
			t.Errorf("got %v, want not initialized with advice", err)
		}
	})
}
