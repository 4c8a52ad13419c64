package ontology_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/knakk/rdf"

	"github.com/assemblykg/assemblykg/ontology"
)

func parseTurtle(t *testing.T, name string, data []byte) []rdf.Triple {
	t.Helper()
	dec := rdf.NewTripleDecoder(bytes.NewReader(data), rdf.Turtle)
	ts, err := dec.DecodeAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return ts
}

func TestVocabularyDeclaresOurTerms(t *testing.T) {
	ts := parseTurtle(t, "assemblykg.ttl", ontology.Vocabulary())
	declared := map[string]bool{}
	for _, tr := range ts {
		if tr.Pred.String() == ontology.RDF+"type" {
			declared[tr.Subj.String()] = true
		}
	}
	for _, term := range []string{"Mention", "SourceText", "NumericClaim", "Commitment", "Agreement", "Refusal",
		"askedOf", "answeredBy", "inTurn", "quantity", "foundByForm"} {
		if !declared[ontology.AKG+term] {
			t.Errorf("akg:%s is not declared in assemblykg.ttl", term)
		}
	}
}

func TestShapesParse(t *testing.T) {
	ts := parseTurtle(t, "shapes.ttl", ontology.Shapes())
	if len(ts) < 50 {
		t.Errorf("shapes.ttl has only %d triples", len(ts))
	}
}

// The context's prefixes are the ones Turtle declares.
func TestContextPrefixes(t *testing.T) {
	var doc struct {
		Context map[string]any `json:"@context"`
	}
	if err := json.Unmarshal(ontology.Context(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, p := range ontology.Prefixes {
		if doc.Context[p.Prefix] != p.Namespace {
			t.Errorf("context maps %q to %v, want %q", p.Prefix, doc.Context[p.Prefix], p.Namespace)
		}
	}
}

func TestQueries(t *testing.T) {
	want := map[string]string{
		"turns":    "?source ?position ?speakerName ?role",
		"mentions": "?source ?position ?speakerName ?bodyName ?surface ?begin ?end",
		"claims":   "?source ?speakerName ?value ?unit ?sentence",
	}
	// Most others are twins of named queries of graph/store, which checks
	// that they give the same rows.
	if got := strings.Join(ontology.Queries(), " "); got != "answers bodies claims claims_cited mention_counts mentions mentions_by_group people quotes sessions turns" {
		t.Errorf("queries: %s", got)
	}
	for name, vars := range want {
		q, ok := ontology.Query(name)
		if !ok {
			t.Fatalf("no query %s", name)
		}
		m := selectVars.FindStringSubmatch(q)
		if m == nil || strings.TrimSpace(m[1]) != vars {
			t.Errorf("%s.rq selects %q, want %q", name, m, vars)
		}
	}
}

var selectVars = regexp.MustCompile(`(?m)^SELECT (?:DISTINCT )?(.*)$`)

func ExampleQuery() {
	q, _ := ontology.Query("bodies")
	fmt.Println(strings.Contains(q, "skos:prefLabel"))
	// Output: true
}
