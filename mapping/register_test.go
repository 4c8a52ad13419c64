package mapping_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

// TestRegister: people, bodies and sessions are described in the register
// graph, once for two transcripts that both refer to them; a transcript's
// graph holds only its own question, turns, mentions and provenance.
func TestRegister(t *testing.T) {
	people, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, err := mapping.New(mapping.Config{Version: "test", People: people})
	if err != nil {
		t.Fatal(err)
	}
	other := strings.Replace(src, "Fares\n", "Fares again\n", 1)
	reg := m.NewRegister()
	var graphs []mapping.Graph
	for i, text := range []string{src, other} {
		tr, err := transcript.NewReader(people).Parse([]string{"a.txt", "b.txt"}[i], []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		g := m.Map(tr, m.Find(tr))
		graphs = append(graphs, g)
		reg.Add(g)
	}
	r := reg.Graph()
	if r.Label != m.RegisterGraph() || r.Label != quad.IRI(ontology.DefaultBase+"graph/register") {
		t.Errorf("register graph %s", r.Label)
	}
	seen := map[quad.Quad]bool{}
	subjects := map[quad.Value]bool{}
	for _, q := range r.Quads {
		if seen[q] {
			t.Errorf("written twice: %v", q)
		}
		seen[q] = true
		subjects[q.Subject] = true
		if q.Label != r.Label {
			t.Errorf("register quad in graph %v", q.Label)
		}
	}
	for _, s := range []string{"person/sadiq-khan", "person/caroline-pidgeon", "body/transport-for-london", "session/2017-07-13"} {
		if !subjects[quad.IRI(ontology.DefaultBase+s)] {
			t.Errorf("register does not describe %s", s)
		}
	}
	for _, g := range graphs {
		prefix := strings.Replace(string(g.Label), "/graph/", "/question/", 1)
		for _, q := range g.Quads {
			s := string(q.Subject.(quad.IRI))
			if q.Label != g.Label || (s != string(g.Label) && !strings.HasPrefix(s, prefix)) {
				t.Errorf("%s holds %v", g.Label, q)
			}
		}
	}
	// Adding the same graphs in the same order gives the same register.
	again := m.NewRegister()
	for _, g := range graphs {
		again.Add(g)
	}
	a := again.Graph()
	if len(a.Quads) != len(r.Quads) {
		t.Fatalf("%d vs %d quads", len(a.Quads), len(r.Quads))
	}
	for i := range a.Quads {
		if a.Quads[i] != r.Quads[i] {
			t.Fatalf("quad %d differs", i)
		}
	}
}

// TestRegisterManyQuads: a subject described by many quads (past the
// point where they are kept in a set) still has each quad once, in the
// order first added, whether the quads come again in one graph or another.
func TestRegisterManyQuads(t *testing.T) {
	m, err := mapping.New(mapping.Config{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	label := m.RegisterGraph()
	s := quad.IRI(ontology.DefaultBase + "person/a")
	var first, again []quad.Quad
	for i := range 100 {
		q := quad.Quad{Subject: s, Predicate: ontology.FOAFName, Object: quad.String(strings.Repeat("x", i)), Label: label}
		first = append(first, q)
		if i%3 == 0 {
			// The same quad in other boxes: equal by value only.
			again = append(again, quad.Quad{Subject: quad.IRI(string(s)), Predicate: q.Predicate, Object: quad.String(strings.Repeat("x", i)), Label: quad.IRI(string(label))})
		}
	}
	other := quad.Quad{Subject: quad.IRI(ontology.DefaultBase + "body/b"), Predicate: ontology.FOAFName, Object: quad.String("b"), Label: label}
	reg := m.NewRegister()
	reg.Add(mapping.Graph{Register: first[:10]})
	reg.Add(mapping.Graph{Register: append(append([]quad.Quad{other}, first...), again...)})
	reg.Add(mapping.Graph{Register: []quad.Quad{other, first[5], other}})
	if reg.Len() != 101 {
		t.Fatalf("%d quads gathered, want 101", reg.Len())
	}
	g := reg.Graph()
	want := append([]quad.Quad{other}, first...)
	if len(g.Quads) != len(want) {
		t.Fatalf("%d quads, want %d", len(g.Quads), len(want))
	}
	for i := range want {
		if g.Quads[i] != want[i] {
			t.Errorf("quad %d: %v, want %v", i, g.Quads[i], want[i])
		}
	}
}

// A graph's slices handed back with Release serve the graphs mapped after
// it, which come out as they would without.
func TestRelease(t *testing.T) {
	people, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, err := mapping.New(mapping.Config{Version: "test", People: people})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{src, strings.Replace(src, "Fares\n", "Fares again\n", 1), src}
	mapAll := func(release bool) [][]quad.Quad {
		var out [][]quad.Quad
		for i, text := range texts {
			tr, err := transcript.NewReader(people).Parse(fmt.Sprintf("%d.txt", i), []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			g := m.Map(tr, m.Find(tr))
			out = append(out, slices.Clone(g.Quads), slices.Clone(g.Register))
			if release {
				held := g.Quads[:1]
				mapping.Release(g)
				if held[0] != (quad.Quad{}) {
					t.Errorf("a released graph still holds %v", held[0])
				}
			}
		}
		return out
	}
	want, got := mapAll(false), mapAll(true)
	if !reflect.DeepEqual(got, want) {
		t.Error("graphs mapped after a Release differ from those mapped without")
	}
}
