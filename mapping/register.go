package mapping

import (
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	ont "github.com/assemblykg/assemblykg/ontology"
)

// split parts the emitted quads into the transcript's own (its graph's
// provenance, the source text, the question and everything under it) and
// the rest, which describe things many transcripts refer to and go to the
// register graph. The order of each part is the order of emission.
//
// Both parts are copied out of the emitter's slice into slices of their
// own size.
func (e *emitter) split(item quad.IRI) Graph {
	own := string(item) + "/"
	var register quad.Value = e.m.RegisterGraph()
	isOwn := func(q quad.Quad) bool {
		s, _ := q.Subject.(quad.IRI)
		return s == e.label || s == item || strings.HasPrefix(string(s), own)
	}
	n := 0
	for _, q := range e.quads {
		if isOwn(q) {
			n++
		}
	}
	g := Graph{Label: e.label, Key: e.key, Quads: make([]quad.Quad, 0, n), Register: make([]quad.Quad, 0, len(e.quads)-n)}
	for _, q := range e.quads {
		if isOwn(q) {
			g.Quads = append(g.Quads, q)
			continue
		}
		q.Label = register
		g.Register = append(g.Register, q)
	}
	return g
}

// RegisterGraph returns the IRI of the register graph.
func (m *Mapper) RegisterGraph() quad.IRI { return m.iri(ont.RegisterGraph) }

// Register gathers the register descriptions of many transcripts' graphs
// into one register graph in which every quad appears once. The zero
// Register is not usable; get one from Mapper.NewRegister. It is not safe
// for concurrent use.
type Register struct {
	label     quad.IRI
	seen      map[quad.Quad]struct{}
	bySubject map[quad.Value][]quad.Quad
}

// NewRegister returns an empty Register for m's register graph.
func (m *Mapper) NewRegister() *Register {
	return &Register{label: m.RegisterGraph(), seen: map[quad.Quad]struct{}{}, bySubject: map[quad.Value][]quad.Quad{}}
}

// Add gathers g's register quads.
func (r *Register) Add(g Graph) {
	for _, q := range g.Register {
		if _, dup := r.seen[q]; dup {
			continue
		}
		r.seen[q] = struct{}{}
		r.bySubject[q.Subject] = append(r.bySubject[q.Subject], q)
	}
}

// Len is the number of quads gathered.
func (r *Register) Len() int { return len(r.seen) }

// Graph returns the register graph: subjects in IRI order, the quads of
// each in the order they were first added. It is deterministic for the same
// graphs added in the same order.
func (r *Register) Graph() Graph {
	type subject struct {
		key string // N-Triples form, the sort key
		v   quad.Value
	}
	subjects := make([]subject, 0, len(r.bySubject))
	for v := range r.bySubject {
		subjects = append(subjects, subject{v.String(), v})
	}
	sort.Slice(subjects, func(i, j int) bool { return subjects[i].key < subjects[j].key })
	g := Graph{Label: r.label, Quads: make([]quad.Quad, 0, len(r.seen))}
	for _, s := range subjects {
		g.Quads = append(g.Quads, r.bySubject[s.v]...)
	}
	return g
}
