package mapping_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/internal/corpus"
	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

// TestRegister: people, bodies and sessions are described in the register
// graph, once for two transcripts that both refer to them; a transcript's
// graph holds only its own question, turns, mentions and provenance.
func TestRegister(t *testing.T) {
	m, people := newMapper(t, mapping.Config{})
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
	m, people := newMapper(t, mapping.Config{})
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

// A Mapper describes the people, bodies and run of a graph alike whatever
// it mapped before (it keeps their descriptions between graphs): each
// transcript of the corpora, mapped by one Mapper after all the others,
// gives the graph a fresh Mapper gives.
func TestMapperKeepsNoState(t *testing.T) {
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	// Someone whose undated office is given only on the days a dated one
	// says she holds it, speaking on such a day and on another.
	if err := reg.Extend(strings.NewReader("id,name,variants,honorifics,groups,offices,same_as\n"+
		"jane-testperson,Jane Testperson,,,,Chair|Chair[2017-05-01..2017-12-31],\n"), "test.csv"); err != nil {
		t.Fatal(err)
	}
	var trs []*transcript.Transcript
	for i, text := range []string{
		strings.Replace(src, "Sadiq Khan (Mayor of London)", "Jane Testperson (Chair)", 1),
		strings.NewReplacer("Sadiq Khan (Mayor of London)", "Jane Testperson (Chair)", "2017", "2016").Replace(src),
	} {
		tr, err := transcript.NewReader(reg).Parse(fmt.Sprintf("jane-%d.txt", i), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		trs = append(trs, tr)
	}
	for _, f := range corpus.Transcripts() {
		tr, err := transcript.NewReader(reg).ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		trs = append(trs, tr)
	}
	shared, err := mapping.New(mapping.Config{Version: "test", People: reg})
	if err != nil {
		t.Fatal(err)
	}
	for _, tr := range trs {
		shared.Map(tr, shared.Find(tr))
	}
	for i := len(trs) - 1; i >= 0; i-- {
		tr := trs[i]
		fresh, err := mapping.New(mapping.Config{Version: "test", People: reg})
		if err != nil {
			t.Fatal(err)
		}
		want := fresh.Map(tr, fresh.Find(tr))
		got := shared.Map(tr, shared.Find(tr))
		if !reflect.DeepEqual(got.Quads, want.Quads) || !reflect.DeepEqual(got.Register, want.Register) {
			t.Errorf("%s: the graph differs once other transcripts were mapped", tr.File)
		}
	}
}
