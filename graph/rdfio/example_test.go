package rdfio_test

import (
	"fmt"
	"os"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/ontology"
)

// Choose a writer from a file name and stream quads into it; Close flushes.
// TriG keeps each quad's named graph.
func Example() {
	f, ok := rdfio.ByExt("export.trig")
	if !ok {
		return
	}
	w := f.NewWriter(os.Stdout, rdfio.Options{Prefixes: []ontology.Prefix{{Prefix: "foaf", Namespace: ontology.FOAF}}})
	person := quad.IRI(ontology.DefaultBase + "person/sadiq-khan")
	graph := quad.IRI(ontology.DefaultBase + "graph/2017-10-12/modern-day-slavery")
	w.WriteQuads([]quad.Quad{
		{Subject: person, Predicate: ontology.RDFType, Object: ontology.FOAFPerson, Label: graph},
		{Subject: person, Predicate: ontology.FOAFName, Object: quad.String("Sadiq Khan"), Label: graph},
	})
	if err := w.Close(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// @prefix foaf: <http://xmlns.com/foaf/0.1/> .
	//
	// <https://w3id.org/assemblykg/id/graph/2017-10-12/modern-day-slavery> {
	// <https://w3id.org/assemblykg/id/person/sadiq-khan>
	//     a foaf:Person ;
	//     foaf:name "Sadiq Khan" .
	// }
}

// N-Triples escapes only what the grammar requires and keeps other
// characters as UTF-8; the graph label is dropped.
func ExampleFormat_NewWriter() {
	f, _ := rdfio.ByName("ntriples")
	w := f.NewWriter(os.Stdout, rdfio.Options{})
	w.WriteQuads([]quad.Quad{{
		Subject:   quad.IRI("https://w3id.org/assemblykg/id/body/met"),
		Predicate: ontology.SKOSAltLabel,
		Object:    quad.LangString{Value: "the \"Met\"\nPolice métropolitaine", Lang: "fr"},
		Label:     quad.IRI("https://w3id.org/assemblykg/id/graph/x"),
	}})
	w.Close()
	// Output:
	// <https://w3id.org/assemblykg/id/body/met> <http://www.w3.org/2004/02/skos/core#altLabel> "the \"Met\"\nPolice métropolitaine"@fr .
}
