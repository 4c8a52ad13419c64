package site

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/ontology"
)

//go:embed static templates
var files embed.FS

// Defaults for Options.
const (
	DefaultTimeout = 10 * time.Second
	// DefaultRows is the most mentions, claims or hits one page lists; the
	// rest are a link away (offset=).
	DefaultRows = 100
)

// Options configure the site.
type Options struct {
	// Base is the IRI under which the store's resources were minted; they
	// are served under /id/. Empty means the base the store's graphs were
	// minted under (store.MintedBase), else ontology.DefaultBase.
	Base string
	// API serves /api/ (the JSON query API), when set.
	API http.Handler
	// Timeout bounds the time of each page (DefaultTimeout when zero).
	Timeout time.Duration
	// Rows bounds the rows of each list on a page (DefaultRows when zero).
	Rows int
	// Log receives errors that are the server's fault (none when nil).
	Log *log.Logger
	// Describe gives the dataset's description for /.well-known/void
	// (none when nil).
	Describe Describer
}

// Site serves a store as a linked-data site.
type Site struct {
	st   *store.Store
	o    Options
	base string
	tpl  map[string]*template.Template
	mux  *http.ServeMux

	homeMu   sync.Mutex
	home     *homeData
	homeTime time.Time
	nameIdx  *store.NameIndex
	nameTime time.Time
}

// New returns the site serving st read-only. It reads the store's base when
// Options.Base is empty.
func New(ctx context.Context, st *store.Store, o Options) (*Site, error) {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Rows <= 0 {
		o.Rows = DefaultRows
	}
	base := o.Base
	if base == "" {
		b, err := st.MintedBase(ctx)
		if err != nil {
			return nil, err
		}
		base = b
	}
	if base == "" {
		base = ontology.DefaultBase
	}
	s := &Site{st: st, o: o, base: base, tpl: map[string]*template.Template{}}
	if err := s.parseTemplates(); err != nil {
		return nil, err
	}
	static, _ := fs.Sub(files, "static")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.page(s.homePage))
	mux.HandleFunc("GET /search", s.page(s.searchPage))
	mux.HandleFunc("GET /id/", s.redirect)
	mux.HandleFunc("GET /doc/", s.page(s.document))
	mux.HandleFunc("GET /graph/", s.page(s.graphData))
	mux.HandleFunc("GET /.well-known/void", s.page(s.void))
	mux.HandleFunc("GET /dump.nq", s.dump)
	mux.Handle("GET /static/", http.StripPrefix("/static/", noListing(http.FileServerFS(static))))
	if o.API != nil {
		mux.Handle("/api/", o.API)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			http.Error(w, "this site is read-only", http.StatusMethodNotAllowed)
			return
		}
		s.notFound(w, r, "No page here.")
	})
	s.mux = mux
	return s, nil
}

// Base is the IRI under which the served resources were minted.
func (s *Site) Base() string { return s.base }

// ServeHTTP serves the site with its security headers.
func (s *Site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	s.mux.ServeHTTP(w, r)
}

// noListing refuses directory listings of the static files.
func noListing(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		h.ServeHTTP(w, r)
	})
}

// statusError is an error with the HTTP status it answers.
type statusError struct {
	status int
	msg    string
}

func (e *statusError) Error() string { return e.msg }

// page runs a handler under the time limit, writing into a buffer so that a
// failure answers an error page rather than half a page.
func (s *Site) page(run func(ctx context.Context, w http.ResponseWriter, r *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.o.Timeout)
		defer cancel()
		buf := &buffered{header: w.Header(), status: http.StatusOK}
		err := run(ctx, buf, r.WithContext(ctx))
		if err != nil {
			s.fail(w, r, err)
			return
		}
		w.WriteHeader(buf.status)
		if r.Method != http.MethodHead {
			w.Write(buf.body.Bytes())
		}
	}
}

type buffered struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *buffered) Header() http.Header         { return b.header }
func (b *buffered) WriteHeader(status int)      { b.status = status }
func (b *buffered) Write(p []byte) (int, error) { return b.body.Write(p) }

