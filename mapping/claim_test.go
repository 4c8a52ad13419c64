package mapping_test

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

func TestNormalisePeriod(t *testing.T) {
	for printed, want := range map[string]string{
		"2016":                          "2016",
		"in 2016":                       "2016",
		"As of August 2017":             "2017-08",
		"November 2013":                 "2013-11",
		"since 1 April 2016":            "2016-04-01/..",
		"Since 2000":                    "2000/..",
		"6 May 2012":                    "2012-05-06",
		"2013/14":                       "2013-04-01/2014-03-31",
		"2015-16":                       "2015-04-01/2016-03-31",
		"2013/15":                       "",
		"this year":                     "2017",
		"last year":                     "2016",
		"this financial year":           "2016-04-01/2017-03-31",
		"annually":                      "",
		"since the Act came into force": "",
	} {
		if got := mapping.NormalisePeriod(printed, "2017-02-15"); got != want {
			t.Errorf("%q: %q, want %q", printed, got, want)
		}
	}
}

// TestStatements: a figure asserted is a schema:Claim; a figure inside a
// question is not; money is a MonetaryAmount in GBP, "up to" a maximum,
// "over" a minimum, "about" approximate, a percentage has unit code P1;
// commitments are statements of our own class.
func TestStatements(t *testing.T) {
	text := strings.Replace(src, "Yes. TfL has frozen 4 fares.",
		"Yes. TfL will spend up to £22 billion. Over 300 buses run. About 45 per cent agree. Is it true that 12 stations closed? I will look at it.", 1)
	m, err := mapping.New(mapping.Config{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := transcript.NewReader(nil).Parse("fares.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	g := m.Map(tr, m.Find(tr))
	bySentence := map[string]quad.Value{}
	props := map[quad.Value]map[quad.IRI][]quad.Value{}
	for _, q := range g.Quads {
		if props[q.Subject] == nil {
			props[q.Subject] = map[quad.IRI][]quad.Value{}
		}
		props[q.Subject][q.Predicate.(quad.IRI)] = append(props[q.Subject][q.Predicate.(quad.IRI)], q.Object)
		if q.Predicate == ontology.SchemaText && strings.Contains(string(q.Subject.(quad.IRI)), "/claim/") {
			bySentence[string(q.Object.(quad.String))] = q.Subject
		}
	}
	has := func(s quad.Value, p quad.IRI, o quad.Value) bool {
		for _, v := range props[s][p] {
			if v == o {
				return true
			}
		}
		return false
	}
	quantity := func(sentence string) quad.Value {
		c := bySentence[sentence]
		if c == nil {
			t.Fatalf("no statement for %q (have %v)", sentence, bySentence)
		}
		if len(props[c][ontology.Quantity]) != 1 {
			t.Fatalf("%q: no quantity", sentence)
		}
		return props[c][ontology.Quantity][0]
	}
	money := quantity("TfL will spend up to £22 billion.")
	if !has(bySentence["TfL will spend up to £22 billion."], ontology.RDFType, ontology.SchemaClaim) ||
		!has(money, ontology.RDFType, ontology.SchemaMonetaryAmount) || !has(money, ontology.SchemaCurrency, quad.String("GBP")) ||
		len(props[money][ontology.SchemaMaxValue]) != 1 || len(props[money][ontology.SchemaUnitCode]) != 0 {
		t.Errorf("up to £22 billion: %v", props[money])
	}
	if q := quantity("Over 300 buses run."); len(props[q][ontology.SchemaMinValue]) != 1 {
		t.Errorf("over 300: %v", props[q])
	}
	if q := quantity("About 45 per cent agree."); !has(q, ontology.SchemaUnitCode, quad.String("P1")) || len(props[q][ontology.Approximate]) != 1 {
		t.Errorf("about 45 per cent: %v", props[q])
	}
	asked := bySentence["Is it true that 12 stations closed?"]
	if asked == nil || !has(asked, ontology.RDFType, ontology.SchemaClaim) || !has(asked, ontology.RDFType, ontology.NumericClaim) || !has(asked, ontology.RDFType, ontology.FigureInQuestion) {
		t.Errorf("figure in a question: %v", props[asked])
	}
	if c := bySentence["I will look at it."]; c == nil || has(c, ontology.RDFType, ontology.SchemaClaim) || !has(c, ontology.RDFType, ontology.Commitment) || !has(c, ontology.RDFType, ontology.Statement) {
		t.Errorf("commitment: %v", props[c])
	}
}
