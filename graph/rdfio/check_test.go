package rdfio

import (
	"errors"
	"fmt"
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

// The object and datatype IRIs a writer remembers as passed are those that
// passed: after more of them than it keeps, a bad one is still refused and
// good ones named again are still written.
func TestObjectIRIsRemembered(t *testing.T) {
	s, g := quad.IRI("http://example.org/s"), quad.IRI("http://example.org/g")
	p := quad.IRI("http://example.org/p")
	dt := quad.IRI("http://example.org/type")
	for _, f := range Formats() {
		w := f.NewWriter(io.Discard, Options{})
		for i := range 2*maxCheckedObjects + 10 {
			o := quad.IRI(fmt.Sprintf("http://example.org/o%d", i%(maxCheckedObjects+3)))
			lit := quad.TypedString{Value: "x", Type: dt}
			if _, err := w.WriteQuads([]quad.Quad{{Subject: s, Predicate: p, Object: o, Label: g}, {Subject: s, Predicate: p, Object: lit, Label: g}}); err != nil {
				t.Fatalf("%s: good quad %d refused: %v", f.Name, i, err)
			}
		}
		for _, o := range []quad.Value{quad.IRI("http://example.org/o 1"), quad.TypedString{Value: "x", Type: "http://example.org/ty pe"}} {
			_, err := w.WriteQuads([]quad.Quad{{Subject: s, Predicate: p, Object: o, Label: g}})
			var te *TermError
			if !errors.As(err, &te) {
				t.Errorf("%s: bad object %v accepted (%v)", f.Name, o, err)
			}
		}
	}
}
