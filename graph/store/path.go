package store

import (
	"cmp"
	"context"
	"slices"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

// Step is one edge of a connection between two nodes, written as the triple
// stored in the graph (which may point either way along the connection).
type Step struct {
	Subject   string `json:"subject" col:"whole" doc:"the triple's subject"`
	Predicate string `json:"predicate" col:"whole" doc:"its predicate"`
	Object    string `json:"object" col:"whole" doc:"its object"`
}

// DefaultPathDepth is the longest connection Path looks for by default.
const DefaultPathDepth = 6

// edge is a triple seen from one of its ends.
type edge struct {
	from, to quad.Value
	triple   Step
}

// neighbours returns the edges of node in both directions, leaving out
// rdf:type and literal objects, deduplicated across named graphs and sorted
// so that every backend explores them in the same order.
func (s *Store) neighbours(ctx context.Context, node quad.Value) ([]edge, error) {
	seen := make(map[Step]struct{})
	var out []edge
	add := func(q quad.Quad, other quad.Value) {
		if q.Predicate == ontology.RDFType || isLiteral(other) {
			return
		}
		st := Step{Subject: Lexical(q.Subject), Predicate: Lexical(q.Predicate), Object: Lexical(q.Object)}
		if _, ok := seen[st]; ok {
			return
		}
		seen[st] = struct{}{}
		out = append(out, edge{from: node, to: other, triple: st})
	}
	if err := s.eachQuad(ctx, quad.Subject, node, func(q quad.Quad) { add(q, q.Object) }); err != nil {
		return nil, err
	}
	if err := s.eachQuad(ctx, quad.Object, node, func(q quad.Quad) { add(q, q.Subject) }); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b edge) int {
		return cmp.Or(cmp.Compare(a.to.String(), b.to.String()), cmp.Compare(a.triple.Predicate, b.triple.Predicate),
			cmp.Compare(a.triple.Subject, b.triple.Subject))
	})
	return out, nil
}

// search is one side of a bidirectional breadth-first search.
type search struct {
	parent   map[quad.Value]*edge // how each visited node was reached; nil for a start
	frontier []quad.Value
	depth    int
}

func newSearch(starts []quad.Value) *search {
	s := &search{parent: make(map[quad.Value]*edge)}
	for _, v := range starts {
		if _, ok := s.parent[v]; !ok {
			s.parent[v] = nil
			s.frontier = append(s.frontier, v)
		}
	}
	return s
}

// chain returns the edges from a start to v, in order.
func (s *search) chain(v quad.Value) []Step {
	var out []Step
	for e := s.parent[v]; e != nil; e = s.parent[e.from] {
		out = append(out, e.triple)
	}
	slices.Reverse(out)
	return out
}

// Path finds a shortest connection between the nodes named a and b (names,
// aliases or IRIs), at most maxDepth edges long, following edges both ways
// and skipping rdf:type and literals. It returns the steps from a to b, an
// empty list when a and b are the same node, and a NotFoundError when no
// connection is that short.
func (s *Store) Path(ctx context.Context, a, b string, maxDepth int) ([]Step, error) {
	if maxDepth <= 0 {
		maxDepth = DefaultPathDepth
	}
	as, err := s.resolve(ctx, "node", "", a, anyNames, true)
	if err != nil {
		return nil, err
	}
	bs, err := s.resolve(ctx, "node", "", b, anyNames, true)
	if err != nil {
		return nil, err
	}
	fa, fb := newSearch(as), newSearch(bs)
	meet := func() (quad.Value, bool) {
		var best quad.Value
		for v := range fa.parent {
			if _, ok := fb.parent[v]; ok && (best == nil || v.String() < best.String()) {
				best = v
			}
		}
		return best, best != nil
	}
	for {
		if m, ok := meet(); ok {
			steps := fa.chain(m)
			back := fb.chain(m)
			slices.Reverse(back)
			return append(steps, back...), nil
		}
		if fa.depth+fb.depth >= maxDepth || (len(fa.frontier) == 0 && len(fb.frontier) == 0) {
			return nil, &NotFoundError{What: "connection", Name: a + " – " + b}
		}
		side := fa
		if len(fb.frontier) < len(fa.frontier) && len(fb.frontier) > 0 || len(fa.frontier) == 0 {
			side = fb
		}
		slices.SortFunc(side.frontier, func(x, y quad.Value) int { return cmp.Compare(x.String(), y.String()) })
		var next []quad.Value
		for _, v := range side.frontier {
			edges, err := s.neighbours(ctx, v)
			if err != nil {
				return nil, s.queryErr(err)
			}
			for i := range edges {
				e := &edges[i]
				if _, ok := side.parent[e.to]; ok {
					continue
				}
				side.parent[e.to] = e
				next = append(next, e.to)
			}
		}
		side.frontier = next
		side.depth++
	}
}
