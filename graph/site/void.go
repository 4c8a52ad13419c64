package site

import (
	"context"
	"net/http"
	"strconv"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

// VoID terms.
const (
	voidNS          = "http://rdfs.org/ns/void#"
	voidDataset     = quad.IRI(voidNS + "Dataset")
	voidURISpace    = quad.IRI(voidNS + "uriSpace")
	voidDataDump    = quad.IRI(voidNS + "dataDump")
	voidEntities    = quad.IRI(voidNS + "entities")
	voidVocabulary  = quad.IRI(voidNS + "vocabulary")
	voidExample     = quad.IRI(voidNS + "exampleResource")
	voidRootRes     = quad.IRI(voidNS + "rootResource")
	dctLicense      = quad.IRI(ontology.DCT + "license")
	dctDescription  = quad.IRI(ontology.DCT + "description")
	dctRightsHolder = quad.IRI(ontology.DCT + "rights")
	foafHomepage    = quad.IRI(ontology.FOAF + "homepage")
)

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

// void serves a VoID description of the dataset: what it holds, its
// licence, the space of its IRIs and where its dump is.
func (s *Site) void(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	h, err := s.homeSummary(ctx)
	if err != nil {
		return err
	}
	ds := quad.IRI(s.base + "dataset")
	o := origin(r)
	var qs []quad.Quad
	add := func(_ *[]quad.Quad, p quad.IRI, v any) {
		var obj quad.Value
		switch v := v.(type) {
		case string:
			obj = quad.String(v)
		case int:
			obj = quad.TypedString{Value: quad.String(strconv.Itoa(v)), Type: ontology.XSDInteger}
		case quad.Value:
			obj = v
		}
		qs = append(qs, quad.Quad{Subject: ds, Predicate: p, Object: obj})
	}
	add(&qs, ontology.RDFType, voidDataset)
	add(&qs, ontology.DCTTitle, "assemblykg: London Assembly Mayor's Question Time")
	add(&qs, dctDescription, "Who said what about which public body, when: the transcripts of Mayor's Question Time "+
		"as linked data, with speakers, bodies mentioned and claims, each pointing back to its place in the text.")
	add(&qs, dctLicense, quad.IRI(LicenceURL))
	add(&qs, dctRightsHolder, Attribution)
	add(&qs, foafHomepage, quad.IRI(o+"/"))
	add(&qs, voidURISpace, s.base)
	add(&qs, voidDataDump, quad.IRI(o+"/dump.nq"))
	add(&qs, voidEntities, h.People+h.Bodies+h.Questions)
	for _, ns := range []string{ontology.Schema, ontology.FOAF, ontology.ORG, ontology.OpenGov, ontology.DCT, ontology.PROV, ontology.SKOS, ontology.NIF, ontology.ITSRDF, ontology.AKG} {
		add(&qs, voidVocabulary, quad.IRI(ns))
	}
	for _, b := range h.TopBodies[:min(1, len(h.TopBodies))] {
		add(&qs, voidExample, b.Body)
	}
	for _, rs := range h.Recent[:min(1, len(h.Recent))] {
		add(&qs, voidRootRes, rs.Session)
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
