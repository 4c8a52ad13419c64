package mapping_test

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/internal/corpus"
	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

// TestPeopleInTimeOnCorpus checks, over the dev corpus: every turn has a
// role; every speaker who is not the Mayor on the day is a register person
// with a dated London Assembly membership covering the day; no Mayor has a
// seat; every question asked by an Assembly Member is on behalf of a group.
func TestPeopleInTimeOnCorpus(t *testing.T) {
	dev := corpus.Path(corpus.Dev)
	files, _ := filepath.Glob(filepath.Join(dev, "*.txt"))
	if dev == "" || len(files) == 0 {
		t.Skip("no dev corpus beside the repository (../shared/corpus/dev)")
	}
	m, reg := newMapper(t, mapping.Config{})
	rd := transcript.NewReader(reg)
	register := m.NewRegister()
	type question struct {
		file, date string
		t          *transcript.Transcript
		g          mapping.Graph
	}
	var qs []question
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := rd.Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		g := m.Map(tr, m.Find(tr))
		register.Add(g)
		qs = append(qs, question{filepath.Base(f), tr.ResolutionDate, tr, g})
	}
	r := register.Graph()
	// Seats of the London Assembly in the register graph: person → periods.
	objects := map[quad.IRI]map[quad.IRI][]quad.Value{}
	for _, q := range r.Quads {
		s := q.Subject.(quad.IRI)
		if objects[s] == nil {
			objects[s] = map[quad.IRI][]quad.Value{}
		}
		objects[s][q.Predicate.(quad.IRI)] = append(objects[s][q.Predicate.(quad.IRI)], q.Object)
	}
	assembly := quad.IRI(ontology.DefaultBase + "body/london-assembly")
	seats := map[quad.IRI][][2]string{}
	for s, po := range objects {
		if len(po[ontology.OrgOrganizationP]) != 1 || po[ontology.OrgOrganizationP][0] != assembly {
			continue
		}
		var from, until string
		day := func(instant quad.Value) (d string) {
			for _, p := range []quad.IRI{ontology.TimeInXSDDate, ontology.TimeInXSDgYearMonth} {
				for _, v := range objects[instant.(quad.IRI)][p] {
					d = string(v.(quad.TypedString).Value)
				}
			}
			return d
		}
		for _, p := range po[ontology.OrgMemberDuring] {
			for _, b := range objects[p.(quad.IRI)][ontology.TimeHasBeginning] {
				from = day(b)
			}
			for _, e := range objects[p.(quad.IRI)][ontology.TimeHasEnd] {
				until = day(e)
			}
		}
		if from == "" {
			t.Errorf("seat %s has no dated beginning", s)
		}
		person := po[ontology.OrgMember][0].(quad.IRI)
		seats[person] = append(seats[person], [2]string{from, until})
	}
	seated := func(p quad.IRI, date string) bool {
		for _, s := range seats[p] {
			if s[0] <= date && (s[1] == "" || date <= s[1] || strings.HasPrefix(date, s[1])) {
				return true
			}
		}
		return false
	}
	mayors := map[quad.IRI]bool{}
	var speakers, ams, asked int
	for _, q := range qs {
		mayor := reg.Holder(people.MayorOfLondon, q.date)
		item := quad.IRI(strings.Replace(string(q.g.Label), "/graph/", "/question/", 1))
		own := map[quad.IRI]map[quad.IRI][]quad.Value{}
		for _, x := range q.g.Quads {
			s := x.Subject.(quad.IRI)
			if own[s] == nil {
				own[s] = map[quad.IRI][]quad.Value{}
			}
			own[s][x.Predicate.(quad.IRI)] = append(own[s][x.Predicate.(quad.IRI)], x.Object)
		}
		for _, turn := range q.t.Turns {
			ti := quad.IRI(string(item) + "/turn/" + strconv.Itoa(turn.Position))
			if len(own[ti][ontology.OpenGovRole]) != 1 {
				t.Errorf("%s turn %d (%s): no role", q.file, turn.Position, turn.Speaker.Printed)
			}
			if turn.Speaker.Name == "" {
				continue
			}
			speakers++
			p := quad.IRI(ontology.DefaultBase + "person/" + turn.Speaker.PersonID)
			if mayor != nil && turn.Speaker.PersonID == mayor.ID {
				mayors[p] = true
				continue
			}
			ams++
			if turn.Speaker.PersonID == "" || !seated(p, q.date) && q.date != "" {
				t.Errorf("%s turn %d: %s (%s) has no London Assembly seat on %s", q.file, turn.Position, turn.Speaker.Name, p, q.date)
			}
		}
		if asker := q.t.QuestionBy; asker != nil && asker.PersonID != "" && (q.date == "" || seated(quad.IRI(ontology.DefaultBase+"person/"+asker.PersonID), q.date)) {
			asked++
			if len(own[item][ontology.OpenGovOnBehalfOf]) != 1 {
				t.Errorf("%s: question by %s on %s is on behalf of no group", q.file, asker.Name, q.date)
			}
		}
	}
	var names []string
	for p := range mayors {
		names = append(names, string(p))
		if len(seats[p]) > 0 {
			t.Errorf("Mayor %s has a London Assembly seat", p)
		}
	}
	sort.Strings(names)
	if len(names) != 3 || speakers == 0 || ams == 0 || asked < 25 {
		t.Errorf("mayors %v, %d named speaker turns, %d by AMs, %d questions by AMs", names, speakers, ams, asked)
	}
	t.Logf("%d files: %d named speaker turns, %d by Assembly Members, %d questions by Assembly Members; mayors %v", len(files), speakers, ams, asked, names)
}

// TestDescribeGraphByGraph counts the dev corpus's export graph by graph,
// as export does (AddGraph forgets each graph's subjects), and all at once
// (Add keeps them): the dataset descriptions are the same, so no subject is
// described in two graphs.
func TestDescribeGraphByGraph(t *testing.T) {
	dev := corpus.Path(corpus.Dev)
	files, _ := filepath.Glob(filepath.Join(dev, "*.txt"))
	if dev == "" || len(files) == 0 {
		t.Skip("no dev corpus beside the repository (../shared/corpus/dev)")
	}
	m, err := mapping.New(mapping.Config{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	rd := transcript.NewReader(nil)
	register := m.NewRegister()
	byGraph, whole := mapping.NewStats(), mapping.NewStats()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tr, err := rd.Parse(f, data)
		if err != nil {
			t.Fatal(err)
		}
		g := m.Map(tr, m.Find(tr))
		register.Add(g)
		byGraph.AddGraph(g.Quads)
		whole.Add(g.Quads)
	}
	r := register.Graph()
	byGraph.AddGraph(r.Quads)
	whole.Add(r.Quads)
	lines := func(s *mapping.Stats) string {
		var out []string
		for _, q := range mapping.Describe(ontology.DefaultBase, s, mapping.Description{}).Quads {
			out = append(out, q.NQuad())
		}
		sort.Strings(out)
		return strings.Join(out, "\n")
	}
	a, b := lines(byGraph), lines(whole)
	if a != b {
		t.Errorf("graph by graph:\n%s\nall at once:\n%s", a, b)
	}
	if !strings.Contains(a, "distinctSubjects") {
		t.Errorf("no distinctSubjects in the description:\n%s", a)
	}
}
