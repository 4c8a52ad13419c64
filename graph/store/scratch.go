package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// scratch is a folder that a first load, a recount or a loader's index of
// graphs spills to, made when first needed: in an embedded store's folder
// (a process killed part way leaves it to the next writable open, which
// removes it), else in the system's temporary folder.
type scratch struct {
	parent string // the store's folder; "" for the temporary folder
	name   string // the folder's name in parent
	dir    string // the folder, once made
	n      int    // files made
}

// newScratch returns the scratch folder name of s.
func (s *Store) newScratch(name string) *scratch {
	sc := &scratch{name: name}
	if s.path != "" && (s.kind == Bolt || s.kind == LevelDB) {
		sc.parent = s.path
	}
	return sc
}

// folder makes the folder, emptied, if it is not made yet, and returns it.
func (sc *scratch) folder() (string, error) {
	if sc.dir != "" {
		return sc.dir, nil
	}
	var dir string
	var err error
	if sc.parent != "" {
		dir = filepath.Join(sc.parent, sc.name)
		if err = os.RemoveAll(dir); err == nil {
			err = os.Mkdir(dir, 0o700)
		}
	} else {
		dir, err = os.MkdirTemp("", "assemblykg-"+strings.TrimSuffix(sc.name, ".tmp")+"-")
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", sc.name, err)
	}
	sc.dir = dir
	return dir, nil
}

// create makes a new file in the folder, named after what it holds.
func (sc *scratch) create(what string) (*os.File, error) {
	dir, err := sc.folder()
	if err != nil {
		return nil, err
	}
	sc.n++
	f, err := os.Create(filepath.Join(dir, what+"-"+strconv.Itoa(sc.n)))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sc.name, err)
	}
	return f, nil
}

// remove removes the folder and what it holds.
func (sc *scratch) remove() {
	if sc.dir != "" {
		os.RemoveAll(sc.dir)
		sc.dir = ""
	}
}
