package rdfio

import (
	"fmt"
	"io"
	"sort"

	"github.com/cayleygraph/quad"
)

// turtleWriter writes Turtle or TriG: @prefix lines, then one block per run
// of quads with the same subject (';' between predicates, ',' between objects
// of one predicate). Turtle drops graph labels and says so in a comment
// before the first labelled quad; TriG wraps each run of quads with the same
// label in "<graph> { ... }" and writes unlabelled quads outside any block,
// in the default graph.
type turtleWriter struct {
	base
	prefixes []namespacePrefix // longest namespace first
	vocab    map[quad.IRI]string
	started  bool
	lastS    quad.Value
	lastP    quad.Value
	trig     bool       // keep graphs
	lastG    quad.Value // TriG: the open block's graph, nil outside blocks
	merged   bool       // Turtle: the merge comment has been written
}

// mergedComment is written by the Turtle writer before the first quad that
// has a graph label.
const mergedComment = "# Named graphs merged: this Turtle holds the union of the input's graphs; TriG and N-Quads keep them apart.\n"

type namespacePrefix struct{ prefix, namespace string }

func newTriGWriter(w io.Writer, o Options) Writer {
	tw := newTurtleWriter(w, o).(*turtleWriter)
	tw.trig = true
	return tw
}

func newTurtleWriter(w io.Writer, o Options) Writer {
	tw := &turtleWriter{base: newBase(w), vocab: map[quad.IRI]string{}}
	seen := map[string]bool{}
	var b []byte
	for _, p := range o.Prefixes {
		if seen[p.Prefix] {
			continue
		}
		seen[p.Prefix] = true
		if !safePrefixName(p.Prefix) {
			tw.err = fmt.Errorf("rdfio: turtle prefix %q is not a plain prefix name", p.Prefix)
			return tw
		}
		if err := checkIRI(p.Namespace); err != nil {
			tw.err = fmt.Errorf("rdfio: turtle prefix %q: %w", p.Prefix, err)
			return tw
		}
		tw.prefixes = append(tw.prefixes, namespacePrefix{p.Prefix, p.Namespace})
		b = append(b, "@prefix "...)
		b = append(b, p.Prefix...)
		b = append(b, ": <"...)
		b = append(b, p.Namespace...)
		b = append(b, "> .\n"...)
	}
	if len(b) > 0 {
		b = append(b, '\n')
	}
	sort.SliceStable(tw.prefixes, func(i, j int) bool {
		return len(tw.prefixes[i].namespace) > len(tw.prefixes[j].namespace)
	})
	_, tw.err = tw.w.Write(b)
	return tw
}

func (w *turtleWriter) WriteQuad(q quad.Quad) error {
	if err := w.accept(q); err != nil {
		return err
	}
	b := w.buf[:0]
	newGraph := w.trig && q.Label != w.lastG
	switch {
	case !w.started || q.Subject != w.lastS || newGraph:
		if w.started {
			b = append(b, " .\n"...)
		}
		if newGraph {
			if w.lastG != nil {
				b = append(b, "}\n"...)
			}
			if w.started {
				b = append(b, '\n')
			}
			if q.Label != nil {
				b = w.appendNode(b, q.Label)
				b = append(b, " {\n"...)
			}
			w.lastG = q.Label
		} else if w.started {
			b = append(b, '\n')
		}
		if !w.trig && !w.merged && q.Label != nil {
			b = append(b, mergedComment...)
			w.merged = true
		}
		b = w.appendNode(b, q.Subject)
		b = append(b, "\n    "...)
		b = w.appendPredicate(b, q.Predicate.(quad.IRI))
		b = append(b, ' ')
	case q.Predicate != w.lastP:
		b = append(b, " ;\n    "...)
		if !w.trig && !w.merged && q.Label != nil {
			b = append(b, mergedComment...)
			b = append(b, "    "...)
			w.merged = true
		}
		b = w.appendPredicate(b, q.Predicate.(quad.IRI))
		b = append(b, ' ')
	default:
		b = append(b, ", "...)
		if !w.trig && !w.merged && q.Label != nil {
			b = append(b, "\n    "...)
			b = append(b, mergedComment...)
			b = append(b, "    "...)
			w.merged = true
		}
	}
	b = w.appendNode(b, q.Object)
	w.started, w.lastS, w.lastP = true, q.Subject, q.Predicate
	w.buf = b
	w.write(b)
	return w.err
}

func (w *turtleWriter) WriteQuads(qs []quad.Quad) (int, error) { return writeAll(w, qs) }

func (w *turtleWriter) Close() error {
	return w.close(func() {
		if w.started {
			w.write([]byte(" .\n"))
		}
		if w.lastG != nil {
			w.write([]byte("}\n"))
		}
	})
}

func (w *turtleWriter) appendPredicate(b []byte, p quad.IRI) []byte {
	if p == rdfType {
		return append(b, 'a')
	}
	return w.appendVocab(b, p)
}

// appendVocab writes predicates and datatypes, a small set, from a cache.
func (w *turtleWriter) appendVocab(b []byte, iri quad.IRI) []byte {
	s, ok := w.vocab[iri]
	if !ok {
		if len(w.vocab) > 4096 {
			return w.appendIRI(b, string(iri))
		}
		s = string(w.appendIRI(nil, string(iri)))
		w.vocab[iri] = s
	}
	return append(b, s...)
}

func (w *turtleWriter) appendNode(b []byte, v quad.Value) []byte {
	switch v := v.(type) {
	case quad.IRI:
		return w.appendIRI(b, string(v))
	case quad.BNode:
		b = append(b, '_', ':')
		return append(b, blankLabel(string(v))...)
	}
	return appendLiteral(b, v, func(b []byte, datatype string) []byte { return w.appendVocab(b, quad.IRI(datatype)) })
}

// appendIRI writes a prefixed name when a declared namespace starts the IRI
// and the rest is a safe local name, else <iri>.
func (w *turtleWriter) appendIRI(b []byte, iri string) []byte {
	for _, p := range w.prefixes {
		if len(iri) >= len(p.namespace) && iri[:len(p.namespace)] == p.namespace && safeLocalName(iri[len(p.namespace):]) {
			b = append(b, p.prefix...)
			b = append(b, ':')
			return append(b, iri[len(p.namespace):]...)
		}
	}
	return appendIRIRef(b, iri)
}

// safeLocalName accepts ([A-Za-z_][A-Za-z0-9_-]*)?, local names every
// Turtle parser reads the same way without escapes.
func safeLocalName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_':
		case i > 0 && (c >= '0' && c <= '9' || c == '-'):
		default:
			return false
		}
	}
	return true
}

// safePrefixName accepts "" and [A-Za-z][A-Za-z0-9_-]*.
func safePrefixName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '-' || c == '_'):
		default:
			return false
		}
	}
	return true
}
