package rdfio

import (
	"fmt"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

const (
	xsdNS         = "http://www.w3.org/2001/XMLSchema#"
	xsdString     = "http://www.w3.org/2001/XMLSchema#string"
	rdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
	rdfType       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
)

// literal is a literal in RDF terms: a lexical form with either a datatype
// (empty for xsd:string) or a language tag.
type literal struct {
	lex      string
	datatype string
	lang     string
}

// literalOf returns the literal a quad value stands for; ok is false for
// IRIs, blank nodes and values that are not literals. A LangString without
// a tag is a plain string; quad.Int, Float, Bool and Time become xsd
// integer, double, boolean and dateTime literals in canonical lexical form.
func literalOf(v quad.Value) (l literal, ok bool) {
	switch v := v.(type) {
	case quad.String:
		return literal{lex: string(v)}, true
	case quad.TypedString:
		if v.Type == xsdString {
			return literal{lex: string(v.Value)}, true
		}
		return literal{lex: string(v.Value), datatype: string(v.Type)}, true
	case quad.LangString:
		return literal{lex: string(v.Value), lang: v.Lang}, true
	case quad.IRI, quad.BNode, nil:
		return literal{}, false
	case quad.Int:
		return literal{lex: strconv.FormatInt(int64(v), 10), datatype: xsdNS + "integer"}, true
	case quad.Float:
		f := float64(v)
		lex := strconv.FormatFloat(f, 'E', -1, 64)
		switch {
		case math.IsInf(f, 1):
			lex = "INF"
		case math.IsInf(f, -1):
			lex = "-INF"
		}
		return literal{lex: lex, datatype: xsdNS + "double"}, true
	case quad.Bool:
		return literal{lex: strconv.FormatBool(bool(v)), datatype: xsdNS + "boolean"}, true
	case quad.Time:
		return literal{lex: time.Time(v).UTC().Format(time.RFC3339Nano), datatype: xsdNS + "dateTime"}, true
	case quad.TypedStringer:
		ts := v.TypedString()
		ts.Type = ts.Type.Full()
		return literalOf(ts)
	}
	return literal{}, false
}

// checkQuad applies the rules every writer shares (see the package
// documentation), so all formats accept and refuse the same quads.
func checkQuad(q quad.Quad) error {
	if err := checkNode(q.Subject, false); err != nil {
		return &TermError{Quad: q, Position: "subject", Err: err}
	}
	if iri, ok := q.Predicate.(quad.IRI); !ok {
		return &TermError{Quad: q, Position: "predicate", Err: fmt.Errorf("%w: predicate must be an IRI, got %T", ErrInvalidTerm, q.Predicate)}
	} else if err := checkIRI(string(iri)); err != nil {
		return &TermError{Quad: q, Position: "predicate", Err: err}
	}
	if err := checkNode(q.Object, true); err != nil {
		return &TermError{Quad: q, Position: "object", Err: err}
	}
	if q.Label != nil {
		if err := checkNode(q.Label, false); err != nil {
			return &TermError{Quad: q, Position: "graph", Err: err}
		}
	}
	return nil
}

// checker runs checkQuad, skipping the IRIs it has already passed:
// writers see runs of quads with one subject and one graph, and few
// predicates. Most objects that are IRIs, and the datatypes of literals,
// are named again and again too (classes, the things a graph describes,
// the turn or text of a mention), so those that passed are remembered,
// and forgotten all at once when they are many.
type checker struct {
	subject, label quad.IRI
	predicates     map[quad.IRI]struct{}
	objects        recent[struct{}] // up to maxCheckedObjects
}

// maxCheckedObjects is the number of object and datatype IRIs past which a
// checker forgets those it passed.
const maxCheckedObjects = 4096

// recent remembers values by key, up to max of them, and forgets them all
// at once when full: a bounded memory of the IRIs a reader or a writer has
// passed, which files name again and again.
type recent[V any] struct {
	m   map[string]V
	max int
}

func (r *recent[V]) get(k string) (V, bool) { v, ok := r.m[k]; return v, ok }

// getBytes is get for a key held as bytes, without copying it.
func (r *recent[V]) getBytes(k []byte) (V, bool) { v, ok := r.m[string(k)]; return v, ok }

func (r *recent[V]) put(k string, v V) {
	if r.m == nil {
		r.m = make(map[string]V)
	} else if len(r.m) >= r.max {
		clear(r.m)
	}
	r.m[k] = v
}

// checkObjectIRI is checkIRI for the objects and datatypes of the quads c
// checks.
func (c *checker) checkObjectIRI(iri string) error {
	if _, ok := c.objects.get(iri); ok {
		return nil
	}
	if err := checkIRI(iri); err != nil {
		return err
	}
	c.objects.put(iri, struct{}{})
	return nil
}

func (c *checker) check(q quad.Quad) error {
	s, sOK := q.Subject.(quad.IRI)
	p, pOK := q.Predicate.(quad.IRI)
	l, lOK := q.Label.(quad.IRI)
	passed := sOK && s == c.subject && pOK && (q.Label == nil || lOK && l == c.label)
	if passed {
		_, passed = c.predicates[p]
	}
	if !passed {
		if err := checkQuad(q); err != nil {
			return err
		}
		if c.predicates == nil {
			c.predicates = make(map[quad.IRI]struct{})
		}
		if len(c.predicates) < 4096 {
			c.predicates[p] = struct{}{}
		}
		c.subject, c.label = s, l
		return nil
	}
	if err := checkTerm(q.Object, true, c.checkObjectIRI); err != nil {
		return &TermError{Quad: q, Position: "object", Err: err}
	}
	return nil
}

func checkNode(v quad.Value, literalAllowed bool) error {
	return checkTerm(v, literalAllowed, checkIRI)
}

// checkTerm is checkNode with checkIRI, the check of its IRI or of its
// datatype, given.
func checkTerm(v quad.Value, literalAllowed bool, checkIRI func(string) error) error {
	switch v := v.(type) {
	case quad.IRI:
		return checkIRI(string(v))
	case quad.BNode:
		return nil
	case nil:
		return fmt.Errorf("%w: missing term", ErrInvalidTerm)
	}
	if !literalAllowed {
		return fmt.Errorf("%w: %T must be an IRI or a blank node", ErrInvalidTerm, v)
	}
	l, ok := literalOf(v)
	if !ok {
		return fmt.Errorf("%w: unsupported value type %T", ErrInvalidTerm, v)
	}
	if !utf8.ValidString(l.lex) {
		return fmt.Errorf("%w: lexical form is not valid UTF-8: %q", ErrInvalidLiteral, l.lex)
	}
	if l.lang != "" && !validLang(l.lang) {
		return fmt.Errorf("%w: malformed language tag %q", ErrInvalidLiteral, l.lang)
	}
	if l.datatype != "" {
		if l.datatype == rdfLangString {
			return fmt.Errorf("%w: rdf:langString without a language tag", ErrInvalidLiteral)
		}
		if err := checkIRI(l.datatype); err != nil {
			return fmt.Errorf("datatype: %w", err)
		}
	}
	return nil
}

// iriForbidden marks the ASCII bytes the N-Triples IRIREF production does
// not allow verbatim.
var iriForbidden = func() (t [256]bool) {
	for c := 0; c <= 0x20; c++ {
		t[c] = true
	}
	for _, c := range `<>"{}|^` + "`" + `\` {
		t[c] = true
	}
	return t
}()

// iriBytes sorts the bytes for checkIRI, so that it looks each up once.
var iriBytes = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c >= utf8.RuneSelf:
			t[c] = iriByteNonASCII
		case iriForbidden[c]:
			t[c] = iriByteForbidden
		}
	}
	return t
}()

const (
	iriByteOK        = iota // an ASCII byte an IRI may hold verbatim
	iriByteForbidden        // marked by iriForbidden
	iriByteNonASCII         // part of a multi-byte UTF-8 sequence, or invalid
)

// checkIRI accepts absolute IRIs made only of characters every RDF syntax
// can carry verbatim.
func checkIRI(s string) error {
	if !hasScheme(s) {
		return fmt.Errorf("%w: not absolute (no scheme): %q", ErrInvalidIRI, s)
	}
	nonASCII := false
	for i := 0; i < len(s); i++ {
		switch iriBytes[s[i]] {
		case iriByteOK:
		case iriByteNonASCII:
			nonASCII = true
		default:
			return fmt.Errorf("%w: character %q at byte %d: %q", ErrInvalidIRI, s[i], i, s)
		}
	}
	if nonASCII && !utf8.ValidString(s) {
		return fmt.Errorf("%w: not valid UTF-8: %q", ErrInvalidIRI, s)
	}
	return nil
}

// hasScheme reports whether s starts with an RFC 3986 scheme and a colon.
func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// validLang matches [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*, the LANGTAG of
// N-Triples and Turtle.
func validLang(s string) bool {
	if s == "" {
		return false
	}
	first, n := true, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			n++
		case c >= '0' && c <= '9' && !first:
			n++
		case c == '-' && n > 0:
			first, n = false, 0
		default:
			return false
		}
	}
	return n > 0
}

const hexDigits = "0123456789ABCDEF"

// stringEscapes gives the escape of each byte in N-Triples, N-Quads and
// Turtle strings: 0 for verbatim, 'u' for \u00XX, else the ECHAR letter.
var stringEscapes = func() (t [256]byte) {
	for c := 0; c < 0x20; c++ {
		t[c] = 'u'
	}
	t[0x7f] = 'u'
	t['\t'], t['\b'], t['\n'], t['\f'], t['\r'] = 't', 'b', 'n', 'f', 'r'
	t['"'], t['\\'] = '"', '\\'
	return t
}()

// appendQuoted appends s as a double-quoted N-Triples/Turtle string.
func appendQuoted(b []byte, s string) []byte { return appendEscaped(b, s, &stringEscapes) }

// jsonEscapes gives the escape of each byte in JSON strings, as
// stringEscapes: the same but for DEL, which JSON leaves verbatim.
var jsonEscapes = func() [256]byte {
	t := stringEscapes
	t[0x7f] = 0
	return t
}()

// appendJSONString appends s as a JSON string. s must be valid UTF-8.
func appendJSONString(b []byte, s string) []byte { return appendEscaped(b, s, &jsonEscapes) }

// appendEscaped appends s in double quotes, escaping each byte as the table
// says.
func appendEscaped(b []byte, s string, escapes *[256]byte) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		e := escapes[s[i]]
		if e == 0 {
			continue
		}
		b = append(b, s[start:i]...)
		if e == 'u' {
			b = append(b, '\\', 'u', '0', '0', hexDigits[s[i]>>4], hexDigits[s[i]&15])
		} else {
			b = append(b, '\\', e)
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// blankLabel returns a valid BLANK_NODE_LABEL (without "_:") for a blank
// node. Valid labels are kept; others have each disallowed character
// replaced by '_' and a hash of the original label appended.
func blankLabel(s string) string {
	if validBlankLabel(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case i == 0 && (pnCharsU(r) || r >= '0' && r <= '9'):
			b.WriteRune(r)
		case i > 0 && (pnChars(r) || r == '.'):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	h := fnv.New32a()
	h.Write([]byte(s))
	fmt.Fprintf(&b, "_%08x", h.Sum32())
	return b.String()
}

func validBlankLabel(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i, r := range s {
		if i == 0 {
			if !pnCharsU(r) && !(r >= '0' && r <= '9') {
				return false
			}
			continue
		}
		if !pnChars(r) && r != '.' {
			return false
		}
	}
	return s[len(s)-1] != '.'
}

// pnCharsU is PN_CHARS_U of Turtle (PN_CHARS_BASE or '_').
func pnCharsU(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r == '_':
		return true
	case r < 0xC0:
		return false
	case r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

// pnChars is PN_CHARS of Turtle.
func pnChars(r rune) bool {
	return pnCharsU(r) || r == '-' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// appendIRIRef appends iri as an IRI reference, <iri>.
func appendIRIRef(b []byte, iri string) []byte {
	b = append(b, '<')
	b = append(b, iri...)
	return append(b, '>')
}

// appendLiteral appends the literal a term checked by checkQuad stands for:
// its quoted lexical form, then @ and its language tag or ^^ and its
// datatype as appendDatatype writes it (nothing for xsd:string).
func appendLiteral(b []byte, v quad.Value, appendDatatype func(b []byte, iri string) []byte) []byte {
	l, _ := literalOf(v)
	b = appendQuoted(b, l.lex)
	switch {
	case l.lang != "":
		b = append(b, '@')
		b = append(b, l.lang...)
	case l.datatype != "":
		b = append(b, '^', '^')
		b = appendDatatype(b, l.datatype)
	}
	return b
}
