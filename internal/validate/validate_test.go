package validate_test

import (
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/internal/validate"
)

const (
	turtle = "@prefix ex: <http://example.org/> .\nex:a ex:name \"A \\\"quoted\\\"\"@en-GB ; ex:n \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
	nquads = "<http://example.org/a> <http://example.org/name> \"A \\\"quoted\\\"\"@en-GB <http://example.org/g> .\n" +
		"<http://example.org/a> <http://example.org/n> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/g> .\n"
	jsonld = `{"@context": {"ex": "http://example.org/"}, "@id": "ex:g", "@graph": [` +
		`{"@id": "ex:a", "ex:name": {"@value": "A \"quoted\"", "@language": "en-GB"},` +
		` "ex:n": {"@value": "2", "@type": "http://www.w3.org/2001/XMLSchema#integer"}}]}`
)

func lines(s string) int { return strings.Count(strings.TrimSpace(s), "\n") + 1 }

func TestSerdi(t *testing.T) {
	if out := validate.Serdi(t, "turtle", []byte(turtle)); lines(out) != 2 {
		t.Errorf("serdi read %q", out)
	}
}

func TestN3(t *testing.T) {
	if out := validate.N3(t, "N-Quads", []byte(nquads)); lines(out) != 2 || !strings.Contains(out, "<http://example.org/g>") {
		t.Errorf("N3.js read %q", out)
	}
}

func TestJSONLDToRDF(t *testing.T) {
	out := validate.JSONLDToRDF(t, []byte(jsonld))
	if lines(out) != 2 || !strings.Contains(out, "<http://example.org/g>") {
		t.Errorf("jsonld.js read %q", out)
	}
}

func TestRdflibIsomorphic(t *testing.T) {
	validate.RdflibIsomorphic(t, []byte(nquads), "turtle", []byte(turtle))
	validate.RdflibIsomorphic(t, []byte(nquads), "jsonld", []byte(jsonld))
}

func TestSHACL(t *testing.T) {
	shapes := `@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:S a sh:NodeShape ; sh:targetNode ex:a ; sh:property [ sh:path ex:missing ; sh:minCount 1 ] .
`
	rep := validate.SHACL(t, []byte(turtle), []byte(shapes))
	if rep.Conforms || len(rep.Results) != 1 || rep.Results[0].Path != "http://example.org/missing" {
		t.Errorf("report %+v", rep)
	}
}
