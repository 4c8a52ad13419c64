package mapping

import (
	"strconv"

	"github.com/cayleygraph/quad"

	ont "github.com/assemblykg/assemblykg/ontology"
)

// claimIRI names a claim of the question item by the code-point range of
// its figure or cue words in the transcript's text, so that a claim found
// or lost elsewhere does not rename it.
func claimIRI(item quad.IRI, c Claim) quad.IRI {
	return quad.IRI(string(item) + "/claim/" + strconv.Itoa(c.FigureBegin) + "-" + strconv.Itoa(c.FigureEnd))
}

// claim describes a claim made in turn ti of the question item.
func (e *emitter) claim(item, ti, text, speaker quad.IRI, c Claim) {
	ci := claimIRI(item, c)
	e.add(ci, ont.RDFType, ont.SchemaClaim)
	e.add(ci, ont.RDFType, claimClass[c.Kind])
	if speaker != "" {
		e.add(ci, ont.SchemaAuthor, speaker)
	}
	e.add(ci, ont.SchemaAppearance, ti)
	for _, b := range c.About {
		e.add(ci, ont.SchemaAbout, e.body(b))
	}
	e.add(ci, ont.SchemaText, quad.String(c.Sentence))
	e.add(ci, ont.NIFReferenceContext, text)
	e.add(ci, ont.NIFBeginIndex, count(c.Begin))
	e.add(ci, ont.NIFEndIndex, count(c.End))
	if c.Period != "" {
		e.add(ci, ont.SchemaTemporalCoverage, quad.String(c.Period))
	}
	if c.Kind == NumericClaim {
		qi := quad.IRI(string(ci) + "/quantity")
		e.add(ci, ont.Quantity, qi)
		e.add(qi, ont.RDFType, ont.SchemaQuantitativeValue)
		e.add(qi, ont.SchemaValue, quad.TypedString{Value: quad.String(c.Value), Type: ont.XSDDecimal})
		if c.Unit != "" {
			e.add(qi, ont.SchemaUnitText, quad.String(c.Unit))
		}
		if c.UnitCode != "" {
			e.add(qi, ont.SchemaUnitCode, quad.String(c.UnitCode))
		}
	}
}
