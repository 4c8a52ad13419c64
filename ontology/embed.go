package ontology

import (
	"embed"
	"sort"
	"strings"
)

//go:embed assemblykg.ttl shapes.ttl context.jsonld queries/*.rq
var files embed.FS

func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic("ontology: embedded file missing: " + name)
	}
	return b
}

// Vocabulary returns the OWL/RDFS description of assemblykg's own terms, in Turtle.
func Vocabulary() []byte { return mustRead("assemblykg.ttl") }

// Shapes returns the SHACL shapes that every export conforms to, in Turtle.
func Shapes() []byte { return mustRead("shapes.ttl") }

// Context returns the JSON-LD context document that compacted exports use.
func Context() []byte { return mustRead("context.jsonld") }

// ContextURL is where the context is published, for exports that reference
// it instead of inlining it.
const ContextURL = "https://w3id.org/assemblykg/context.jsonld"

// Query returns the SPARQL query shipped as queries/NAME.rq.
func Query(name string) (string, bool) {
	b, err := files.ReadFile("queries/" + name + ".rq")
	return string(b), err == nil
}

// Queries lists the names of the shipped SPARQL queries.
func Queries() []string {
	entries, _ := files.ReadDir("queries")
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".rq"))
	}
	sort.Strings(names)
	return names
}
