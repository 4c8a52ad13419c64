// Package corpus finds the shared evaluation material that sits beside the
// repository (never inside it): the annotated corpora (the seed transcripts
// and the development set, each with a gold.json), the research files and
// the evaluation script. Tests use it to score the stages on real
// transcripts and skip when the folder is not there.
package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// The annotated corpora, as paths under the shared folder.
const (
	Seeds = "seeds"
	Dev   = "corpus/dev"
)

// Annotated lists the corpora that have a gold.json.
var Annotated = []string{Seeds, Dev}

// Root returns the shared folder: "shared" beside the folder that holds the
// module's go.mod, found from the working directory, or "" when there is
// none.
var Root = sync.OnceValue(func() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			shared := filepath.Join(filepath.Dir(dir), "shared")
			if fi, err := os.Stat(shared); err == nil && fi.IsDir() {
				return shared
			}
			return ""
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
})

// Path returns rel under the shared folder, or "" when rel is not there.
func Path(rel string) string {
	if Root() == "" {
		return ""
	}
	p := filepath.Join(Root(), filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// Gold is a corpus's gold.json, decoded as T per transcript.
type Gold[T any] struct {
	// Dir is the corpus's folder.
	Dir string
	// Names are the annotated transcripts' file names, sorted.
	Names []string
	// Files are the annotations by file name.
	Files map[string]T
}

// LoadGold reads the gold.json of corpus (Seeds or Dev, say), decoding
// each transcript's annotations as T, which names the fields a test needs.
// It returns nil and no error when the corpus is not beside the
// repository.
func LoadGold[T any](corpus string) (*Gold[T], error) {
	dir := Path(corpus)
	if dir == "" {
		return nil, nil
	}
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return nil, err
	}
	g := &Gold[T]{Dir: dir}
	if err := json.Unmarshal(raw, &g.Files); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "gold.json"), err)
	}
	for name := range g.Files {
		g.Names = append(g.Names, name)
	}
	sort.Strings(g.Names)
	return g, nil
}

// File returns the path of a transcript of the corpus.
func (g *Gold[T]) File(name string) string { return filepath.Join(g.Dir, name) }

// Transcripts returns the transcripts (*.txt) of the annotated corpora
// that are beside the repository, in corpus and then name order.
func Transcripts() []string {
	var out []string
	for _, c := range Annotated {
		if dir := Path(c); dir != "" {
			files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
			out = append(out, files...)
		}
	}
	return out
}
