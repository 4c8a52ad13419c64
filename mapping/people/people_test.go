package people_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/mapping/people"
)

func TestStrip(t *testing.T) {
	tests := []struct {
		printed, name, titles, post string
	}{
		{"Sir Bernard Hogan-Howe QPM", "Bernard Hogan-Howe", "Sir", "QPM"},
		{"Jennette Arnold OBE AM", "Jennette Arnold", "", "OBE AM"},
		{"Dany Cotton [QFSM]", "Dany Cotton", "", "QFSM"},
		{"Dr Onkar Sahota AM", "Onkar Sahota", "Dr", "AM"},
		{"Baroness Jo Valentine", "Jo Valentine", "Baroness", ""},
		{"Siân Berry", "Siân Berry", "", ""},
		{"AM", "AM", "", ""}, // a lone word is a name, not a post-nominal
	}
	for _, tc := range tests {
		n := people.Strip(tc.printed)
		if n.Name != tc.name || strings.Join(n.Titles, " ") != tc.titles || strings.Join(n.PostNominals, " ") != tc.post {
			t.Errorf("Strip(%q) = %+v, want %q / %q / %q", tc.printed, n, tc.titles, tc.name, tc.post)
		}
	}
}

func TestResolve(t *testing.T) {
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]string{
		"Jennette Arnold OBE AM": "jennette-arnold",
		"Jeanette Arnold":        "jennette-arnold", // a variant
		"Jenette Arnlod":         "jennette-arnold", // two slips in a long name
		"Sian Berry":             "sian-berry",      // accents folded
		"Steve O’Connell":        "steve-oconnell",  // curly apostrophe
		"sadiq  khan":            "sadiq-khan",      // case and spaces
		"Val Shawcross CBE":      "valerie-shawcross",
		"John Bigg":              "john-biggs",
		"Jon Diggs":              "", // too far: first letters of the surname differ
		"Alex Example":           "",
	}
	for printed, want := range tests {
		got := ""
		if p := reg.Resolve(printed); p != nil {
			got = p.ID
		}
		if got != want {
			t.Errorf("Resolve(%q) = %q, want %q", printed, got, want)
		}
	}
}

func TestHolder(t *testing.T) {
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	for date, want := range map[string]string{
		"2000-05-04": "Ken Livingstone", "2008-05-03": "Ken Livingstone", "2008-05-04": "Boris Johnson",
		"2016-05-08": "Boris Johnson", "2016-05-09": "Sadiq Khan", "2021-01-21": "Sadiq Khan", "1999-01-01": "",
	} {
		got := ""
		if p := reg.Holder("Mayor of London", date); p != nil {
			got = p.Name
		}
		if got != want {
			t.Errorf("Mayor of London on %s: %q, want %q", date, got, want)
		}
	}
}

func TestExtendAndErrors(t *testing.T) {
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	extra := "id,name,variants,honorifics,groups,offices,same_as\n" +
		"alex-example,Alex Example,Alexandra Example,,,Chief Executive[2019-01-01..],http://www.wikidata.org/entity/Q1\n"
	if err := reg.Extend(strings.NewReader(extra), "mine.csv"); err != nil {
		t.Fatal(err)
	}
	if p := reg.Resolve("Alexandra Example"); p == nil || p.OfficeOn("2020-01-01") != "Chief Executive" {
		t.Errorf("extended register: %+v", p)
	}
	bad := []struct{ csv, want string }{
		{"id,name\nx,y,z\n", "mine.csv:2: bad register row: 3 fields, the header has 2"},
		{"id,name,variants,honorifics,groups,offices,same_as\nx,,,,,,\n", "mine.csv:2:3: bad register row: empty name"},
		{"id,name,variants,honorifics,groups,offices,same_as\nx,X Y,,,,Mayor[2001..],\n", "mine.csv:2:"},
		{"name,variants\n", "mine.csv:1:"},
		{"", "mine.csv:1: bad register row: empty file"},
	}
	for _, b := range bad {
		err := reg.Extend(strings.NewReader(b.csv), "mine.csv")
		var pe *people.ParseError
		if !errors.As(err, &pe) || !strings.HasPrefix(err.Error(), b.want) {
			t.Errorf("Extend(%q) = %v, want an error starting %q", b.csv, err, b.want)
		}
	}
}

func ExampleRegister_Resolve() {
	reg, _ := people.Default()
	p := reg.Resolve("Jeanette Arnold OBE AM")
	fmt.Println(p.Name, "|", p.GroupOn("2017-10-12"), "|", p.RoleOn("2017-10-12"))
	fmt.Println(reg.Holder("Mayor of London", "2012-06-20").Name)
	// Output:
	// Jennette Arnold | Labour Group | Assembly Member
	// Boris Johnson
}
