package people_test

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/mapping/people"
)

func TestMembersRegister(t *testing.T) {
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	// Every row of the members file is a person of the register.
	f, err := os.Open("../../seeds/members.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 84 {
		t.Errorf("members.csv has %d rows, want the 83 people of the research file and a header", len(rows))
	}
	for _, r := range rows[1:] {
		p := reg.Resolve(r[0])
		if p == nil {
			t.Errorf("%s: not in the register", r[0])
			continue
		}
		if r[3] != "" && len(p.Seats) != len(strings.Split(r[3], ";")) {
			t.Errorf("%s: %d seats for terms %s", r[0], len(p.Seats), r[3])
		}
		if r[2] != "" && !contains(p.SameAs, "https://www.theyworkforyou.com/mp/?p="+r[2]) {
			t.Errorf("%s: twfy_id %s missing from %v", r[0], r[2], p.SameAs)
		}
	}

	type want struct{ role, seat, party, group string }
	for _, c := range []struct {
		name, date string
		want
	}{
		// The Mayors were never Assembly Members and sit in no group.
		{"Sadiq Khan", "2017-10-12", want{"Mayor of London", "", "", ""}},
		{"Ken Livingstone", "2003-11-19", want{"Mayor of London", "", "", ""}},
		{"Boris Johnson", "2012-09-19", want{"Mayor of London", "", "", ""}},
		// The party and the Assembly group, each in its own right.
		{"Caroline Pidgeon", "2017-01-18", want{"Assembly Member", "London-wide Assembly Member", "Liberal Democrat", "Liberal Democrat Group"}},
		{"John Biggs", "2003-11-19", want{"Assembly Member", "Assembly Member for City and East", "Labour", "Labour Group"}},
		{"Jenny Jones", "2013-07-17", want{"Assembly Member", "London-wide Assembly Member", "Green", "City Hall Greens"}},
		{"Roger Evans", "2000-12-20", want{"Assembly Member", "Assembly Member for Havering and Redbridge", "Conservative", "GLA Conservatives"}},
		{"David Kurten", "2017-07-13", want{"Assembly Member", "London-wide Assembly Member", "UKIP", "UKIP Group"}},
		// Out of the Assembly between terms, back in March 2019.
		{"Murad Qureshi", "2017-06-01", want{"", "", "", ""}},
		{"Murad Qureshi", "2019-03-20", want{"Assembly Member", "London-wide Assembly Member", "Labour", "Labour Group"}},
		{"Tom Copley", "2019-04-01", want{"", "", "", ""}},
		// A Statutory Deputy Mayor is an Assembly Member and speaks as one.
		{"Joanne McCartney", "2018-06-21", want{"Assembly Member", "Assembly Member for Enfield and Haringey", "Labour", "Labour Group"}},
		// A single member of a party with no group of its own.
		{"Richard Barnbrook", "2010-01-01", want{"Assembly Member", "London-wide Assembly Member", "BNP", ""}},
		// Not yet elected.
		{"Emma Best", "2017-01-01", want{"", "", "", ""}},
	} {
		p := reg.Resolve(c.name)
		if p == nil {
			t.Errorf("%s: not in the register", c.name)
			continue
		}
		var got want
		got.role, got.party, got.group = p.RoleOn(c.date), p.PartyOn(c.date), p.GroupOn(c.date)
		if s, ok := p.SeatOn(c.date); ok {
			got.seat = s.Post()
		}
		if got != c.want {
			t.Errorf("%s on %s: %+v, want %+v", c.name, c.date, got, c.want)
		}
	}

	for _, c := range []struct{ post, date, want string }{
		{people.StatutoryDeputyMayor, "2001-01-01", "Nicky Gavron"},
		{people.StatutoryDeputyMayor, "2003-12-01", "Jenny Jones"},
		{people.StatutoryDeputyMayor, "2010-01-01", "Richard Barnes"},
		{people.StatutoryDeputyMayor, "2014-01-01", "Victoria Borwick"},
		{people.StatutoryDeputyMayor, "2017-01-01", "Joanne McCartney"},
		{people.MayorOfLondon, "2017-01-01", "Sadiq Khan"},
	} {
		got := ""
		if p := reg.Holder(c.post, c.date); p != nil {
			got = p.Name
		}
		if got != c.want {
			t.Errorf("%s on %s: %q, want %q", c.post, c.date, got, c.want)
		}
	}

	// Identifiers only where the sources give them.
	for name, ids := range map[string]int{"Bob Blackman": 2, "Kemi Badenoch": 2, "Meg Hillier": 1, "Toby Harris": 0, "Jenny Jones": 0, "John Biggs": 0} {
		if p := reg.Resolve(name); p == nil || len(p.SameAs) != ids {
			t.Errorf("%s: identifiers %v, want %d", name, p.SameAs, ids)
		}
	}
	if p := reg.Resolve("Bob Blackman"); p == nil || len(p.Sources) == 0 || !strings.Contains(p.Sources[0], "2004.hexjson") {
		t.Errorf("Bob Blackman's sources: %v", p.Sources)
	}
}

