package store

import (
	"context"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

// IsRegister tells whether label names a register graph: the graph, minted
// at ontology.RegisterGraph under some base, that describes the people,
// bodies and sessions the transcripts' graphs refer to.
func IsRegister(label quad.IRI) bool {
	return strings.HasSuffix(string(label), "/"+ontology.RegisterGraph)
}

// PutSubjects updates the named graph label by subject: for every subject
// of quads, the graph's quads about it become exactly those of quads; the
// graph's quads about other subjects stay. Loading transcripts in separate
// runs thus keeps what the register graph says about the people and bodies
// of earlier runs, and a later run's description of a person or body
// replaces the earlier one (a corrected name or identifier does not leave
// the old one behind). A subject no transcript refers to any more stays
// described.
func (l *Loader) PutSubjects(ctx context.Context, label quad.IRI, quads []quad.Quad) error {
	subjects := make(map[quad.Value]struct{}, len(quads)/4)
	for _, q := range quads {
		subjects[q.Subject] = struct{}{}
	}
	if _, ok := l.pending[label]; ok {
		// Earlier changes to the graph are not written yet: write them so
		// that the comparison sees them.
		if err := l.flush(ctx); err != nil {
			return &Error{Op: "load", Store: l.s.name(), Graph: label, Err: err}
		}
	}
	return l.putSome(ctx, label, quads, true, func(q quad.Quad) bool {
		_, ok := subjects[q.Subject]
		return ok
	})
}
