package mapping_test

import (
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
