package ontology_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/internal/validate"
	"github.com/assemblykg/assemblykg/ontology"
)

// TestShapesBite validates testdata/nonsense.ttl, whose nodes each break
// one constraint, and checks that each is reported once and nothing else
// is: the valid core of the file conforms.
func TestShapesBite(t *testing.T) {
	if testing.Short() {
		t.Skip("external validators are slow; skipped with -short")
	}
	data, err := os.ReadFile(filepath.Join("testdata", "nonsense.ttl"))
	if err != nil {
		t.Fatal(err)
	}
	const sh = "http://www.w3.org/ns/shacl#"
	want := map[string]string{
		"reversed-mention":     "LessThan nif:beginIndex",
		"reversed-turn":        "LessThanOrEquals nif:beginIndex",
		"reversed-claim":       "LessThan nif:beginIndex",
		"negative-turn":        "MinInclusive schema:position",
		"misspelt-mention":     "Closed nif:anchorof",
		"untitled-question":    "Or ",
		"undated-question":     "Or ",
		"unasked-question":     "Or ",
		"odd-question":         "In akg:notStated",
		"bare-membership":      "Or ",
		"timeless-membership":  "MinCount org:memberDuring",
		"reversed-membership":  "LessThanOrEquals schema:validFrom",
		"example-body":         "Node schema:sameAs",
		"wikidata-page-person": "Node schema:sameAs",
		"gss-same-as-body":     "Node schema:sameAs",
		"example-area-body":    "Node schema:areaServed",
		"example-law":          "Node schema:sameAs",
		"body-as-law-mention":  "Class itsrdf:taIdentRef",
		"subclass-claim":       "MinCount schema:text",
		"nameless-person":      "MinCount foaf:name",
		"unhashed-text":        "Pattern schema:sha256",
		"unmade-graph":         "MinCount prov:wasGeneratedBy",
		"gbp-unit-code":        "In schema:unitCode",
		"free-text-period":     "Pattern akg:period",
	}
	rep := validate.SHACL(t, data, ontology.Shapes())
	got := map[string][]string{}
	for _, r := range rep.Results {
		focus := strings.TrimPrefix(r.FocusNode, "https://example.invalid/")
		got[focus] = append(got[focus], strings.TrimSuffix(strings.TrimPrefix(r.Component, sh), "ConstraintComponent")+" "+compact(r.Path))
	}
	for focus, w := range want {
		if g := got[focus]; len(g) != 1 || g[0] != w {
			t.Errorf("%s: reported %q, want [%q]", focus, g, w)
		}
	}
	var extra []string
	for focus, g := range got {
		if _, ok := want[focus]; !ok {
			extra = append(extra, focus+": "+strings.Join(g, ", "))
		}
	}
	sort.Strings(extra)
	for _, e := range extra {
		t.Errorf("reported on a node that breaks nothing: %s", e)
	}
}

func compact(iri string) string {
	for _, p := range ontology.Prefixes {
		if strings.HasPrefix(iri, p.Namespace) {
			return p.Prefix + ":" + iri[len(p.Namespace):]
		}
	}
	return iri
}

// TestShapesTargetSubclasses: a shape that targets a class targets every
// subclass the vocabulary declares, since SHACL finds instances of
// subclasses only through rdfs:subClassOf triples in the data.
func TestShapesTargetSubclasses(t *testing.T) {
	const (
		rdfsSubClassOf = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
		shTargetClass  = "http://www.w3.org/ns/shacl#targetClass"
	)
	sub := map[string][]string{}
	for _, tr := range parseTurtle(t, "assemblykg.ttl", ontology.Vocabulary()) {
		if tr.Pred.String() == rdfsSubClassOf {
			sub[tr.Obj.String()] = append(sub[tr.Obj.String()], tr.Subj.String())
		}
	}
	targets := map[string]map[string]bool{}
	for _, tr := range parseTurtle(t, "shapes.ttl", ontology.Shapes()) {
		if tr.Pred.String() == shTargetClass {
			if targets[tr.Subj.String()] == nil {
				targets[tr.Subj.String()] = map[string]bool{}
			}
			targets[tr.Subj.String()][tr.Obj.String()] = true
		}
	}
	n := 0
	for shape, classes := range targets {
		for class := range classes {
			for _, s := range sub[class] {
				n++
				if !classes[s] {
					t.Errorf("%s targets %s but not its subclass %s", shape, class, s)
				}
			}
		}
	}
	if n == 0 {
		t.Error("no shape targets a class with subclasses")
	}
}
