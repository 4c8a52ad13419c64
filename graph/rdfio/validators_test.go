package rdfio_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/internal/validate"
	"github.com/assemblykg/assemblykg/ontology"
)

// TestExternalValidators parses every writer's output with independent
// RDF tools and compares what they read with the quads written.
func TestExternalValidators(t *testing.T) {
	if testing.Short() {
		t.Skip("external validators are slow; skipped with -short")
	}
	sets := datasets[:3] // fixture, edge cases, blank nodes
	for _, ds := range sets {
		qs := ds.quads()
		reference := write(t, mustFormat(t, "nquads"), rdfio.Options{}, qs)
		for _, wc := range writerCases(t) {
			f := mustFormat(t, wc.format)
			data := write(t, f, wc.opts, qs)
			want := canonical(qs, f.Quads)
			name := wc.name + "/" + ds.name
			check := func(tool string, nquads func(t *testing.T) string) {
				t.Run(name+"/"+tool, func(t *testing.T) {
					out := nquads(t)
					diffLines(t, tool, want, canonical(parseNQuads(t, tool, out), f.Quads))
				})
			}
			if wc.format == "jsonld" {
				// jsonld.js rewrites every xsd:double string in its
				// canonical form ("2" -> "2.0E0"); the JSON-LD 1.1 toRDF
				// algorithm only does so for JSON numbers.
				want = canonical(jsonldJSDoubles(qs), f.Quads)
				check = func(tool string, nquads func(t *testing.T) string) {
					t.Run(name+"/"+tool, func(t *testing.T) {
						out := nquads(t)
						diffLines(t, tool, want, canonical(jsonldJSDoubles(parseNQuads(t, tool, out)), f.Quads))
					})
				}
			}
			switch wc.format {
			case "turtle", "ntriples", "nquads":
				n3Format := map[string]string{"turtle": "Turtle", "ntriples": "N-Triples", "nquads": "N-Quads"}[wc.format]
				check("serdi", func(t *testing.T) string { return validate.Serdi(t, wc.format, data) })
				check("n3js", func(t *testing.T) string { return validate.N3(t, n3Format, data) })
			case "jsonld":
				check("jsonld.js", func(t *testing.T) string { return validate.JSONLDToRDF(t, data) })
			}
			t.Run(name+"/rdflib", func(t *testing.T) {
				validate.RdflibIsomorphic(t, reference, wc.format, data)
			})
		}
	}
}

// TestSHACL validates the Turtle export of the fixture against test shapes,
// and checks that a broken export is reported.
func TestSHACL(t *testing.T) {
	if testing.Short() {
		t.Skip("external validators are slow; skipped with -short")
	}
	shapes := readFile(t, "shapes.ttl")
	ttl := mustFormat(t, "turtle")
	opts := rdfio.Options{Prefixes: ontology.Prefixes}
	rep := validate.SHACL(t, write(t, ttl, opts, fixture()), shapes)
	if !rep.Conforms {
		t.Errorf("fixture does not conform: %v", rep.Results)
	}
	var broken []quad.Quad
	for _, q := range fixture() {
		if q.Predicate == ontology.FOAFName && q.Subject == iri("person/caroline-pidgeon") {
			continue
		}
		if q.Predicate == ontology.SchemaPosition {
			q.Object = quad.String("3")
		}
		broken = append(broken, q)
	}
	rep = validate.SHACL(t, write(t, ttl, opts, broken), shapes)
	if rep.Conforms {
		t.Fatal("broken fixture conforms")
	}
	var name, position int
	for _, r := range rep.Results {
		switch {
		case r.Path == string(ontology.FOAFName) && strings.HasSuffix(r.FocusNode, "person/caroline-pidgeon"):
			name++
		case r.Path == string(ontology.SchemaPosition):
			position++
		}
	}
	if name == 0 || position != 4 {
		t.Errorf("violations: %d missing-name (want >0), %d position datatype (want 4): %v", name, position, rep.Results)
	}
}

// jsonldJSDoubles rewrites xsd:double literals the way jsonld.js does.
func jsonldJSDoubles(qs []quad.Quad) []quad.Quad {
	out := make([]quad.Quad, len(qs))
	for i, q := range qs {
		if ts, ok := q.Object.(quad.TypedString); ok && ts.Type == ontology.XSDDouble {
			if f, err := strconv.ParseFloat(string(ts.Value), 64); err == nil {
				mant, exp, _ := strings.Cut(strconv.FormatFloat(f, 'E', -1, 64), "E")
				if !strings.Contains(mant, ".") {
					mant += ".0"
				}
				e, _ := strconv.Atoi(exp)
				ts.Value = quad.String(mant + "E" + strconv.Itoa(e))
				q.Object = ts
			}
		}
		out[i] = q
	}
	return out
}
