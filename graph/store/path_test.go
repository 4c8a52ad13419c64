package store_test

import (
	"cmp"
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
	"github.com/assemblykg/assemblykg/ontology"
)

// The edges a path follows from each node are those of the node's quads
// both ways, less rdf:type and literals, each triple once, in the same
// order on every backend.
func TestNeighboursAreTheQuads(t *testing.T) {
	ctx := context.Background()
	graphs := append(storetest.Fixture(), storetest.Synthetic(12, 6)...)
	type edge struct {
		to   quad.Value
		step store.Step
	}
	want := map[quad.Value][]edge{}
	seen := map[quad.Value]map[store.Step]bool{}
	add := func(node, to quad.Value, q quad.Quad) {
		if q.Predicate == ontology.RDFType || !isNode(to) {
			return
		}
		st := store.Step{Subject: store.Lexical(q.Subject), Predicate: store.Lexical(q.Predicate), Object: store.Lexical(q.Object)}
		if seen[node] == nil {
			seen[node] = map[store.Step]bool{}
		}
		if !seen[node][st] {
			seen[node][st] = true
			want[node] = append(want[node], edge{to, st})
		}
	}
	for _, g := range graphs {
		for _, q := range g.Quads {
			add(q.Subject, q.Object, q)
			add(q.Object, q.Subject, q)
		}
	}
	for n, es := range want {
		slices.SortFunc(es, func(a, b edge) int {
			return cmp.Or(cmp.Compare(a.to.String(), b.to.String()), cmp.Compare(a.step.Predicate, b.step.Predicate), cmp.Compare(a.step.Subject, b.step.Subject))
		})
		want[n] = es
	}
	for _, kind := range []string{store.Memory, store.Bolt, store.LevelDB} {
		t.Run(kind, func(t *testing.T) {
			s, err := store.Open(kind, filepath.Join(t.TempDir(), "db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.Load(ctx, store.Graphs(graphs...), store.LoadOptions{}); err != nil {
				t.Fatal(err)
			}
			edges := 0
			for n, es := range want {
				if !isNode(n) {
					continue
				}
				to, steps, err := store.Neighbours(ctx, s, n)
				if err != nil {
					t.Fatal(err)
				}
				var wantTo []quad.Value
				var wantSteps []store.Step
				for _, e := range es {
					wantTo, wantSteps = append(wantTo, e.to), append(wantSteps, e.step)
				}
				if !reflect.DeepEqual(to, wantTo) || !reflect.DeepEqual(steps, wantSteps) {
					t.Fatalf("edges of %v:\n%v\n%v\nwant\n%v\n%v", n, to, steps, wantTo, wantSteps)
				}
				edges += len(steps)
			}
			if edges < 1000 {
				t.Errorf("only %d edges compared", edges)
			}
		})
	}
}

func isNode(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode:
		return true
	}
	return false
}
