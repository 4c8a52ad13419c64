package people

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/assemblykg/assemblykg/internal/csvrow"
	"github.com/assemblykg/assemblykg/mapping/slug"
)

var (
	wikidataID = regexp.MustCompile(`^Q[1-9][0-9]*$`)
	twfyID     = regexp.MustCompile(`^[1-9][0-9]*$`)
)

// member reads one row of a members file into the person of that name.
func (reg *Register) member(row *csvrow.Row) error {
	name := row.Get("name")
	if name == "" {
		return row.Errorf("name", "empty name")
	}
	p := reg.byKey[Key(name)]
	if p == nil {
		p = &Person{ID: slug.Of(name), Name: name}
		if _, taken := reg.byID[p.ID]; taken {
			return row.Errorf("name", "%q has the id %q of another person; add a people row for it with an id of its own", name, p.ID)
		}
		reg.add(p)
	}
	var seats []Seat
	for _, t := range csvrow.List(row.Get("terms"), ";") {
		period, ok := parsePeriod(t)
		if !ok {
			return row.Errorf("terms", "term %q: want FROM/UNTIL with YYYY-MM-DD dates", t)
		}
		seats = append(seats, Seat{Period: period})
	}
	if cs := csvrow.List(row.Get("constituency"), ";"); len(cs) > 0 {
		if len(cs) != len(seats) {
			return row.Errorf("constituency", "%d constituencies for %d terms", len(cs), len(seats))
		}
		for i := range seats {
			seats[i].Constituency = cs[i]
		}
	}
	parties, err := affiliations(partiesField(row))
	if err != nil {
		return row.Errorf("groups", "%v", err)
	}
	var offices []Office
	for _, r := range csvrow.List(row.Get("roles"), ";") {
		post, when, dated := strings.Cut(r, "@")
		o := Office{Post: strings.TrimSpace(post)}
		if dated {
			if o.Period, dated = parsePeriod(when); !dated {
				return row.Errorf("roles", "role %q: want POST@FROM/UNTIL", r)
			}
		}
		offices = append(offices, o)
	}
	var ids []string
	if q := row.Get("wikidata"); q != "" {
		if !wikidataID.MatchString(q) {
			return row.Errorf("wikidata", "wikidata %q is not a Wikidata item id (Q123)", q)
		}
		ids = append(ids, "http://www.wikidata.org/entity/"+q)
	}
	if t := row.Get("twfy_id"); t != "" {
		if !twfyID.MatchString(t) {
			return row.Errorf("twfy_id", "twfy_id %q is not a TheyWorkForYou person number", t)
		}
		ids = append(ids, "https://www.theyworkforyou.com/mp/?p="+t)
	}

	p.Seats, p.Parties = seats, parties
	p.Groups = groupsOf(parties, p.Groups)
	for _, o := range offices {
		p.Offices = addOffice(p.Offices, o, seats)
	}
	p.SameAs = csvrow.Union(p.SameAs, ids)
	if s := row.Get("source"); s != "" {
		p.Sources = csvrow.Union(p.Sources, []string{s})
	}
	if n := row.Get("notes"); n != "" {
		p.Notes = n
	}
	return nil
}

// affiliations reads "Labour@2000-05-04/2004-06-10;Green" entries.
func affiliations(s string) ([]Affiliation, error) {
	var out []Affiliation
	for _, e := range csvrow.List(s, ";") {
		name, when, dated := strings.Cut(e, "@")
		a := Affiliation{Name: strings.TrimSpace(name)}
		if dated {
			if a.Period, dated = parsePeriod(when); !dated {
				return nil, fmt.Errorf("group %q: want NAME@FROM/UNTIL", e)
			}
		}
		out = append(out, a)
	}
	return out, nil
}

// partyGroups names the Assembly group that Assembly Members elected for a
// party sit in; the names are those of the bodies registry. Parties with no
// group of their own (a single member) are absent.
var partyGroups = map[string]string{
	"labour":           "Labour Group",
	"conservative":     "GLA Conservatives",
	"liberal democrat": "Liberal Democrat Group",
	"green":            "City Hall Greens",
	"ukip":             "UKIP Group",
}

// AssemblyGroup returns the name of the Assembly group of a party ("Liberal
// Democrats" → "Liberal Democrat Group"), or "" when the party has none.
func AssemblyGroup(party string) string {
	k := Key(party)
	k = strings.TrimSuffix(strings.TrimSuffix(k, " party"), "s")
	switch k {
	case "green party of england and wale", "the green":
		k = "green"
	case "uk independence":
		k = "ukip"
	}
	return partyGroups[k]
}

// groupsOf gives an Assembly Member's groups: the group of each party they
// were elected for, over the same dates (mid-term changes of group are not in
// the sources), and the undated groups of the people file that are none of
// those.
func groupsOf(parties, groups []Affiliation) []Affiliation {
	var out []Affiliation
	derived := map[string]bool{}
	for _, p := range parties {
		if g := AssemblyGroup(p.Name); g != "" {
			out = append(out, Affiliation{Name: g, Period: p.Period})
			derived[Key(g)] = true
		}
	}
	for _, g := range groups {
		if !g.Dated() && !derived[Key(g.Name)] {
			out = append(out, g)
		}
	}
	return out
}

// addOffice adds o unless it is an undated mention of a post the person
// already holds. A Statutory Deputy Mayor is an Assembly Member, so a term
// of that office with no end given ends with the person's last seat.
func addOffice(offices []Office, o Office, seats []Seat) []Office {
	for _, x := range offices {
		if strings.EqualFold(x.Post, o.Post) && (x.Period == o.Period || !o.Dated()) {
			return offices
		}
	}
	if o.Post == StatutoryDeputyMayor && o.From != "" && o.Until == "" && len(seats) > 0 {
		o.Until = seats[len(seats)-1].Until
	}
	return append(offices, o)
}

// partiesField is the column of a members row that lists the parties a
// person was elected for, headed groups or parties.
func partiesField(row *csvrow.Row) string {
	if g := row.Get("groups"); g != "" {
		return g
	}
	return row.Get("parties")
}