func (s *Site) fail(w http.ResponseWriter, r *http.Request, err error) {
	var se *statusError
	var nf *store.NotFoundError
	status, msg := http.StatusInternalServerError, "The page could not be made."
	switch {
	case errors.As(err, &se):
		status, msg = se.status, se.msg
	case errors.As(err, &nf):
		status, msg = http.StatusNotFound, "Nothing is known about "+nf.Name+"."
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, store.ErrTimeLimit):
		status, msg = http.StatusGatewayTimeout, fmt.Sprintf("The page took longer than %s to make.", s.o.Timeout)
	default:
		if s.o.Log != nil {
			s.o.Log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		}
	}
	for _, k := range []string{"Content-Location", "Vary", "Link"} {
		w.Header().Del(k)
	}
	s.errorPage(w, r, status, msg)
}

func (s *Site) notFound(w http.ResponseWriter, r *http.Request, msg string) {
	s.errorPage(w, r, http.StatusNotFound, msg)
}

func (s *Site) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	var buf bytes.Buffer
	if err := s.render(&buf, "error", pageData{Title: http.StatusText(status), Data: msg}); err != nil {
		http.Error(w, msg, status)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// rest returns the part of an IRI under the base ("body/home-office"), or
// false when it is not under it.
func (s *Site) rest(iri quad.IRI) (string, bool) {
	r, ok := strings.CutPrefix(string(iri), s.base)
	return r, ok && r != ""
}

// iriOf is the IRI a path under prefix ("/id/" or "/doc/") stands for.
func (s *Site) iriOf(r *http.Request, prefix string) (quad.IRI, string) {
	rest := strings.TrimPrefix(r.URL.EscapedPath(), prefix)
	if u, err := url.PathUnescape(rest); err == nil {
		rest = u
	}
	return quad.IRI(s.base + rest), rest
}

// DocPath is the path of the document describing iri ("" when iri is not
// under the base). A hash IRI's document is the one of the IRI before the
// hash, with the fragment kept.
func (s *Site) DocPath(iri quad.IRI) string {
	r, ok := s.rest(iri)
	if !ok {
		return ""
	}
	return "/doc/" + r
}

// redirect answers a request for a resource's IRI with 303 See Other to its
// document, or 404 when the store knows nothing of it.
func (s *Site) redirect(w http.ResponseWriter, r *http.Request) {
	iri, rest := s.iriOf(r, "/id/")
	if rest == "" {
		s.notFound(w, r, "Give the rest of an IRI after /id/.")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.o.Timeout)
	defer cancel()
	if ok, err := s.known(ctx, iri); err != nil {
		s.fail(w, r, err)
		return
	} else if !ok {
		s.notFound(w, r, "Nothing is known about "+string(iri)+".")
		return
	}
	target := "/doc/" + (&url.URL{Path: rest}).EscapedPath()
	if r.URL.RawQuery != "" {
		target += "?" + r.URL.RawQuery
	}
	w.Header().Set("Vary", "Accept")
	http.Redirect(w, r, target, http.StatusSeeOther)
}

// known reports whether the store has a description of iri.
func (s *Site) known(ctx context.Context, iri quad.IRI) (bool, error) {
	_, err := s.st.Describe(ctx, iri)
	var nf *store.NotFoundError
	if errors.As(err, &nf) {
		return false, nil
	}
	return err == nil, err
}

// Media types the documents are served in.
const (
	htmlType  = "text/html"
	plainType = "text/plain"
)

// formatParam maps ?format= values to media types.
var formatParam = map[string]string{
	"html": htmlType, "text": plainType, "turtle": "text/turtle", "ttl": "text/turtle",
	"ntriples": "application/n-triples", "nt": "application/n-triples",
	"jsonld": "application/ld+json", "trig": "application/trig", "nquads": "application/n-quads", "nq": "application/n-quads",
}

// rdfFormats are the RDF formats documents are offered in, by media type.
func rdfFormat(mediaType string) (rdfio.Format, bool) {
	for _, f := range rdfio.Formats() {
		if f.MediaType == mediaType {
			return f, true
		}
	}
	return rdfio.Format{}, false
}

// negotiate picks the offer the Accept header prefers (the first offer
// when the header is empty or accepts anything equally), or "" when it
// accepts none.
func negotiate(accept string, offers []string) string {
	if strings.TrimSpace(accept) == "" {
		return offers[0]
	}
	best, bestQ, bestSpec := "", 0.0, -1
	for _, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := params["q"]; ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if q <= 0 {
			continue
		}
		for i, o := range offers {
			spec := -1
			switch {
			case mt == o:
				spec = 2
			case mt == "*/*":
				spec = 0
			case strings.HasSuffix(mt, "/*") && strings.HasPrefix(o, strings.TrimSuffix(mt, "*")):
				spec = 1
			}
			if spec < 0 {
				continue
			}
			better := q > bestQ || q == bestQ && spec > bestSpec ||
				q == bestQ && spec == bestSpec && slices.Index(offers, best) > i
			if better {
				best, bestQ, bestSpec = o, q, spec
			}
		}
	}
	return best
}

