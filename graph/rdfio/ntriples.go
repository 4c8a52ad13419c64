package rdfio

import (
	"io"

	"github.com/cayleygraph/quad"
)

// lineWriter writes N-Triples (keepGraph false) or N-Quads (keepGraph true),
// one statement per line in input order, per the RDF 1.1 grammars.
type lineWriter struct {
	base
	keepGraph bool
}

func newNTriplesWriter(w io.Writer, _ Options) Writer {
	return &lineWriter{base: newBase(w)}
}

func newNQuadsWriter(w io.Writer, _ Options) Writer {
	return &lineWriter{base: newBase(w), keepGraph: true}
}

func (w *lineWriter) WriteQuad(q quad.Quad) error {
	if err := w.accept(q); err != nil {
		return err
	}
	b := appendNTNode(w.buf[:0], q.Subject)
	b = append(b, ' ')
	b = appendNTNode(b, q.Predicate)
	b = append(b, ' ')
	b = appendNTNode(b, q.Object)
	if w.keepGraph && q.Label != nil {
		b = append(b, ' ')
		b = appendNTNode(b, q.Label)
	}
	b = append(b, " .\n"...)
	w.buf = b
	w.write(b)
	return w.err
}

func (w *lineWriter) WriteQuads(qs []quad.Quad) (int, error) { return writeAll(w, qs) }

func (w *lineWriter) Close() error { return w.close(func() {}) }

// appendNTNode appends a term checked by checkQuad in N-Triples syntax.
func appendNTNode(b []byte, v quad.Value) []byte {
	switch v := v.(type) {
	case quad.IRI:
		return appendIRIRef(b, string(v))
	case quad.BNode:
		b = append(b, '_', ':')
		return append(b, blankLabel(string(v))...)
	}
	return appendLiteral(b, v, appendIRIRef)
}