func TestAssemblyGroup(t *testing.T) {
	for party, want := range map[string]string{
		"Liberal Democrats": "Liberal Democrat Group", "Liberal Democrat": "Liberal Democrat Group",
		"Labour": "Labour Group", "Labour Party": "Labour Group", "Conservatives": "GLA Conservatives",
		"Green Party": "City Hall Greens", "UK Independence Party": "UKIP Group", "BNP": "", "Labour Group": "",
	} {
		if got := people.AssemblyGroup(party); got != want {
			t.Errorf("AssemblyGroup(%q) = %q, want %q", party, got, want)
		}
	}
}

func TestMembersErrors(t *testing.T) {
	const head = "name,wikidata,twfy_id,terms,groups,constituency,roles,source,notes\n"
	for _, b := range []struct{ csv, want string }{
		{head + "Ann Example,,,2016-05-05,,,,,\n", "mine.csv:2:15: bad register row: term"},
		{head + "Ann Example,,,2016-05-05/2012-05-03,,,,,\n", "mine.csv:2:15: bad register row: term"},
		{head + "Ann Example,,,2016-05-05/;2021-05-06/,,Brent,,,\n", "mine.csv:2:40: bad register row: 1 constituencies for 2 terms"},
		{head + "Ann Example,Q0,,,,,,,\n", "mine.csv:2:13: bad register row: wikidata"},
		{head + "Ann Example,,p12,,,,,,\n", "mine.csv:2:14: bad register row: twfy_id"},
		{head + "Ann Example,,,,Labour@2016,,,,\n", "mine.csv:2:16: bad register row: group"},
		{head + ",,,,,,,,\n", "mine.csv:2:1: bad register row: empty name"},
	} {
		reg, _ := people.Default()
		err := reg.Extend(strings.NewReader(b.csv), "mine.csv")
		var pe *people.ParseError
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), b.want) {
			t.Errorf("Extend(%q) = %v, want an error starting %q", b.csv, err, b.want)
		}
	}
}

func TestMembersExtend(t *testing.T) {
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	// A correction: a mid-term change of group, and a new member.
	more := "name,terms,groups,constituency\n" +
		"Peter Whittle,2016-05-05/2021-05-06,UKIP@2016-05-05/2018-12-31;Brexit Alliance@2019-01-01/2021-05-06,London-wide\n" +
		"Ann Example,2024-05-02/,Green@2024-05-02/,London-wide\n"
	if err := reg.Extend(strings.NewReader(more), "mine.csv"); err != nil {
		t.Fatal(err)
	}
	w := reg.Resolve("Peter Whittle")
	if w.PartyOn("2017-01-01") != "UKIP" || w.GroupOn("2017-01-01") != "UKIP Group" || w.PartyOn("2020-01-01") != "Brexit Alliance" {
		t.Errorf("Peter Whittle: %+v %+v", w.Parties, w.Groups)
	}
	a := reg.Resolve("Ann Example")
	if a == nil || a.ID != "ann-example" || a.GroupOn("2025-01-01") != "City Hall Greens" || a.RoleOn("2025-01-01") != people.AssemblyMember {
		t.Errorf("Ann Example: %+v", a)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func ExamplePerson_GroupOn() {
	reg, _ := people.Default()
	p := reg.Resolve("Murad Qureshi")
	for _, d := range []string{"2012-06-20", "2017-06-01", "2019-07-18"} {
		if s, ok := p.SeatOn(d); ok {
			fmt.Println(d, s.Post(), "|", p.PartyOn(d), "|", p.GroupOn(d))
		} else {
			fmt.Println(d, "not an Assembly Member")
		}
	}
	// Output:
	// 2012-06-20 London-wide Assembly Member | Labour | Labour Group
	// 2017-06-01 not an Assembly Member
	// 2019-07-18 London-wide Assembly Member | Labour | Labour Group
}

func TestUndated(t *testing.T) {
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	// With no date, only what held all along is known.
	for name, want := range map[string][2]string{
		"Andrew Dismore":   {people.AssemblyMember, "Labour Group"},
		"Sadiq Khan":       {people.MayorOfLondon, ""},
		"Joanne McCartney": {people.AssemblyMember, "Labour Group"}, // a Statutory Deputy Mayor is an AM
		"Peter Whittle":    {people.AssemblyMember, "UKIP Group"},
	} {
		p := reg.Resolve(name)
		if got := [2]string{p.RoleOn(""), p.GroupOn("")}; got != want {
			t.Errorf("%s undated: %q, want %q", name, got, want)
		}
	}
}
