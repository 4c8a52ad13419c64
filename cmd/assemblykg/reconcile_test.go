package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/mapping/bodies"
)

// TestLinksUnlinked: the unlinked list is a links file; filled in and given
// back with --links, its rows link, and the linked ones leave the list.
func TestLinksUnlinked(t *testing.T) {
	out, stderr, code := runCLI(t, "links", "--unlinked")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "iri,name,type,same_as,candidate,candidate_name,score,match" {
		t.Fatalf("header %q", lines[0])
	}
	for _, want := range []string{
		"https://w3id.org/assemblykg/id/body/mayors-office-for-policing-and-crime,Mayor's Office for Policing and Crime,organisation,,,,,",
		"https://w3id.org/assemblykg/id/person/len-duvall,Len Duvall,human,,,,,",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("unlinked list lacks %s", want)
		}
	}
	for _, linked := range []string{"/body/transport-for-london,", "/person/sadiq-khan,", "/person/bob-blackman,"} {
		if strings.Contains(out, linked) {
			t.Errorf("%s has identifiers but is listed", linked)
		}
	}
	if !strings.Contains(stderr, "linked: 79 bodies, 16 people") {
		t.Errorf("summary: %q", stderr)
	}

	dir := t.TempDir()
	filled := filepath.Join(dir, "filled.csv")
	csv := lines[0] + "\n" + strings.Replace(
		"https://w3id.org/assemblykg/id/person/len-duvall,Len Duvall,human,,,,,", "human,,", "human,Q900123,", 1) + "\n"
	os.WriteFile(filled, []byte(csv), 0o644)
	out2, _, code := runCLI(t, "links", "--unlinked", "--links", filled)
	if code != 0 || strings.Contains(out2, "/person/len-duvall,") || len(strings.Split(strings.TrimSpace(out2), "\n")) != len(lines)-1 {
		t.Errorf("after linking Len Duvall: exit %d, still listed: %v", code, strings.Contains(out2, "/person/len-duvall,"))
	}

	if _, stderr, code := runCLI(t, "links"); code != 2 || !strings.Contains(stderr, "--unlinked") {
		t.Errorf("links without --unlinked: exit %d, %q", code, stderr)
	}
}

// TestUnmatchedLinkReported: a links row naming no body or person of the
// registers is reported with its file and line, and the export goes on.
func TestUnmatchedLinkReported(t *testing.T) {
	dir := t.TempDir()
	links := filepath.Join(dir, "links.csv")
	os.WriteFile(links, []byte("name,sameAs\nHome Office,Q1\nNo Such Quango,Q2\nhttps://w3id.org/assemblykg/id/person/nobody,Q3\n"), 0o644)
	_, stderr, code := runCLI(t, "export", "-f", "ntriples", "--links", links, seedDir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{links + `:3: warning: "No Such Quango"`, links + `:4: warning: "https://w3id.org/assemblykg/id/person/nobody"`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %s:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, links+":2:") {
		t.Errorf("a matched row was reported: %s", stderr)
	}
}

// TestReconcileCommand runs the command against an in-process service with
// answers for two names; every other name has no candidate.
func TestReconcileCommand(t *testing.T) {
	answers := map[string]string{
		"Mayor's Office for Policing and Crime": `[{"id":"Q900200","name":"Mayor's Office for Policing and Crime","score":100,"match":true}]`,
		"Len Duvall":                            `[{"id":"Q900201","name":"Len Duvall","score":98,"match":true},{"id":"Q900202","name":"Leonard Duvall","score":40,"match":false}]`,
	}
	requests := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests++
		var qs map[string]struct{ Query string }
		if err := json.Unmarshal([]byte(r.PostFormValue("queries")), &qs); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		out := map[string]json.RawMessage{}
		for k, q := range qs {
			res, ok := answers[q.Query]
			if !ok {
				res = "[]"
			}
			out[k] = json.RawMessage(`{"result":` + res + `}`)
		}
		json.NewEncoder(w).Encode(out)
	}))
	defer srv.Close()

	dir := t.TempDir()
	review := filepath.Join(dir, "review.csv")
	_, stderr, code := runCLI(t, "reconcile", "--service", srv.URL, "--batch", "50", "-o", review)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, _ := os.ReadFile(review)
	if n := strings.Count(string(data), "\n"); n != 4 {
		t.Errorf("review file has %d lines, want a header and 3 candidates:\n%s", n, data)
	}
	if !strings.Contains(stderr, "no candidate for Andrew Boff (https://w3id.org/assemblykg/id/person/andrew-boff)") ||
		!strings.Contains(stderr, "3 rows written, 0 accepted") {
		t.Errorf("stderr: %s", stderr[max(0, len(stderr)-300):])
	}
	if requests < 10 {
		t.Errorf("%d requests for some 900 names in batches of 50", requests)
	}

	accepted := filepath.Join(dir, "accepted.csv")
	if _, stderr, code := runCLI(t, "reconcile", "--service", srv.URL, "--batch", "50", "--accept", "90", "-o", accepted); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, _ := os.Open(accepted)
	ls, err := bodies.ReadLinks(f, accepted)
	f.Close()
	if err != nil || len(ls) != 2 {
		t.Fatalf("accepted links: %+v, %v", ls, err)
	}
	if ls[0].SameAs != "http://www.wikidata.org/entity/Q900200" || ls[1].SameAs != "http://www.wikidata.org/entity/Q900201" {
		t.Errorf("accepted: %+v", ls)
	}

	// An unreachable service: a clear error, exit 1, no output file.
	srv.Close()
	gone := filepath.Join(dir, "gone.csv")
	_, stderr, code = runCLI(t, "reconcile", "--service", srv.URL, "--retries", "0", "-o", gone)
	if code != 1 || !strings.Contains(stderr, "reconciliation service "+srv.URL+" unreachable") {
		t.Errorf("unreachable: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(gone); err == nil {
		t.Errorf("output written although the service was unreachable")
	}
	if _, stderr, code := runCLI(t, "reconcile"); code != 2 || !strings.Contains(stderr, "--service") {
		t.Errorf("no --service: exit %d, %q", code, stderr)
	}
}
