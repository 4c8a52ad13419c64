package rdfio

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/knakk/rdf"
	"github.com/piprate/json-gold/ld"
)

// knakkReader adapts knakk/rdf's Turtle decoder to quad.ReadCloser.
type knakkReader struct {
	decode func() (rdf.Triple, error)
	name   string
	err    error
}

func newTurtleReader(r io.Reader, o ReadOptions) quad.ReadCloser {
	dec := rdf.NewTripleDecoder(r, rdf.Turtle)
	kr := &knakkReader{name: o.Name, decode: dec.Decode}
	if o.Base != "" {
		base, err := rdf.NewIRI(o.Base)
		if err == nil {
			err = dec.SetOption(rdf.Base, base)
		}
		if err != nil {
			kr.err = &ParseError{File: o.Name, Err: fmt.Errorf("base %q: %w", o.Base, err)}
		}
	}
	return kr
}

func (r *knakkReader) ReadQuad() (quad.Quad, error) {
	if r.err != nil {
		return quad.Quad{}, r.err
	}
	t, err := r.decode()
	if err != nil {
		if err != io.EOF {
			err = knakkError(r.name, err)
		}
		r.err = err
		return quad.Quad{}, err
	}
	return quad.Quad{
		Subject:   fromKnakk(t.Subj),
		Predicate: fromKnakk(t.Pred),
		Object:    fromKnakk(t.Obj),
	}, nil
}

// Close stops reading. The decoder is never called again after an error
// (knakk's lexer can panic when it is), so a reader closed before the end
// of its input leaves knakk's lexer goroutine parked until the program
// exits; reading to io.EOF ends it.
func (r *knakkReader) Close() error {
	if r.err == nil {
		r.err = ErrClosed
	}
	return nil
}

func fromKnakk(t rdf.Term) quad.Value {
	switch t := t.(type) {
	case rdf.IRI:
		return quad.IRI(t.String())
	case rdf.Blank:
		return quad.BNode(t.String())
	case rdf.Literal:
		switch dt := t.DataType.String(); {
		case t.Lang() != "":
			return quad.LangString{Value: quad.String(t.String()), Lang: t.Lang()}
		case dt == xsdString || dt == "":
			return quad.String(t.String())
		default:
			return quad.TypedString{Value: quad.String(t.String()), Type: quad.IRI(dt)}
		}
	}
	return nil
}

var knakkPosition = regexp.MustCompile(`^(\d+):(\d+):?\s*`)

// knakkError turns a knakk message "line:col: text" into a *ParseError.
func knakkError(name string, err error) error {
	pe := &ParseError{File: name, Err: err}
	msg := err.Error()
	if m := knakkPosition.FindStringSubmatch(msg); m != nil {
		pe.Line, _ = strconv.Atoi(m[1])
		pe.Col, _ = strconv.Atoi(m[2])
		pe.Err = errors.New(msg[len(m[0]):])
	}
	return pe
}

// jsonldReader reads a JSON-LD document with json-gold's toRDF. The whole
// document is parsed on the first ReadQuad; quads come out graph by graph
// (default graph first, then graph names in order).
type jsonldReader struct {
	r      io.Reader
	o      ReadOptions
	quads  []quad.Quad
	loaded bool
	err    error
}

func newJSONLDReader(r io.Reader, o ReadOptions) quad.ReadCloser {
	return &jsonldReader{r: r, o: o}
}

func (r *jsonldReader) ReadQuad() (quad.Quad, error) {
	if !r.loaded {
		r.loaded = true
		r.quads, r.err = r.load()
	}
	if r.err != nil {
		return quad.Quad{}, r.err
	}
	if len(r.quads) == 0 {
		return quad.Quad{}, io.EOF
	}
	q := r.quads[0]
	r.quads = r.quads[1:]
	return q, nil
}

func (r *jsonldReader) Close() error {
	r.quads, r.loaded = nil, true
	if r.err == nil {
		r.err = ErrClosed
	}
	return nil
}

func (r *jsonldReader) load() ([]quad.Quad, error) {
	data, err := io.ReadAll(r.r)
	if err != nil {
		return nil, &ParseError{File: r.o.Name, Err: err}
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		pe := &ParseError{File: r.o.Name, Err: err}
		var se *json.SyntaxError
		if errors.As(err, &se) {
			pe.Line, pe.Col = lineCol(data, se.Offset)
		}
		return nil, pe
	}
	opts := ld.NewJsonLdOptions(r.o.Base)
	opts.DocumentLoader = offlineLoader{url: r.o.ContextURL, context: r.o.Context}
	opts.ProduceGeneralizedRdf = false
	res, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		return nil, &ParseError{File: r.o.Name, Err: fmt.Errorf("JSON-LD: %w", err)}
	}
	ds, ok := res.(*ld.RDFDataset)
	if !ok {
		return nil, &ParseError{File: r.o.Name, Err: fmt.Errorf("JSON-LD: unexpected toRDF result %T", res)}
	}
	names := make([]string, 0, len(ds.Graphs))
	for name := range ds.Graphs {
		names = append(names, name)
	}
	sort.Slice(names, func(i, j int) bool {
		if names[i] == "@default" || names[j] == "@default" {
			return names[i] == "@default" && names[j] != "@default"
		}
		return names[i] < names[j]
	})
	var out []quad.Quad
	for _, name := range names {
		var label quad.Value
		switch {
		case name == "@default":
		case strings.HasPrefix(name, "_:"):
			label = quad.BNode(name[2:])
		default:
			label = quad.IRI(name)
		}
		for _, gq := range ds.Graphs[name] {
			out = append(out, quad.Quad{
				Subject:   fromGold(gq.Subject),
				Predicate: fromGold(gq.Predicate),
				Object:    fromGold(gq.Object),
				Label:     label,
			})
		}
	}
	return out, nil
}

func fromGold(n ld.Node) quad.Value {
	switch n := n.(type) {
	case ld.IRI:
		return quad.IRI(n.Value)
	case ld.BlankNode:
		return quad.BNode(strings.TrimPrefix(n.Attribute, "_:"))
	case ld.Literal:
		switch {
		case n.Language != "":
			return quad.LangString{Value: quad.String(n.Value), Lang: n.Language}
		case n.Datatype == xsdString || n.Datatype == "":
			return quad.String(n.Value)
		default:
			return quad.TypedString{Value: quad.String(n.Value), Type: quad.IRI(n.Datatype)}
		}
	}
	return nil
}

// lineCol converts a byte offset into a 1-based line and column (bytes).
func lineCol(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line, col = 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

// offlineLoader serves the embedded context for its published URL and
// refuses every other remote document, so reading never uses the network.
type offlineLoader struct {
	url     string
	context []byte
}

func (l offlineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	if l.url == "" || u != l.url || len(l.context) == 0 {
		return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, fmt.Sprintf("remote document %s not loaded: rdfio reads offline", u))
	}
	var doc any
	if err := json.Unmarshal(l.context, &doc); err != nil {
		return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, fmt.Sprintf("embedded context for %s: %v", u, err))
	}
	if m, ok := doc.(map[string]any); !ok || m["@context"] == nil {
		doc = map[string]any{"@context": doc}
	}
	return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
}
