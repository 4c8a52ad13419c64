package rdfio

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/cayleygraph/quad"
)

// jsonldWriter writes compacted JSON-LD 1.1 against the context of Options:
//
//	{"@context": ..., "@graph": [node objects of the default graph and
//	  {"@id": graph, "@graph": [node objects]} for each run of quads with
//	  the same graph label]}
//
// It holds only the quads of the current subject.
type jsonldWriter struct {
	base
	ctx     *ldContext
	context []byte // the "@context" value as written

	started    bool
	inGraph    bool       // a named graph object is open
	label      quad.Value // graph label of the current run
	topItems   int        // items written in the top-level @graph
	graphItems int        // node objects written in the open named graph

	subject quad.Value
	pending []quad.Quad
	keys    map[keySpec]keyChoice
	types   map[string]string
	groups  []keyGroup
	qkeys   []keyChoice // key of each pending quad
}

// keySpec is what decides the key of a property: the predicate and the
// kind of value.
type keySpec struct {
	predicate quad.IRI
	kind      valueKind
	datatype  string
	lang      string
}

type valueKind uint8

const (
	kindNode valueKind = iota // IRI or blank node
	kindString
	kindLang
	kindTyped
)

// keyChoice is a property key and whether values under it are written as
// bare JSON strings (the term's coercion fits) or as value/node objects.
type keyChoice struct {
	key  string
	bare bool
}

type keyGroup struct {
	key   string
	first int // index in pending of the first quad with this key
	count int
}

func newJSONLDWriter(w io.Writer, o Options) Writer {
	jw := &jsonldWriter{
		base:  newBase(w),
		keys:  map[keySpec]keyChoice{},
		types: map[string]string{},
	}
	ctx, raw, err := parseContext(o.Context)
	if err != nil {
		jw.err = err
		return jw
	}
	jw.ctx = ctx
	switch {
	case o.ContextURL != "":
		jw.context = appendJSONString(nil, o.ContextURL)
	case len(raw) > 0:
		var b bytes.Buffer
		if err := json.Indent(&b, raw, "  ", "  "); err != nil {
			jw.err = err
			return jw
		}
		jw.context = b.Bytes()
	}
	return jw
}

func (w *jsonldWriter) WriteQuad(q quad.Quad) error {
	if err := w.accept(q); err != nil {
		return err
	}
	if !w.started {
		w.start()
	}
	if q.Label != w.label {
		w.flushSubject()
		w.closeGraph()
		if q.Label != nil {
			w.openGraph(q.Label)
		}
		w.label = q.Label
	}
	if len(w.pending) > 0 && q.Subject != w.subject {
		w.flushSubject()
	}
	w.subject = q.Subject
	w.pending = append(w.pending, q)
	return w.err
}

func (w *jsonldWriter) WriteQuads(qs []quad.Quad) (int, error) { return writeAll(w, qs) }

func (w *jsonldWriter) Close() error {
	return w.close(func() {
		if !w.started {
			w.start()
		}
		w.flushSubject()
		w.closeGraph()
		if w.topItems > 0 {
			w.write([]byte("\n  ]\n}\n"))
		} else {
			w.write([]byte("]\n}\n"))
		}
	})
}

func (w *jsonldWriter) start() {
	w.started = true
	b := append(w.buf[:0], "{\n"...)
	if len(w.context) > 0 {
		b = append(b, `  "@context": `...)
		b = append(b, w.context...)
		b = append(b, ",\n"...)
	}
	b = append(b, `  "@graph": [`...)
	w.buf = b
	w.write(b)
}

func (w *jsonldWriter) openGraph(label quad.Value) {
	id, err := w.nodeID(label)
	if err != nil {
		w.fail(quad.Quad{Label: label}, "graph", err)
		return
	}
	b := w.buf[:0]
	if w.topItems > 0 {
		b = append(b, ',')
	}
	b = append(b, "\n    {\n      \"@id\": "...)
	b = appendJSONString(b, id)
	b = append(b, ",\n      \"@graph\": ["...)
	w.buf = b
	w.write(b)
	w.topItems++
	w.inGraph = true
	w.graphItems = 0
}

func (w *jsonldWriter) closeGraph() {
	if !w.inGraph {
		return
	}
	if w.graphItems > 0 {
		w.write([]byte("\n      ]\n    }"))
	} else {
		w.write([]byte("]\n    }"))
	}
	w.inGraph = false
}

func (w *jsonldWriter) fail(q quad.Quad, position string, err error) {
	if w.err == nil {
		w.err = &TermError{Quad: q, Position: position, Err: err}
	}
}

// nodeID is the "@id" string of an IRI or blank node.
func (w *jsonldWriter) nodeID(v quad.Value) (string, error) {
	if b, ok := v.(quad.BNode); ok {
		return "_:" + blankLabel(string(b)), nil
	}
	return w.ctx.compactID(string(v.(quad.IRI)))
}

