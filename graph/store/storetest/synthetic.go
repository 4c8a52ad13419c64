package storetest

import (
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/ontology"
)

// Filler returns n quads for graph label that no named query reads, to make
// a graph large without changing any answer.
func Filler(label quad.IRI, n int) []quad.Quad {
	out := make([]quad.Quad, 0, n)
	see := quad.IRI(ontology.RDFS + "seeAlso")
	comment := quad.IRI(ontology.RDFS + "comment")
	for i := range n {
		s := quad.IRI(fmt.Sprintf("%s/filler/%d", label, i/2))
		if i%2 == 0 {
			out = append(out, quad.Quad{Subject: s, Predicate: see, Object: quad.IRI(fmt.Sprintf("%s/filler/%d", label, i/2+1)), Label: label})
		} else {
			out = append(out, quad.Quad{Subject: s, Predicate: comment, Object: quad.String(fmt.Sprintf("filler %d", i)), Label: label})
		}
	}
	return out
}

// Synthetic returns n transcripts shaped like the real ones, each with the
// given number of speech turns; speakers and mentioned bodies rotate through
// pools of 30 people and 60 bodies. It is for benchmarks: 100 transcripts of
// 100 turns make about 300,000 quads.
func Synthetic(n, turns int) []store.Graph {
	people := make([]quad.IRI, 30)
	for i := range people {
		people[i] = B(fmt.Sprintf("person/member-%02d", i))
	}
	bodies := make([]quad.IRI, 60)
	for i := range bodies {
		bodies[i] = B(fmt.Sprintf("body/body-%02d", i))
	}
	out := make([]store.Graph, 0, n)
	for g := range n {
		day := fmt.Sprintf("%04d-%02d-%02d", 2010+g/120, 1+g/10%12, 1+g%10)
		ts := make([]turnSpec, turns)
		for t := range ts {
			speaker := Sadiq
			if t%2 == 0 {
				speaker = people[(g+t)%len(people)]
			}
			b1, b2 := bodies[(g*7+t)%len(bodies)], bodies[(g+t*3)%len(bodies)]
			ts[t] = turnSpec{speaker, fmt.Sprintf("Turn %d asks about ABC and XYZ and what they will do next.", t),
				[]mentionSpec{{b1, "ABC"}, {b2, "XYZ"}}}
		}
		gr := transcript(day, fmt.Sprintf("topic-%d", g), fmt.Sprintf("Topic %d", g), people[g%len(people)], Sadiq, ts,
			[]claimSpec{{turn: 1, kind: ontology.NumericClaim, about: bodies[g%len(bodies)], text: "A claim.", value: "42", unit: "officers", figure: "ABC"}})
		b := &builder{label: gr.Label, quads: gr.Quads}
		for i, p := range people {
			b.person(p, fmt.Sprintf("Member %02d", i), "")
		}
		for i, o := range bodies {
			b.body(o, fmt.Sprintf("Body %02d", i), fmt.Sprintf("B%02d", i), "agency", "")
		}
		out = append(out, store.Graph{Label: gr.Label, Quads: b.quads})
	}
	return out
}