// document serves the document describing an IRI under /doc/: an HTML page
// or an RDF description by content negotiation (or ?format=), and the
// transcript's text as text/plain for a text node.
func (s *Site) document(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	iri, rest := s.iriOf(r, "/doc/")
	if rest == "" {
		return &statusError{http.StatusNotFound, "Give the rest of an IRI after /doc/."}
	}
	desc, err := s.st.Describe(ctx, iri)
	if err != nil {
		return err
	}
	types := typesOf(iri, desc)
	isText := slices.Contains(types, ontology.NIFContext)
	offers := []string{htmlType}
	if isText {
		offers = []string{plainType}
	}
	for _, f := range rdfio.Formats() {
		offers = append(offers, f.MediaType)
	}
	var mt string
	if f := r.URL.Query().Get("format"); f != "" {
		if mt = formatParam[f]; mt == "" || !slices.Contains(offers, mt) {
			return &statusError{http.StatusNotFound, fmt.Sprintf("No %q format of this document (try html, turtle, ntriples, jsonld or trig).", f)}
		}
	} else if mt = negotiate(r.Header.Get("Accept"), offers); mt == "" {
		return &statusError{http.StatusNotAcceptable, "This document is served as " + strings.Join(offers, ", ") + "."}
	}
	w.Header().Set("Vary", "Accept")
	var links []string
	for _, f := range rdfio.Formats() {
		links = append(links, fmt.Sprintf(`<%s?format=%s>; rel="alternate"; type="%s"`, r.URL.Path, f.Name, f.MediaType))
	}
	w.Header().Set("Link", strings.Join(links, ", "))
	switch mt {
	case plainType:
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		for _, q := range desc {
			if q.Subject == iri && q.Predicate == ontology.NIFIsString {
				_, err := io.WriteString(w, store.Lexical(q.Object))
				return err
			}
		}
		return &statusError{http.StatusNotFound, "This text node has no text."}
	case htmlType:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		return s.entityPage(ctx, w, r, iri, types, desc)
	}
	f, _ := rdfFormat(mt)
	return writeRDF(w, f, desc)
}

// writeRDF writes quads in f; a triple format gets each triple once.
func writeRDF(w http.ResponseWriter, f rdfio.Format, qs []quad.Quad) error {
	if !f.Quads {
		seen := map[quad.Quad]bool{}
		var triples []quad.Quad
		for _, q := range qs {
			q.Label = nil
			if !seen[q] {
				seen[q] = true
				triples = append(triples, q)
			}
		}
		qs = triples
	}
	ct := f.MediaType
	if strings.HasPrefix(ct, "text/") || f.Name == "ntriples" || f.Name == "nquads" {
		ct += "; charset=utf-8"
	}
	w.Header().Set("Content-Type", ct)
	wr := f.NewWriter(w, rdfio.Options{Prefixes: ontology.Prefixes, Context: ontology.Context()})
	if _, err := wr.WriteQuads(qs); err != nil {
		return err
	}
	return wr.Close()
}

func typesOf(iri quad.IRI, qs []quad.Quad) []quad.IRI {
	var out []quad.IRI
	for _, q := range qs {
		if q.Subject == iri && q.Predicate == ontology.RDFType {
			if t, ok := q.Object.(quad.IRI); ok {
				out = append(out, t)
			}
		}
	}
	return out
}

// dump streams every quad of the store as N-Quads.
func (s *Site) dump(w http.ResponseWriter, r *http.Request) {
	qs := s.st.QuadStore()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	w.Header().Set("Content-Type", "application/n-quads; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="assemblykg.nq"`)
	if r.Method == http.MethodHead {
		return
	}
	f, _ := rdfio.ByName("nquads")
	wr := f.NewWriter(w, rdfio.Options{})
	ctx := r.Context()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err == nil {
			_, err = wr.WriteQuads([]quad.Quad{q})
		}
		if err != nil {
			// Headers are gone: cut the stream so the client sees a failure.
			if s.o.Log != nil {
				s.o.Log.Printf("dump: %v", err)
			}
			panic(http.ErrAbortHandler)
		}
	}
	if err := it.Err(); err != nil {
		panic(http.ErrAbortHandler)
	}
	wr.Close()
}
