package bodies

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadLinks(t *testing.T) {
	cases := []struct {
		name, csv string
		want      []Link
	}{
		{"openrefine names and QIDs", "name,wikidata\nMetropolitan Police Service,Q1139213\nGarden Bridge Trust,\nLondon First,https://www.wikidata.org/wiki/Q6670298\n", []Link{
			{"Metropolitan Police Service", "http://www.wikidata.org/entity/Q1139213", "links.csv", 2},
			{"London First", "http://www.wikidata.org/entity/Q6670298", "links.csv", 4},
		}},
		{"our IRIs and sameAs", "\ufeffiri,owl:sameAs,note\nhttps://w3id.org/assemblykg/id/body/home-office,https://www.gov.uk/government/organisations/home-office,checked\n", []Link{
			{"https://w3id.org/assemblykg/id/body/home-office", "https://www.gov.uk/government/organisations/home-office", "links.csv", 2},
		}},
		{"other header names", "Label,Reconciled ID\n  Evening   Standard ,wd:Q1153367\n", []Link{
			{"Evening Standard", "http://www.wikidata.org/entity/Q1153367", "links.csv", 2},
		}},
		{"columns in any order", "match,subject\nhttp://www.wikidata.org/entity/Q9630,Labour Party\n", []Link{
			{"Labour Party", "http://www.wikidata.org/entity/Q9630", "links.csv", 2},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ReadLinks(strings.NewReader(c.csv), "links.csv")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %+v\nwant %+v", got, c.want)
			}
		})
	}
}

func TestReadLinksErrors(t *testing.T) {
	cases := []struct {
		name, csv string
		line      int
	}{
		{"empty", "", 1},
		{"no sameAs column", "name,comment\nMPS,good\n", 1},
		{"not an IRI", "name,sameAs\nMPS,Q1139213\nGLA,maybe\n", 3},
		{"missing subject", "name,sameAs\n,Q1\n", 2},
		{"short row", "note,name,sameAs\nx,MPS\n", 2},
		{"bad quote", "name,sameAs\n\"MPS,Q1\n", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadLinks(strings.NewReader(c.csv), "links.csv")
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrBadLink) {
				t.Fatalf("ReadLinks: %v, want a *ParseError wrapping ErrBadLink", err)
			}
			if pe.File != "links.csv" || pe.Line != c.line {
				t.Errorf("error %q at line %d, want links.csv:%d", err, pe.Line, c.line)
			}
		})
	}
}
