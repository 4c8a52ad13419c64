package rdfio_test

import (
	"net/url"
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
			case "turtle", "ntriples", "nquads", "trig":
				n3Format := map[string]string{"turtle": "Turtle", "ntriples": "N-Triples", "nquads": "N-Quads", "trig": "TriG"}[wc.format]
				check("serdi", func(t *testing.T) string { return validate.Serdi(t, wc.format, data) })
				if !(wc.format == "trig" && ds.name == "bnodes") {
					// Raptor's TriG parser predates TriG 1.1 and has no
					// blank-node graph names; exports name every graph.
					rapper := func(t *testing.T) string {
						return validate.Rapper(t, wc.format, data)
					}
					if wc.format == "turtle" || wc.format == "trig" {
						// Raptor removes dot segments from IRIs in
						// Turtle and TriG, as RFC 3986 resolution does.
						wantRapper := canonical(removeDotSegments(qs), f.Quads)
						t.Run(name+"/rapper", func(t *testing.T) {
							diffLines(t, "rapper", wantRapper, canonical(parseNQuads(t, "rapper", rapper(t)), f.Quads))
						})
					} else {
						check("rapper", rapper)
					}
				}
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

// removeDotSegments rewrites "/./" and "/x/../" path segments of IRIs the
// way RFC 3986 reference resolution does.
func removeDotSegments(qs []quad.Quad) []quad.Quad {
	clean := func(v quad.Value) quad.Value {
		s, ok := v.(quad.IRI)
		if !ok || !strings.Contains(string(s), "/.") {
			return v
		}
		u, err := url.Parse(string(s))
		if err != nil {
			return v
		}
		return quad.IRI(u.ResolveReference(&url.URL{}).String())
	}
	out := make([]quad.Quad, len(qs))
	for i, q := range qs {
		q.Subject, q.Predicate, q.Object, q.Label = clean(q.Subject), clean(q.Predicate), clean(q.Object), clean(q.Label)
		out[i] = q
	}
	return out
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
