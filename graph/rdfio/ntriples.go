package rdfio

import (
	"bufio"
	"io"

	"github.com/cayleygraph/quad"
)

// lineWriter writes N-Triples (keepGraph false) or N-Quads (keepGraph true),
// one statement per line in input order, per the RDF 1.1 grammars.
type lineWriter struct {
	check     checker
	w         *bufio.Writer
	buf       []byte
	keepGraph bool
	err       error
	closed    bool
}

func newNTriplesWriter(w io.Writer, _ Options) Writer {
	return &lineWriter{w: bufio.NewWriterSize(w, 64<<10)}
}

func newNQuadsWriter(w io.Writer, _ Options) Writer {
	return &lineWriter{w: bufio.NewWriterSize(w, 64<<10), keepGraph: true}
}

func (w *lineWriter) WriteQuad(q quad.Quad) error {
	if w.closed {
		return ErrClosed
	}
	if w.err != nil {
		return w.err
	}
	if err := w.check.check(q); err != nil {
		w.err = err
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
	if _, err := w.w.Write(b); err != nil {
		w.err = err
	}
	return w.err
}

func (w *lineWriter) WriteQuads(qs []quad.Quad) (int, error) { return writeAll(w, qs) }

func (w *lineWriter) Close() error {
	if !w.closed && w.err == nil {
		w.err = w.w.Flush()
	}
	w.closed = true
	return w.err
}

// appendNTNode appends a term checked by checkQuad in N-Triples syntax.
func appendNTNode(b []byte, v quad.Value) []byte {
	switch v := v.(type) {
	case quad.IRI:
		b = append(b, '<')
		b = append(b, v...)
		return append(b, '>')
	case quad.BNode:
		b = append(b, '_', ':')
		return append(b, blankLabel(string(v))...)
	}
	l, _ := literalOf(v)
	b = appendQuoted(b, l.lex)
	switch {
	case l.lang != "":
		b = append(b, '@')
		b = append(b, l.lang...)
	case l.datatype != "":
		b = append(b, "^^<"...)
		b = append(b, l.datatype...)
		b = append(b, '>')
	}
	return b
}
