package rdfio

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/cayleygraph/quad"
)

// lineReader reads N-Triples (quads false) or N-Quads (quads true) as the
// RDF 1.1 grammars define them: one statement a line, terms separated by
// spaces or tabs, comments from '#' to the end of a line, lines ended by
// LF, CR LF or CR. It is stricter than the grammars in what a store could
// not keep or our writers could not write again: IRIs must be absolute
// (as the N-Triples and N-Quads specifications require) and free of the
// characters IRIREF forbids, also when written as \u escapes; text must be
// valid UTF-8; rdf:langString needs a language tag. A malformed statement
// stops the reader with a *ParseError giving its line and column.
type lineReader struct {
	r     *bufio.Reader
	name  string
	quads bool
	err   error

	line    int    // number of the line in s
	s       []byte // the line being read, without its end
	i       int    // position in s
	rest    []byte // what follows a lone CR in the last chunk read
	readErr error  // an error the last chunk came with, other than io.EOF
	long    []byte // a chunk longer than r's buffer, gathered
	scratch []byte // unescaped text

	// iris holds recent IRIs boxed as values: a file repeats its
	// predicates, classes and graph labels on every few lines.
	iris recent[quad.Value]
}

func newNTriplesReader(r io.Reader, o ReadOptions) quad.ReadCloser {
	return newLineReader(r, o, false)
}

func newNQuadsReader(r io.Reader, o ReadOptions) quad.ReadCloser {
	return newLineReader(r, o, true)
}

func newLineReader(r io.Reader, o ReadOptions, quads bool) *lineReader {
	return &lineReader{
		r:     bufio.NewReaderSize(r, 64<<10),
		name:  o.Name,
		quads: quads,
		iris:  recent[quad.Value]{max: 1 << 13},
	}
}

// ReadQuad returns the next statement; io.EOF after the last.
func (lr *lineReader) ReadQuad() (quad.Quad, error) {
	for lr.err == nil {
		if !lr.nextLine() {
			break
		}
		lr.skipSpace()
		if lr.i == len(lr.s) || lr.s[lr.i] == '#' {
			continue
		}
		q, err := lr.statement()
		if err != nil {
			lr.err = err
			break
		}
		return q, nil
	}
	return quad.Quad{}, lr.err
}

// Close stops reading; ReadQuad returns ErrClosed after it.
func (lr *lineReader) Close() error {
	if lr.err == nil {
		lr.err = ErrClosed
	}
	return nil
}

// nextLine makes s the next line; at the end of the input it sets err to
// io.EOF (or the read error) and reports false.
func (lr *lineReader) nextLine() bool {
	if len(lr.rest) == 0 {
		if lr.readErr != nil {
			lr.err = &ParseError{File: lr.name, Line: lr.line + 1, Err: lr.readErr}
			return false
		}
		chunk, err := lr.readChunk()
		if err != nil && err != io.EOF {
			lr.readErr = err
		}
		if len(chunk) == 0 {
			if lr.readErr == nil {
				lr.err = io.EOF
				return false
			}
			return lr.nextLine()
		}
		lr.rest = chunk
	}
	lr.line++
	c := lr.rest
	n := 0
	for n < len(c) && c[n] != '\n' && c[n] != '\r' {
		n++
	}
	lr.s, lr.i = c[:n], 0
	switch {
	case n == len(c):
		lr.rest = nil
	case c[n] == '\r' && n+1 < len(c) && c[n+1] == '\n':
		lr.rest = c[n+2:]
	default:
		lr.rest = c[n+1:]
	}
	return true
}

// readChunk returns the input up to and including the next LF, however
// long, or what is left at the end.
func (lr *lineReader) readChunk() ([]byte, error) {
	chunk, err := lr.r.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return chunk, err
	}
	lr.long = append(lr.long[:0], chunk...)
	for err == bufio.ErrBufferFull {
		chunk, err = lr.r.ReadSlice('\n')
		lr.long = append(lr.long, chunk...)
	}
	return lr.long, err
}

