package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/ontology"
)

// TestDisplayNameSameOnEveryBackend: a body named differently in two graphs
// shows the lexically smallest name, whatever the backend.
func TestDisplayNameSameOnEveryBackend(t *testing.T) {
	body := quad.IRI(ontology.DefaultBase + "body/dcms")
	graph := func(label, name string) store.Graph {
		l := quad.IRI(ontology.DefaultBase + label)
		return store.Graph{Label: l, Quads: []quad.Quad{
			quad.Make(body, ontology.RDFType, ontology.OrgOrganization, l),
			quad.Make(body, ontology.SKOSPrefLabel, quad.String(name), l),
		}}
	}
	for _, kind := range []string{store.Memory, store.Bolt, store.LevelDB} {
		for _, order := range [][2]string{{"Media and Sport", "Media & Sport"}, {"Media & Sport", "Media and Sport"}} {
			s, err := store.Open(kind, filepath.Join(t.TempDir(), "kg"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Load(context.Background(), store.Graphs(graph("graph/a", order[0]), graph("graph/b", order[1])), store.LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			rows, err := s.Bodies(context.Background())
			if err != nil || len(rows) != 1 || rows[0].Name != "Media & Sport" {
				t.Errorf("%s, loaded %q first: %+v %v", kind, order[0], rows, err)
			}
			s.Close()
		}
	}
}
