package rdfio

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestRemoveTemps removes the temporary file of a write in progress, which
// then fails without touching its file.
func TestRemoveTemps(t *testing.T) {
	defer func() {
		temps.mu.Lock()
		temps.ended = false
		temps.mu.Unlock()
	}()
	dir := t.TempDir()
	path := filepath.Join(dir, "out.nt")
	os.WriteFile(path, []byte("old\n"), 0o644)
	err := WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "partial")
		if n, _ := os.ReadDir(dir); len(n) != 2 {
			t.Errorf("no temporary file while writing: %v", n)
		}
		RemoveTemps()
		return nil
	})
	if err == nil {
		t.Error("write succeeded after RemoveTemps")
	}
	if n, _ := os.ReadDir(dir); len(n) != 1 {
		t.Errorf("folder holds %v, want the old file alone", n)
	}
	if b, _ := os.ReadFile(path); string(b) != "old\n" {
		t.Errorf("file changed to %q", b)
	}
}