// statement reads subject, predicate, object, the graph label of N-Quads
// and the closing '.'.
func (lr *lineReader) statement() (q quad.Quad, err error) {
	if q.Subject, err = lr.node("subject", false); err != nil {
		return q, err
	}
	if lr.peek() != '<' {
		return q, lr.errorf("predicate: want an IRI in <>")
	}
	if q.Predicate, err = lr.node("predicate", false); err != nil {
		return q, err
	}
	if q.Object, err = lr.node("object", true); err != nil {
		return q, err
	}
	if c := lr.peek(); lr.quads && (c == '<' || c == '_') {
		if q.Label, err = lr.node("graph label", false); err != nil {
			return q, err
		}
	}
	if lr.peek() != '.' {
		if lr.quads {
			return q, lr.errorf("want a graph label or '.' to end the statement")
		}
		return q, lr.errorf("want '.' to end the statement")
	}
	lr.i++
	lr.skipSpace()
	if lr.i < len(lr.s) && lr.s[lr.i] != '#' {
		return q, lr.errorf("unexpected text after the statement's '.'")
	}
	return q, nil
}

func (lr *lineReader) peek() byte {
	if lr.i < len(lr.s) {
		return lr.s[lr.i]
	}
	return 0
}

func (lr *lineReader) skipSpace() {
	for lr.i < len(lr.s) && (lr.s[lr.i] == ' ' || lr.s[lr.i] == '\t') {
		lr.i++
	}
}

// node reads one term and the white space after it.
func (lr *lineReader) node(what string, literalAllowed bool) (v quad.Value, err error) {
	switch lr.peek() {
	case '<':
		v, err = lr.iri()
	case '_':
		v, err = lr.blank()
	case '"':
		if !literalAllowed {
			return nil, lr.errorf("%s: a literal cannot be a %s", what, what)
		}
		v, err = lr.literal()
	case 0:
		return nil, lr.errorf("%s: missing (the line ends)", what)
	default:
		want := "an IRI in <> or a blank node _:"
		if literalAllowed {
			want += " or a literal in \"\""
		}
		return nil, lr.errorf("%s: want %s", what, want)
	}
	if err != nil {
		return nil, within(what, err)
	}
	lr.skipSpace()
	return v, nil
}

// iri reads an IRIREF at s[i] == '<'.
func (lr *lineReader) iri() (quad.Value, error) {
	start := lr.i
	lr.i++
	b, escaped := lr.i, false
	for {
		if lr.i == len(lr.s) {
			return nil, lr.errorAt(start, "IRI not closed by '>'")
		}
		c := lr.s[lr.i]
		if c == '>' {
			break
		}
		if c == '\\' {
			escaped = true
			if _, err := lr.uchar(); err != nil {
				return nil, err
			}
			continue
		}
		if iriForbidden[c] {
			return nil, lr.errorf("character %q is not allowed in an IRI", c)
		}
		lr.i++
	}
	raw := lr.s[b:lr.i]
	lr.i++
	if !escaped {
		if v, ok := lr.iris.getBytes(raw); ok {
			return v, nil
		}
	}
	s := string(raw)
	if escaped {
		s = string(lr.unescape(raw))
	}
	if err := checkIRI(s); err != nil {
		return nil, lr.errorAt(start, "%v", err)
	}
	v := quad.Value(quad.IRI(s))
	if !escaped {
		lr.iris.put(s, v)
	}
	return v, nil
}

// blank reads a BLANK_NODE_LABEL at s[i] == '_'.
func (lr *lineReader) blank() (quad.Value, error) {
	start := lr.i
	if lr.i+2 > len(lr.s) || lr.s[lr.i+1] != ':' {
		return nil, lr.errorf("want _: to start a blank node")
	}
	lr.i += 2
	b := lr.i
	end := b // after the last character that may end a label
	for lr.i < len(lr.s) {
		r, n := rune(lr.s[lr.i]), 1
		if r >= utf8.RuneSelf {
			if r, n = utf8.DecodeRune(lr.s[lr.i:]); r == utf8.RuneError && n == 1 {
				return nil, lr.errorf("blank node label is not valid UTF-8")
			}
		}
		first := lr.i == b
		switch {
		case first && (pnCharsU(r) || r >= '0' && r <= '9'):
		case !first && pnChars(r):
		case !first && r == '.':
			lr.i += n
			continue
		default:
			if first {
				return nil, lr.errorAt(start, "empty or malformed blank node label")
			}
			lr.i = end
			return quad.BNode(string(lr.s[b:end])), nil
		}
		lr.i += n
		end = lr.i
	}
	if end == b {
		return nil, lr.errorAt(start, "empty blank node label")
	}
	lr.i = end
	return quad.BNode(string(lr.s[b:end])), nil
}

