package store

import (
	"cmp"
	"context"
	"slices"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
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
// so that every backend explores them in the same order. The quads' nodes
// are looked up in one batch, each once.
func (s *Store) neighbours(ctx context.Context, node quad.Value) ([]edge, error) {
	qs := s.h.QuadStore
	ref, err := qs.ValueOf(node)
	if err != nil || ref == nil {
		return nil, err
	}
	typ, err := qs.ValueOf(ontology.RDFType)
	if err != nil {
		return nil, err
	}
	var skip any
	if typ != nil {
		skip = refs.ToKey(typ)
	}
	type found struct{ s, p, o, other int }
	var quads []found
	var nodes []refs.Ref
	index := map[any]int{}
	at := func(r refs.Ref) int {
		k := refs.ToKey(r)
		i, ok := index[k]
		if !ok {
			i, nodes = len(nodes), append(nodes, r)
			index[k] = i
		}
		return i
	}
	for _, d := range []quad.Direction{quad.Subject, quad.Object} {
		it := qs.QuadIterator(d, ref).Iterate()
		for it.Next(ctx) {
			var dirs [3]refs.Ref
			for i, dir := range []quad.Direction{quad.Subject, quad.Predicate, quad.Object} {
				if dirs[i], err = qs.QuadDirection(it.Result(), dir); err != nil {
					it.Close()
					return nil, err
				}
			}
			if dirs[1] == nil || refs.ToKey(dirs[1]) == skip {
				continue
			}
			f := found{s: at(dirs[0]), p: at(dirs[1]), o: at(dirs[2])}
			f.other = f.o
			if d == quad.Object {
				f.other = f.s
			}
			quads = append(quads, f)
		}
		err = it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	vals, err := graph.ValuesOf(ctx, qs, nodes)
	if err != nil {
		return nil, err
	}
	seen := make(map[Step]struct{})
	var out []edge
	for _, f := range quads {
		other := vals[f.other]
		if other == nil || vals[f.p] == ontology.RDFType || isLiteral(other) {
			continue
		}
		st := Step{Subject: Lexical(vals[f.s]), Predicate: Lexical(vals[f.p]), Object: Lexical(vals[f.o])}
		if _, ok := seen[st]; ok {
			continue
		}
		seen[st] = struct{}{}
		out = append(out, edge{from: node, to: other, triple: st})
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
