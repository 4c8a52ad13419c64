package rdfio

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/internal/textpos"
	"github.com/assemblykg/assemblykg/ontology"
)

// Options configure writers.
type Options struct {
	// Prefixes are declared at the top of Turtle output, in this order, and
	// used for prefixed names; pass ontology.Prefixes.
	Prefixes []ontology.Prefix
	// Context is the JSON-LD context document (either {"@context": ...} or
	// the context object itself). The JSON-LD writer chooses its terms from
	// it and inlines it unless ContextURL is set.
	Context []byte
	// ContextURL, when set, is written as the JSON-LD "@context" instead of
	// the inlined Context.
	ContextURL string
}

// ReadOptions configure readers.
type ReadOptions struct {
	// Name is the file name reported in parse errors.
	Name string
	// Base resolves relative IRIs in Turtle and JSON-LD documents.
	Base string
	// Context is the JSON-LD context document served for ContextURL, so
	// documents that reference the published context load offline.
	Context []byte
	// ContextURL is the address documents use to reference Context.
	ContextURL string
}

// Format describes one RDF serialisation.
type Format struct {
	Name       string   // short name used on the command line: "turtle"
	Extensions []string // file extensions with the dot, lower case: ".ttl"
	MediaType  string   // IANA media type: "text/turtle"
	Quads      bool     // keeps graph labels (named graphs)
	// NewWriter returns a writer of this format onto w.
	NewWriter func(w io.Writer, o Options) Writer
	// NewReader returns a reader of this format, or is nil when the format
	// cannot be read.
	NewReader func(r io.Reader, o ReadOptions) quad.ReadCloser
}

var (
	registryMu sync.RWMutex
	byName     = map[string]*Format{}
	byExt      = map[string]*Format{}
)

// Register adds a format to the registry. It panics when the name or one of
// the extensions is already registered, or when the format has no writer.
func Register(f Format) {
	registryMu.Lock()
	defer registryMu.Unlock()
	if f.Name == "" || f.NewWriter == nil {
		panic("rdfio: Register of a format without name or writer")
	}
	name := strings.ToLower(f.Name)
	if _, dup := byName[name]; dup {
		panic(fmt.Sprintf("rdfio: format %q registered twice", f.Name))
	}
	for _, ext := range f.Extensions {
		if _, dup := byExt[strings.ToLower(ext)]; dup {
			panic(fmt.Sprintf("rdfio: extension %q registered twice", ext))
		}
	}
	p := &f
	byName[name] = p
	for _, ext := range f.Extensions {
		byExt[strings.ToLower(ext)] = p
	}
}

// ByName returns the format with the given name (case-insensitive).
func ByName(name string) (Format, bool) {
	registryMu.RLock()
	defer registryMu.RUnlock()
	f, ok := byName[strings.ToLower(name)]
	if !ok {
		return Format{}, false
	}
	return *f, true
}

// ByExt returns the format for a file extension such as ".ttl" or "ttl"
// (case-insensitive). A full file name works too: its last extension is used.
func ByExt(ext string) (Format, bool) {
	if i := strings.LastIndexByte(ext, '.'); i > 0 {
		ext = ext[i:]
	}
	if !strings.HasPrefix(ext, ".") {
		ext = "." + ext
	}
	registryMu.RLock()
	defer registryMu.RUnlock()
	f, ok := byExt[strings.ToLower(ext)]
	if !ok {
		return Format{}, false
	}
	return *f, true
}

// Formats returns the registered formats sorted by name.
func Formats() []Format {
	registryMu.RLock()
	defer registryMu.RUnlock()
	out := make([]Format, 0, len(byName))
	for _, f := range byName {
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Errors wrapped by the writers' *TermError.
var (
	ErrInvalidIRI     = errors.New("invalid IRI")
	ErrInvalidLiteral = errors.New("invalid literal")
	ErrInvalidTerm    = errors.New("term not allowed in this position")
	ErrClosed         = errors.New("writer closed")
)

// TermError reports a quad a writer refused to write.
type TermError struct {
	Quad     quad.Quad
	Position string // "subject", "predicate", "object", "graph" or "datatype"
	Err      error  // ErrInvalidIRI, ErrInvalidLiteral or ErrInvalidTerm, wrapped with detail
}

func (e *TermError) Error() string {
	return fmt.Sprintf("rdfio: %s of quad %v: %v", e.Position, e.Quad, e.Err)
}

func (e *TermError) Unwrap() error { return e.Err }

// ParseError reports where a reader found malformed input. Line and Col are
// 1-based; zero when the parser did not say.
type ParseError = textpos.Error

// writeAll implements WriteQuads on top of WriteQuad.
func writeAll(w interface{ WriteQuad(quad.Quad) error }, qs []quad.Quad) (int, error) {
	for i, q := range qs {
		if err := w.WriteQuad(q); err != nil {
			return i, err
		}
	}
	return len(qs), nil
}

func init() {
	Register(Format{
		Name: "turtle", Extensions: []string{".ttl"}, MediaType: "text/turtle",
		NewWriter: newTurtleWriter, NewReader: newTurtleReader,
	})
	Register(Format{
		Name: "trig", Extensions: []string{".trig"}, MediaType: "application/trig", Quads: true,
		NewWriter: newTriGWriter,
	})
	Register(Format{
		Name: "ntriples", Extensions: []string{".nt"}, MediaType: "application/n-triples",
		NewWriter: newNTriplesWriter, NewReader: newNTriplesReader,
	})
	Register(Format{
		Name: "nquads", Extensions: []string{".nq"}, MediaType: "application/n-quads", Quads: true,
		NewWriter: newNQuadsWriter, NewReader: newNQuadsReader,
	})
	Register(Format{
		Name: "jsonld", Extensions: []string{".jsonld"}, MediaType: "application/ld+json", Quads: true,
		NewWriter: newJSONLDWriter, NewReader: newJSONLDReader,
	})
}