// literal reads a STRING_LITERAL_QUOTE at s[i] == '"' and its language tag
// or datatype.
func (lr *lineReader) literal() (quad.Value, error) {
	start := lr.i
	lr.i++
	b, escaped := lr.i, false
	for {
		if lr.i == len(lr.s) {
			return nil, lr.errorAt(start, "string not closed by '\"'")
		}
		c := lr.s[lr.i]
		if c == '"' {
			break
		}
		if c == '\\' {
			escaped = true
			if lr.i+1 < len(lr.s) && echar(lr.s[lr.i+1]) != 0 {
				lr.i += 2
				continue
			}
			if _, err := lr.uchar(); err != nil {
				return nil, err
			}
			continue
		}
		lr.i++
	}
	raw := lr.s[b:lr.i]
	lr.i++
	if !utf8.Valid(raw) {
		return nil, lr.errorAt(start, "string is not valid UTF-8")
	}
	var text string
	if escaped {
		text = string(lr.unescape(raw))
	} else {
		text = string(raw)
	}
	switch lr.peek() {
	case '@':
		lr.i++
		tb := lr.i
		for lr.i < len(lr.s) && (isAlnum(lr.s[lr.i]) || lr.s[lr.i] == '-') {
			lr.i++
		}
		tag := string(lr.s[tb:lr.i])
		if !validLang(tag) {
			return nil, lr.errorAt(tb, "malformed language tag %q", tag)
		}
		return quad.LangString{Value: quad.String(text), Lang: tag}, nil
	case '^':
		if lr.i+2 >= len(lr.s) || lr.s[lr.i+1] != '^' || lr.s[lr.i+2] != '<' {
			return nil, lr.errorf("want ^^<datatype IRI> after the string")
		}
		lr.i += 2
		dt, err := lr.iri()
		if err != nil {
			return nil, within("datatype", err)
		}
		switch dt := dt.(quad.IRI); dt {
		case xsdString:
			return quad.String(text), nil
		case rdfLangString:
			return nil, lr.errorAt(start, "rdf:langString without a language tag")
		default:
			return quad.TypedString{Value: quad.String(text), Type: dt}, nil
		}
	}
	return quad.String(text), nil
}

// uchar checks the \u or \U escape at s[i] and moves past it.
func (lr *lineReader) uchar() (rune, error) {
	n := 0
	if lr.i+1 < len(lr.s) {
		switch lr.s[lr.i+1] {
		case 'u':
			n = 4
		case 'U':
			n = 8
		}
	}
	if n == 0 || lr.i+2+n > len(lr.s) {
		return 0, lr.errorf("malformed escape: want \\uXXXX or \\UXXXXXXXX")
	}
	v, err := strconv.ParseUint(string(lr.s[lr.i+2:lr.i+2+n]), 16, 32)
	if err != nil || v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
		return 0, lr.errorf("malformed escape %s", lr.s[lr.i:lr.i+2+n])
	}
	lr.i += 2 + n
	return rune(v), nil
}

// unescape returns raw, checked by iri or literal, with its escapes
// replaced, in a buffer reused by the next call.
func (lr *lineReader) unescape(raw []byte) []byte {
	out := lr.scratch[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		if e := echar(raw[i+1]); e != 0 {
			out = append(out, e)
			i++
			continue
		}
		n := 4
		if raw[i+1] == 'U' {
			n = 8
		}
		v, _ := strconv.ParseUint(string(raw[i+2:i+2+n]), 16, 32)
		out = utf8.AppendRune(out, rune(v))
		i += 1 + n
	}
	lr.scratch = out
	return out
}

// echar returns the character an ECHAR escape \c stands for, or 0.
func echar(c byte) byte {
	switch c {
	case 't':
		return '\t'
	case 'b':
		return '\b'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 'f':
		return '\f'
	case '"', '\'', '\\':
		return c
	}
	return 0
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// within says in a *ParseError's message which term it is about.
func within(what string, err error) error {
	if pe, ok := err.(*ParseError); ok {
		pe.Err = fmt.Errorf("%s: %w", what, pe.Err)
	}
	return err
}

func (lr *lineReader) errorf(format string, args ...any) error {
	return lr.errorAt(lr.i, format, args...)
}

// errorAt returns a *ParseError at byte i of the line; its column counts
// characters from 1.
func (lr *lineReader) errorAt(i int, format string, args ...any) error {
	i = min(i, len(lr.s))
	return &ParseError{
		File: lr.name,
		Line: lr.line,
		Col:  utf8.RuneCount(lr.s[:i]) + 1,
		Err:  fmt.Errorf(format, args...),
	}
}
