package rdfio

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file through write and puts it in place only when
// everything succeeded: the data goes to a temporary file in the same
// directory, which is synced, closed and renamed over path. On any error the
// temporary file is removed and an existing file at path is left untouched.
// A new file gets mode 0644; an existing file keeps its mode.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("rdfio: write %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	mode := os.FileMode(0o644)
	if fi, statErr := os.Stat(path); statErr == nil {
		mode = fi.Mode().Perm()
	} else if !errors.Is(statErr, os.ErrNotExist) {
		return fmt.Errorf("rdfio: write %s: %w", path, statErr)
	}
	if err = write(f); err != nil {
		return fmt.Errorf("rdfio: write %s: %w", path, err)
	}
	if err = f.Chmod(mode); err != nil {
		return fmt.Errorf("rdfio: write %s: %w", path, err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("rdfio: write %s: %w", path, err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("rdfio: write %s: %w", path, err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("rdfio: write %s: %w", path, err)
	}
	if d, dirErr := os.Open(dir); dirErr == nil {
		d.Sync() // make the rename durable; not all systems support it
		d.Close()
	}
	return nil
}
