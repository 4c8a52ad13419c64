package mapping_test

import (
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

// mapFound maps text with what Find finds in it.
func mapFound(t *testing.T, file, text string) mapping.Graph {
	t.Helper()
	m, reg := newMapper(t, mapping.Config{Base: base})
	tr, err := transcript.NewReader(reg).Parse(file, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return m.Map(tr, m.Find(tr))
}

const base = "http://example.org/kg/"

func transcriptOf(title, date, asker, group, answer string) string {
	return title + "\n\nMQT on " + date + "\nSession date: \n" + date + "\nQuestion By: \n" + asker + "\n" + group +
		"\nAsked Of: \nThe Mayor\n\n\nA question?\n\n\nAnswer for " + title + "\n\nAnswered By: \nThe Mayor\n\n" + answer + "\n"
}

// TestRolesAndGroups: every turn has the role its speaker held on the day,
// and every question the asker's Assembly group on the day.
func TestRolesAndGroups(t *testing.T) {
	role := func(r string) quad.IRI { return quad.IRI(base + "role/" + r) }
	body := func(b string) quad.IRI { return quad.IRI(base + "body/" + b) }
	for _, c := range []struct {
		name, text string
		want       map[string]quad.Value // subject suffix → object of the predicate below
		pred       quad.IRI
	}{
		{"a written answer: the Mayor's role from the register",
			transcriptOf("Fares", "2017-07-13", "Caroline Pidgeon", "", "A written answer with no label."),
			map[string]quad.Value{"/turn/0": role("assembly-member"), "/turn/1": role("mayor-of-london")}, ontology.OpenGovRole},
		{"the header's party is its Assembly group",
			transcriptOf("Fares", "2017-07-13", "Caroline Pidgeon", "Liberal Democrats", "Sadiq Khan (Mayor of London): Yes."),
			map[string]quad.Value{"": body("london-assembly-liberal-democrat-group")}, ontology.OpenGovOnBehalfOf},
		{"no group printed: the register's on the day",
			transcriptOf("Buses", "2009-02-25", "Murad Qureshi", "", "Boris Johnson (Mayor of London): No."),
			map[string]quad.Value{"": body("london-assembly-labour-group")}, ontology.OpenGovOnBehalfOf},
		{"no group printed and not an AM on the day: none",
			transcriptOf("Buses", "2017-06-01", "Murad Qureshi", "", "Sadiq Khan (Mayor of London): No."),
			map[string]quad.Value{"": nil}, ontology.OpenGovOnBehalfOf},
	} {
		g := mapFound(t, "q.txt", c.text)
		item := ""
		for _, q := range g.Quads {
			if q.Predicate == ontology.RDFType && q.Object == ontology.SchemaQuestion {
				item = string(q.Subject.(quad.IRI))
			}
		}
		for suffix, want := range c.want {
			var got quad.Value
			for _, q := range g.Quads {
				if q.Subject == quad.IRI(item+suffix) && q.Predicate == c.pred {
					got = q.Object
				}
			}
			if got != want {
				t.Errorf("%s: <%s%s> %s = %v, want %v", c.name, item, suffix, c.pred, got, want)
			}
		}
	}
}

// TestMembershipsInTime: an Assembly Member's seats, party and group are
// memberships with periods; the Mayor has no seat and no group.
func TestMembershipsInTime(t *testing.T) {
	g := mapFound(t, "q.txt", transcriptOf("Fares", "2017-07-13", "Caroline Pidgeon", "Liberal Democrats", "Sadiq Khan (Mayor of London): Yes."))
	ms := base + "membership/caroline-pidgeon/london-assembly/2016-05-05"
	for _, c := range []struct {
		s, p string
		o    quad.Value
	}{
		{ms, string(ontology.OrgOrganizationP), quad.IRI(base + "body/london-assembly")},
		{ms, string(ontology.OpenGovPost), quad.IRI(base + "post/london-wide-assembly-member")},
		{ms, string(ontology.OrgMemberDuring), quad.IRI(base + "period/2016-05-05/2021-05-06")},
		{base + "period/2016-05-05/2021-05-06", string(ontology.TimeHasBeginning), quad.IRI(base + "instant/2016-05-05")},
		{base + "instant/2016-05-05", string(ontology.TimeInXSDDate), quad.TypedString{Value: "2016-05-05", Type: ontology.XSDDate}},
		{base + "membership/caroline-pidgeon/liberal-democrats/2008-05-01", string(ontology.OrgOrganizationP), quad.IRI(base + "body/liberal-democrats")},
		{base + "membership/caroline-pidgeon/london-assembly-liberal-democrat-group/2008-05-01", string(ontology.OrgMemberDuring), quad.IRI(base + "period/2008-05-01/2024-05-02")},
	} {
		if !has(g, c.s, c.p, c.o) {
			t.Errorf("missing <%s> <%s> %v", c.s, c.p, c.o)
		}
	}
	for _, q := range g.Quads {
		if q.Predicate == ontology.OrgMember && q.Object == quad.IRI(base+"person/sadiq-khan") &&
			!strings.HasPrefix(string(q.Subject.(quad.IRI)), base+"membership/sadiq-khan/mayor-of-london") {
			t.Errorf("the Mayor has membership %s", q.Subject)
		}
	}
	// Each membership, post, period and instant is described once.
	seen := map[quad.Quad]bool{}
	for _, q := range g.Quads {
		if seen[q] {
			t.Errorf("quad twice: %v", q)
		}
		seen[q] = true
	}
}

// TestUnregisteredPerson: a name the register does not know is flagged,
// says which session it was identified in, and is another person in
// another session.
func TestUnregisteredPerson(t *testing.T) {
	a := mapFound(t, "a.txt", transcriptOf("Buses", "2009-02-25", "Alex Example", "", "Boris Johnson (Mayor of London): No."))
	b := mapFound(t, "b.txt", transcriptOf("Buses", "2017-02-22", "Alex Example", "", "Sadiq Khan (Mayor of London): No."))
	pa, pb := base+"person/alex-example/2009-02-25", base+"person/alex-example/2017-02-22"
	for _, c := range []struct {
		g    mapping.Graph
		s    string
		p    quad.IRI
		o    quad.Value
		want bool
	}{
		{a, pa, ontology.FoundByForm, quad.TypedString{Value: "true", Type: ontology.XSDBoolean}, true},
		{a, pa, ontology.IdentifiedIn, quad.IRI(base + "session/2009-02-25"), true},
		{a, base + "question/2009-02-25/buses", ontology.SchemaAuthor, quad.IRI(pa), true},
		{b, base + "question/2017-02-22/buses", ontology.SchemaAuthor, quad.IRI(pb), true},
		{b, base + "question/2017-02-22/buses", ontology.SchemaAuthor, quad.IRI(pa), false},
	} {
		if has(c.g, c.s, string(c.p), c.o) != c.want {
			t.Errorf("<%s> <%s> %v: present %v, want %v", c.s, c.p, c.o, !c.want, c.want)
		}
	}
}
