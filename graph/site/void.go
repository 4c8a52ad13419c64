package site

import (
	"context"
	"net/http"

	"github.com/cayleygraph/quad"
)

// Describer describes the dataset (VoID and DCAT) with dumpURL as where
// its N-Quads dump is; the site serves it at /.well-known/void.
type Describer func(ctx context.Context, dumpURL string) ([]quad.Quad, error)

// origin is the scheme and host the request reached the site at (the
// reverse proxy's, when it says with X-Forwarded-Proto and -Host).
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	host := r.Host
	if h := r.Header.Get("X-Forwarded-Host"); h != "" {
		host = h
	}
	return scheme + "://" + host
}

// void serves the description of the dataset in the RDF format the client
// accepts (Turtle when it says nothing).
func (s *Site) void(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	if s.o.Describe == nil {
		return &statusError{http.StatusNotFound, "This site has no dataset description."}
	}
	qs, err := s.o.Describe(ctx, origin(r)+"/dump.nq")
	if err != nil {
		return err
	}
	offers := []string{"text/turtle", "application/n-triples", "application/ld+json", "application/trig", "application/n-quads"}
	mt := negotiate(r.Header.Get("Accept"), offers)
	if f := r.URL.Query().Get("format"); f != "" {
		mt = formatParam[f]
	}
	f, ok := rdfFormat(mt)
	if !ok {
		f, _ = rdfFormat("text/turtle")
	}
	w.Header().Set("Vary", "Accept")
	return writeRDF(w, f, qs)
}
