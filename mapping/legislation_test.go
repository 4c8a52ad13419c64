package mapping_test

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

const actsSrc = "Powers\n\nMQT on 2017-07-13\nSession date: \nJuly 13, 2017\nQuestion By: \nCaroline Pidgeon MBE\nLiberal Democrats\nAsked Of: \nThe Mayor\n\n\nWhat powers does the Greater London Authority Act 1999 give you?\n\n\nAnswer for Powers\n\nAnswered By: \nThe Mayor\n\nSadiq Khan (Mayor of London):  The Greater London Authority has powers under the Localism Act 2011 and the Modern Slavery Act; the Localism Act and the Act itself say so.\n"

// Acts named in turns are legislation mentions, not body mentions; the Acts
// are described once, in the register graph: the listed one with its
// legislation.gov.uk identifier and item, the other with its name and year
// only. A body inside an Act's title is no mention.
func TestMapActs(t *testing.T) {
	m, reg := newMapper(t, mapping.Config{})
	tr, err := transcript.NewReader(reg).Parse("powers.txt", []byte(actsSrc))
	if err != nil {
		t.Fatal(err)
	}
	f := m.Find(tr)
	var acts, mentions []string
	for _, a := range f.Acts {
		acts = append(acts, a.Surface+"="+a.Act.ID())
		if got := string([]rune(tr.Text)[a.Begin:a.End]); got != a.Surface {
			t.Errorf("%q at %d-%d is %q in the text", a.Surface, a.Begin, a.End, got)
		}
	}
	for _, mn := range f.Mentions {
		mentions = append(mentions, mn.Surface+"="+mn.Body.ID)
	}
	wantActs := []string{"Greater London Authority Act 1999=greater-london-authority-act-1999",
		"Localism Act 2011=localism-act-2011", "Modern Slavery Act=modern-slavery-act-2015", "Localism Act=localism-act-2011"}
	if strings.Join(acts, "|") != strings.Join(wantActs, "|") {
		t.Errorf("Acts %q, want %q", acts, wantActs)
	}
	if want := []string{"Greater London Authority=greater-london-authority"}; strings.Join(mentions, "|") != strings.Join(want, "|") {
		t.Errorf("body mentions %q, want %q", mentions, want)
	}

	g := m.Map(tr, f)
	law := func(id string) string { return ontology.DefaultBase + "legislation/" + id }
	gla, localism, slavery := law("greater-london-authority-act-1999"), law("localism-act-2011"), law("modern-slavery-act-2015")
	gYear := func(y string) quad.Value { return quad.TypedString{Value: quad.String(y), Type: ontology.XSDGYear} }
	for _, c := range []struct {
		s string
		p quad.IRI
		o quad.Value
	}{
		{gla, ontology.RDFType, ontology.SchemaLegislation},
		{gla, ontology.SchemaName, quad.String("Greater London Authority Act 1999")},
		{gla, ontology.SchemaLegislationDate, gYear("1999")},
		{gla, ontology.SchemaLegislationIdentifier, quad.String("ukpga/1999/29")},
		{gla, ontology.SchemaSameAs, quad.IRI("http://www.legislation.gov.uk/id/ukpga/1999/29")},
		{slavery, ontology.SchemaSameAs, quad.IRI("http://www.legislation.gov.uk/id/ukpga/2015/30")},
		{localism, ontology.SchemaName, quad.String("Localism Act 2011")},
		{localism, ontology.SchemaLegislationDate, gYear("2011")},
		{localism, ontology.FoundByForm, quad.TypedString{Value: "true", Type: ontology.XSDBoolean}},
	} {
		if !has(g, c.s, string(c.p), c.o) {
			t.Errorf("no %s %s %v", c.s, c.p, c.o)
		}
	}
	registered := map[string]int{}
	for _, q := range g.Register {
		if s := string(q.Subject.(quad.IRI)); strings.Contains(s, "/legislation/") {
			registered[s]++
			if q.Predicate == ontology.SchemaSameAs && s == localism {
				t.Errorf("an Act not in the list is linked: %v", q)
			}
		}
	}
	if len(registered) != 3 {
		t.Errorf("register describes %v, want the three Acts", registered)
	}
	var legisMentions, bodyMentions int
	for _, q := range g.Quads {
		if strings.Contains(string(q.Subject.(quad.IRI)), "/legislation/") {
			t.Errorf("an Act described in the transcript's graph: %v", q)
		}
		if q.Predicate == ontology.RDFType && q.Object == ontology.LegislationMention {
			legisMentions++
		}
		if q.Predicate == ontology.RDFType && q.Object == ontology.Mention {
			bodyMentions++
		}
	}
	if legisMentions != 4 || bodyMentions != 1 {
		t.Errorf("%d legislation and %d body mentions, want 4 and 1", legisMentions, bodyMentions)
	}
	turn1 := ontology.DefaultBase + "question/2017-07-13/powers/turn/1"
	if !has(g, turn1, string(ontology.SchemaMentions), quad.IRI(slavery)) {
		t.Errorf("turn 1 does not mention %s", slavery)
	}
}
