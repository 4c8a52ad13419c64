package rdfio

import (
	"errors"
	"io"
	"testing"

	"github.com/cayleygraph/quad"
)

// Terms after a run of valid quads with one subject and graph are still
// checked: the writers skip only IRIs they have passed already.
func TestRepeatedTermsStillChecked(t *testing.T) {
	s, g := quad.IRI("http://example.org/s"), quad.IRI("http://example.org/g")
	p := quad.IRI("http://example.org/p")
	bad := []quad.Quad{
		{Subject: s, Predicate: p, Object: quad.IRI("http://example.org/has space"), Label: g},
		{Subject: s, Predicate: quad.IRI("not absolute"), Object: quad.String("x"), Label: g},
		{Subject: s, Predicate: p, Object: quad.String("x"), Label: quad.IRI("http://example.org/g>")},
		{Subject: quad.IRI("http://example.org/s{"), Predicate: p, Object: quad.String("x"), Label: g},
	}
	for _, f := range Formats() {
		for i, b := range bad {
			w := f.NewWriter(io.Discard, Options{})
			if _, err := w.WriteQuads([]quad.Quad{{Subject: s, Predicate: p, Object: quad.String("ok"), Label: g}}); err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			_, err := w.WriteQuads([]quad.Quad{b})
			var te *TermError
			if !errors.As(err, &te) {
				t.Errorf("%s: bad quad %d accepted after a good one (%v)", f.Name, i, err)
			}
		}
	}
}
