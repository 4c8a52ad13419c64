package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/mapping/bodies"
)

// TestLinksCSV: a reconciliation CSV adds identifiers to a person and a
// body and corrects a shipped one, the way users bring OpenRefine results.
func TestLinksCSV(t *testing.T) {
	dir := t.TempDir()
	links := filepath.Join(dir, "links.csv")
	csv := "name,sameAs\n" +
		"Andrew Boff,Q123456789\n" + // a person, by name, as a bare QID
		"Home Office,https://example.org/home-office\n" + // a body by name: added
		"https://w3id.org/assemblykg/id/body/metropolitan-police-service,http://www.wikidata.org/entity/Q99999999\n" // by IRI: replaces the shipped Wikidata item
	if err := os.WriteFile(links, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	before := string(export(t, "ntriples", seedDir))
	after, stderr, code := runCLI(t, "export", "-f", "ntriples", "--links", links, seedDir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	const sameAs = "<http://schema.org/sameAs>"
	for _, want := range []string{
		"<https://w3id.org/assemblykg/id/person/andrew-boff> " + sameAs + " <http://www.wikidata.org/entity/Q123456789>",
		"<https://w3id.org/assemblykg/id/body/home-office> " + sameAs + " <https://example.org/home-office>",
		"<https://w3id.org/assemblykg/id/body/home-office> " + sameAs + " <https://www.gov.uk/government/organisations/home-office>",
		"<https://w3id.org/assemblykg/id/body/metropolitan-police-service> " + sameAs + " <http://www.wikidata.org/entity/Q99999999>",
	} {
		if !strings.Contains(after, want) {
			t.Errorf("export with links lacks %s", want)
		}
	}
	old := "<https://w3id.org/assemblykg/id/body/metropolitan-police-service> " + sameAs + " <http://www.wikidata.org/entity/Q1139213>"
	if !strings.Contains(before, old) || strings.Contains(after, old) {
		t.Errorf("the shipped Wikidata item of the MPS should be replaced by the corrected one")
	}
	if kept := "<https://data.police.uk/api/forces/metropolitan>"; !strings.Contains(after, kept) {
		t.Errorf("links of other sites should be kept (%s)", kept)
	}

	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("name,sameAs\nHome Office,not an iri\n"), 0o644)
	if _, stderr, code := runCLI(t, "export", "--links", bad, seedDir); code == 0 || !strings.Contains(stderr, bad+":2") {
		t.Errorf("bad links file: exit %d, stderr %q; want an error naming %s:2", code, stderr, bad)
	}
}

// TestEveryIdentifiedBodyHasSameAs: every body of the seed's export that
// the registry has identifiers for carries them.
func TestEveryIdentifiedBodyHasSameAs(t *testing.T) {
	reg, err := bodies.Default()
	if err != nil {
		t.Fatal(err)
	}
	nt := string(export(t, "ntriples", seedDir))
	for _, line := range strings.Split(nt, "\n") {
		if !strings.Contains(line, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#Organization>") {
			continue
		}
		iri := strings.Trim(strings.Fields(line)[0], "<>")
		id := strings.TrimPrefix(iri, "https://w3id.org/assemblykg/id/body/")
		b := reg.ByID(id)
		if b == nil {
			continue
		}
		for _, u := range b.SameAs {
			if !strings.Contains(nt, "<"+iri+"> <http://schema.org/sameAs> <"+u+">") {
				t.Errorf("%s lacks sameAs %s", b.Name, u)
			}
		}
	}
}
