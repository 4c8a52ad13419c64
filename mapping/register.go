package mapping

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"

	ont "github.com/assemblykg/assemblykg/ontology"
)

// split parts the emitted quads into the transcript's own (its graph's
// provenance, the source text, the question and everything under it) and
// the rest, which describe things many transcripts refer to and go to the
// register graph. The order of each part is the order of emission.
//
// Both parts are copied out of the emitter's slice into slices of their
// own: slices an earlier graph handed back with Release, or slices of
// their own size.
func (e *emitter) split(item quad.IRI) Graph {
	own := string(item) + "/"
	var register quad.Value = e.m.RegisterGraph()
	// Quads come in runs on one subject, which is looked at once a run.
	var (
		subject quad.Value
		owned   bool
	)
	isOwn := func(q quad.Quad) bool {
		if subject == nil || q.Subject != subject {
			subject = q.Subject
			s, _ := subject.(quad.IRI)
			owned = s == e.label || s == item || strings.HasPrefix(string(s), own)
		}
		return owned
	}
	n := 0
	for _, q := range e.quads {
		if isOwn(q) {
			n++
		}
	}
	g := Graph{Label: e.label, Key: e.key, Quads: graphBuffer(n), Register: graphBuffer(len(e.quads) - n)}
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

// graphBuffers holds the slices of graphs handed back by Release.
var graphBuffers sync.Pool

// graphBuffer returns an empty slice with room for n quads, one handed back
// by Release when there is one.
func graphBuffer(n int) []quad.Quad {
	if b, ok := graphBuffers.Get().(*[]quad.Quad); ok {
		return slices.Grow(*b, n)
	}
	return make([]quad.Quad, 0, n)
}

// Release hands the slices of g to the graphs that Map returns after, which
// saves allocating and collecting them anew for each transcript. Call it
// once done with g, when nothing holds on to g.Quads or g.Register: neither
// may be used after.
func Release(g Graph) {
	for _, qs := range [...][]quad.Quad{g.Quads, g.Register} {
		if cap(qs) == 0 {
			continue
		}
		clear(qs) // hold on to no transcript's values
		qs = qs[:0]
		graphBuffers.Put(&qs)
	}
}

// RegisterGraph returns the IRI of the register graph.
func (m *Mapper) RegisterGraph() quad.IRI { return m.iri(ont.RegisterGraph) }

// Register gathers the register descriptions of many transcripts' graphs
// into one register graph in which every quad appears once. The zero
// Register is not usable; get one from Mapper.NewRegister. It is not safe
// for concurrent use.
type Register struct {
	label quad.IRI
	n     int
	// subjects holds what r holds about each subject.
	subjects map[quad.Value]*described
}

// described is what the register holds about one subject: its quads in the
// order first added, and, once they are many, a set of them.
type described struct {
	subject quad.Value
	quads   []quad.Quad
	set     map[quad.Quad]struct{}
}

// describedSet is the number of quads on one subject past which they are
// looked up in a set rather than compared one by one. A subject is most
// often described by a dozen quads, and every transcript that refers to it
// repeats them, so most quads added are already held.
const describedSet = 32

// has reports whether d holds q, which is quad i of a run on d's subject:
// most often the quad d holds at i, since every transcript describes a
// subject alike, which is compared first.
func (d *described) has(q quad.Quad, i int) bool {
	if d.set != nil {
		_, ok := d.set[q]
		return ok
	}
	same := func(h quad.Quad) bool {
		return h.Predicate == q.Predicate && h.Object == q.Object && h.Label == q.Label
	}
	if i < len(d.quads) && same(d.quads[i]) {
		return true
	}
	return slices.ContainsFunc(d.quads, same)
}

func (d *described) add(q quad.Quad) {
	d.quads = append(d.quads, q)
	if d.set != nil {
		d.set[q] = struct{}{}
	} else if len(d.quads) > describedSet {
		d.set = make(map[quad.Quad]struct{}, 2*len(d.quads))
		for _, h := range d.quads {
			d.set[h] = struct{}{}
		}
	}
}

// NewRegister returns an empty Register for m's register graph.
func (m *Mapper) NewRegister() *Register {
	return &Register{label: m.RegisterGraph(), subjects: map[quad.Value]*described{}}
}

// subject returns what r holds about s, adding it when r holds nothing.
func (r *Register) subject(s quad.Value) *described {
	d := r.subjects[s]
	if d == nil {
		d = &described{subject: s}
		r.subjects[s] = d
	}
	return d
}

// Add gathers g's register quads. A run of quads on one subject, as the
// mapping emits them, looks the subject up once.
func (r *Register) Add(g Graph) {
	var (
		subject quad.Value
		d       *described
		run     int // quads of the run on subject before q
	)
	for _, q := range g.Register {
		if d == nil || q.Subject != subject {
			subject = q.Subject
			d, run = r.subject(subject), 0
		} else {
			run++
		}
		if d.has(q, run) {
			continue
		}
		d.add(q)
		r.n++
	}
}

// Len is the number of quads gathered.
func (r *Register) Len() int { return r.n }

// Graph returns the register graph: subjects in IRI order, the quads of
// each in the order they were first added. It is deterministic for the same
// graphs added in the same order.
func (r *Register) Graph() Graph {
	type subject struct {
		key string // N-Triples form, the sort key
		d   *described
	}
	subjects := make([]subject, 0, len(r.subjects))
	for _, d := range r.subjects {
		subjects = append(subjects, subject{d.subject.String(), d})
	}
	sort.Slice(subjects, func(i, j int) bool { return subjects[i].key < subjects[j].key })
	g := Graph{Label: r.label, Quads: make([]quad.Quad, 0, r.n)}
	for _, s := range subjects {
		g.Quads = append(g.Quads, s.d.quads...)
	}
	return g
}