// flushSubject writes the node object of the pending quads, which share
// one subject: "@id", "@type", then one key per property in order of first
// appearance, with several values as an array in input order.
func (w *jsonldWriter) flushSubject() {
	if len(w.pending) == 0 || w.err != nil {
		w.pending = w.pending[:0]
		return
	}
	qs := w.pending
	w.pending = w.pending[:0]
	id, err := w.nodeID(qs[0].Subject)
	if err != nil {
		w.fail(qs[0], "subject", err)
		return
	}
	b := w.buf[:0]
	if w.inGraph {
		if w.graphItems > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n        "...)
		w.graphItems++
	} else {
		if w.topItems > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    "...)
		w.topItems++
	}
	b = append(b, `{"@id": `...)
	b = appendJSONString(b, id)

	// Types.
	nTypes := 0
	for _, q := range qs {
		if isTypeQuad(q) {
			nTypes++
		}
	}
	if nTypes > 0 {
		b = append(b, `, "@type": `...)
		if nTypes > 1 {
			b = append(b, '[')
		}
		i := 0
		for _, q := range qs {
			if !isTypeQuad(q) {
				continue
			}
			t, err := w.typeName(q.Object)
			if err != nil {
				w.fail(q, "object", err)
				return
			}
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendJSONString(b, t)
			i++
		}
		if nTypes > 1 {
			b = append(b, ']')
		}
	}

	// Properties, grouped by key in order of first appearance.
	groups, qkeys := w.groups[:0], w.qkeys[:0]
	for i, q := range qs {
		if isTypeQuad(q) {
			qkeys = append(qkeys, keyChoice{})
			continue
		}
		k, err := w.keyFor(q)
		if err != nil {
			w.fail(q, "predicate", err)
			return
		}
		qkeys = append(qkeys, k)
		found := false
		for j := range groups {
			if groups[j].key == k.key {
				groups[j].count++
				found = true
				break
			}
		}
		if !found {
			groups = append(groups, keyGroup{key: k.key, first: i, count: 1})
		}
	}
	w.groups, w.qkeys = groups, qkeys
	for _, g := range groups {
		b = append(b, ", "...)
		b = appendJSONString(b, g.key)
		b = append(b, ": "...)
		if g.count > 1 {
			b = append(b, '[')
		}
		n := 0
		for i := g.first; i < len(qs) && n < g.count; i++ {
			q := qs[i]
			if qkeys[i].key != g.key || isTypeQuad(q) {
				continue
			}
			if n > 0 {
				b = append(b, ", "...)
			}
			if b, err = w.appendValue(b, q.Object, qkeys[i].bare); err != nil {
				w.fail(q, "object", err)
				return
			}
			n++
		}
		if g.count > 1 {
			b = append(b, ']')
		}
	}
	b = append(b, '}')
	w.buf = b
	w.write(b)
}

func isTypeQuad(q quad.Quad) bool {
	if q.Predicate != quad.IRI(rdfType) {
		return false
	}
	switch q.Object.(type) {
	case quad.IRI, quad.BNode:
		return true
	}
	return false
}

// typeName is the "@type" string of a class.
func (w *jsonldWriter) typeName(v quad.Value) (string, error) {
	if b, ok := v.(quad.BNode); ok {
		return "_:" + blankLabel(string(b)), nil
	}
	iri := string(v.(quad.IRI))
	if s, ok := w.types[iri]; ok {
		return s, nil
	}
	s, err := w.ctx.compactVocab(iri, true)
	if err != nil {
		return "", err
	}
	if len(w.types) < 4096 {
		w.types[iri] = s
	}
	return s, nil
}

// keyFor chooses the property key of a quad: a term whose @id is the
// predicate and whose coercion fits the value, else the compact or full
// IRI of the predicate.
func (w *jsonldWriter) keyFor(q quad.Quad) (keyChoice, error) {
	spec := keySpec{predicate: q.Predicate.(quad.IRI)}
	if l, ok := literalOf(q.Object); ok {
		switch {
		case l.lang != "":
			spec.kind, spec.lang = kindLang, l.lang
		case l.datatype != "":
			spec.kind, spec.datatype = kindTyped, l.datatype
		default:
			spec.kind = kindString
		}
	}
	if k, ok := w.keys[spec]; ok {
		return k, nil
	}
	k, err := w.chooseKey(spec)
	if err != nil {
		return k, err
	}
	if len(w.keys) < 16384 {
		w.keys[spec] = k
	}
	return k, nil
}

func (w *jsonldWriter) chooseKey(spec keySpec) (keyChoice, error) {
	c := w.ctx
	for _, t := range c.byIRI[string(spec.predicate)] {
		var fits bool
		switch spec.kind {
		case kindNode:
			fits = t.typ == "@id"
		case kindString:
			fits = t.typ == "" && c.stringLang(t) == ""
		case kindLang:
			fits = t.typ == "" && c.stringLang(t) == spec.lang
		case kindTyped:
			fits = t.typ == spec.datatype
		}
		if fits {
			return keyChoice{key: t.name, bare: true}, nil
		}
	}
	key, err := c.compactVocab(string(spec.predicate), false)
	if err != nil {
		return keyChoice{}, err
	}
	return keyChoice{key: key, bare: spec.kind == kindString && c.lang == ""}, nil
}

// appendValue writes an object as a bare string (when its key's coercion
// fits) or as a node or value object.
func (w *jsonldWriter) appendValue(b []byte, v quad.Value, bare bool) ([]byte, error) {
	switch v.(type) {
	case quad.IRI, quad.BNode:
		id, err := w.nodeID(v)
		if err != nil {
			return b, err
		}
		if bare {
			return appendJSONString(b, id), nil
		}
		b = append(b, `{"@id": `...)
		b = appendJSONString(b, id)
		return append(b, '}'), nil
	}
	l, _ := literalOf(v)
	if bare {
		return appendJSONString(b, l.lex), nil
	}
	b = append(b, `{"@value": `...)
	b = appendJSONString(b, l.lex)
	switch {
	case l.lang != "":
		b = append(b, `, "@language": `...)
		b = appendJSONString(b, l.lang)
	case l.datatype != "":
		t, err := w.ctx.compactVocab(l.datatype, false)
		if err != nil {
			return b, err
		}
		b = append(b, `, "@type": `...)
		b = appendJSONString(b, t)
	}
	return append(b, '}'), nil
}
