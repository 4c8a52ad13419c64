package mapping

import (
	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping/transcript"
	ont "github.com/assemblykg/assemblykg/ontology"
)

// notStated says which of a question's title, date and asker the
// transcript does not state, so that a missing value reads as unknown
// rather than as an omission of the export.
func (e *emitter) notStated(item quad.IRI, t *transcript.Transcript, asker quad.IRI) {
	if t.Title == "" {
		e.add(item, ont.NotStated, ont.DCTTitle)
	}
	if t.SessionDate == "" {
		e.add(item, ont.NotStated, ont.DCTDate)
	}
	if asker == "" {
		e.add(item, ont.NotStated, ont.SchemaAuthor)
	}
}
