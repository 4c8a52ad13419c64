package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
)

func graphSize(t *testing.T, s *Store, label quad.IRI) int {
	t.Helper()
	qs, err := s.graphQuads(context.Background(), label)
	if err != nil {
		t.Fatal(err)
	}
	return len(qs)
}

// TestLoadFile: a graph whose quads come in two runs holds both; triples
// outside any graph go into the graph the file describes, else into the
// file's own graph; a blank graph label is an error naming the file.
func TestLoadFile(t *testing.T) {
	ctx := context.Background()
	s, err := Open(Memory, "", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dir := t.TempDir()
	write := func(name, data string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	const (
		g1 = "http://example.org/id/graph/2017-07-13/fares"
		g2 = "http://example.org/id/graph/2017-07-13/buses"
	)
	nq := write("runs.nq", `<http://example.org/a> <http://example.org/p> "1" <`+g1+`> .
<http://example.org/b> <http://example.org/p> "2" <`+g2+`> .
<http://example.org/c> <http://example.org/p> "3" <`+g1+`> .
`)
	ttl := write("described.ttl", `<`+g2+`> a <http://www.w3.org/ns/prov#Entity> .
<http://example.org/d> <http://example.org/p> "4" .
`)
	nt := write("plain.nt", `<http://example.org/e> <http://example.org/p> "5" .
`)
	l := s.NewLoader(LoadOptions{})
	for _, c := range []struct {
		path string
		n    int
	}{{nq, 3}, {ttl, 2}, {nt, 1}} {
		n, err := l.LoadFile(ctx, c.path, "http://example.org/id/")
		if err != nil || n != c.n {
			t.Fatalf("%s: %d quads, %v; want %d", c.path, n, err, c.n)
		}
	}
	if err := l.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if n := graphSize(t, s, g1); n != 2 {
		t.Errorf("graph in two runs holds %d quads, want 2", n)
	}
	// g2 was put by the N-Quads file, then replaced by the Turtle file
	// that describes it.
	if n := graphSize(t, s, g2); n != 2 {
		t.Errorf("described graph holds %d quads, want 2", n)
	}
	abs, _ := filepath.Abs(nt)
	if n := graphSize(t, s, quad.IRI("file://"+filepath.ToSlash(abs))); n != 1 {
		t.Errorf("file graph holds %d quads, want 1", n)
	}

	bad := write("blank.nq", `<http://example.org/a> <http://example.org/p> "1" _:g .
`)
	if _, err := l.LoadFile(ctx, bad, ""); err == nil || !strings.HasPrefix(err.Error(), bad+": ") || !errors.Is(err, errLabel) {
		t.Errorf("blank graph label: %v", err)
	}
	if _, err := l.LoadFile(ctx, write("x.csv", "a,b\n"), ""); err == nil || !strings.Contains(err.Error(), "cannot read .csv files") {
		t.Errorf("unknown format: %v", err)
	}
}
