package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/assemblykg/assemblykg/graph/store"
)

// seedStore loads the seed transcript and an undated copy of it (its
// session date "Unknown", a new title) into a fresh store.
func seedStore(t *testing.T) string {
	t.Helper()
	seed, err := os.ReadFile(filepath.Join(seedDir, "2017-10-12-modern-day-slavery.txt"))
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	undated := strings.Replace(strings.Replace(string(seed), "October 12, 2017", "Unknown", 1), "MQT on 2017-10-12", "Unknown", 1)
	undated = strings.Replace(undated, "Modern Day Slavery", "Undated Slavery", -1)
	os.WriteFile(filepath.Join(in, "seed.txt"), seed, 0o644)
	os.WriteFile(filepath.Join(in, "undated.txt"), []byte(undated), 0o644)
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, code := runCLI(t, "load", "--quiet", "--dbpath", db, in); code != 0 {
		t.Fatalf("load: exit %d: %s", code, stderr)
	}
	return db
}

type jsonResult struct {
	Rows      []map[string]any `json:"rows"`
	Total     int              `json:"total"`
	Truncated bool             `json:"truncated"`
}

func queryJSON(t *testing.T, db string, args ...string) jsonResult {
	t.Helper()
	out, stderr, code := runCLI(t, append(append([]string{"query"}, args...), "--dbpath", db, "--format", "json")...)
	if code != 0 {
		t.Fatalf("query %q: exit %d: %s", args, code, stderr)
	}
	var r jsonResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("query %q: %v\n%s", args, err, out)
	}
	return r
}

func sum(rows []map[string]any, col string) int {
	n := 0
	for _, r := range rows {
		f, _ := r[col].(float64)
		n += int(f)
	}
	return n
}

// TestUndatedTranscriptsCount: mentions, bodies, sessions and quotes
// count the mentions of an undated transcript, shown as undated and last.
func TestUndatedTranscriptsCount(t *testing.T) {
	db := seedStore(t)
	mentions := queryJSON(t, db, "mentions")
	quotes := queryJSON(t, db, "quotes")
	sessions := queryJSON(t, db, "sessions")
	bodies := queryJSON(t, db, "bodies")
	m, q, s, b := sum(mentions.Rows, "mentions"), len(quotes.Rows), sum(sessions.Rows, "mentions"), sum(bodies.Rows, "mentions")
	if m != 32 || q != m || s != m || b != m {
		t.Errorf("mentions %d, quotes %d, sessions %d, bodies %d; want 32 each (16 per transcript)", m, q, s, b)
	}
	last := sessions.Rows[len(sessions.Rows)-1]
	if len(sessions.Rows) != 2 || last["date"] != "undated" || last["questions"] != 1.0 {
		t.Errorf("sessions: %v", sessions.Rows)
	}
	for _, r := range mentions.Rows {
		if r["last"] != "undated" {
			t.Errorf("mentions row without its undated mentions: %v", r)
		}
	}
	if r := queryJSON(t, db, "quotes", "--question", "Undated Slavery"); len(r.Rows) != 16 || r.Rows[0]["date"] != "undated" {
		t.Errorf("quotes of the undated transcript: %d rows, %v", len(r.Rows), r.Rows[:min(1, len(r.Rows))])
	}
	// A date range leaves the undated transcript out.
	if r := queryJSON(t, db, "mentions", "--from", "2017-01-01"); sum(r.Rows, "mentions") != 16 {
		t.Errorf("mentions from 2017: %d, want 16", sum(r.Rows, "mentions"))
	}
}

// TestTruncationNotice: a result cut at --limit says so on stderr and in
// JSON, and --offset pages on.
func TestTruncationNotice(t *testing.T) {
	db := seedStore(t)
	_, stderr, code := runCLI(t, "query", "mentions", "--dbpath", db, "--limit", "2")
	if code != 0 || !strings.Contains(stderr, "rows 1 to 2 of 8") || !strings.Contains(stderr, "--offset 2") {
		t.Errorf("exit %d, stderr %q: want a note of rows 1 to 2 of 8", code, stderr)
	}
	r := queryJSON(t, db, "mentions", "--limit", "2")
	if !r.Truncated || r.Total != 8 || len(r.Rows) != 2 {
		t.Errorf("json: truncated %v, total %d, %d rows", r.Truncated, r.Total, len(r.Rows))
	}
	rest := queryJSON(t, db, "mentions", "--offset", "6")
	if rest.Truncated || len(rest.Rows) != 2 {
		t.Errorf("--offset 6: truncated %v, %d rows", rest.Truncated, len(rest.Rows))
	}
	_, stderr, _ = runCLI(t, "query", "mentions", "--dbpath", db)
	if stderr != "" {
		t.Errorf("whole result: stderr %q", stderr)
	}
}

// TestQuotesCite: each mention is listed with what a citation needs.
func TestQuotesCite(t *testing.T) {
	db := seedStore(t)
	r := queryJSON(t, db, "quotes", "--body", "Home Office", "--to", "2017-12-31")
	if len(r.Rows) != 1 {
		t.Fatalf("quotes of the Home Office: %v", r.Rows)
	}
	q := r.Rows[0]
	seed, _ := os.ReadFile(filepath.Join(seedDir, "2017-10-12-modern-day-slavery.txt"))
	runes := []rune(string(seed))
	begin, end := int(q["begin"].(float64)), int(q["end"].(float64))
	if q["date"] != "2017-10-12" || q["question"] != "Modern Day Slavery" || q["speaker"] != "Jennette Arnold" || q["role"] != "Chair" ||
		q["body"] != "Home Office" || q["file"] != "seed.txt" || string(runes[begin:end]) != q["surface"] ||
		!strings.Contains(q["sentence"].(string), q["surface"].(string)) || !strings.HasSuffix(q["sentence"].(string), "?") ||
		!strings.HasPrefix(q["sentence"].(string), "The other point") ||
		q["iri"] != "https://w3id.org/assemblykg/id/question/2017-10-12/modern-day-slavery" {
		t.Errorf("quote %v", q)
	}
}

// TestPeopleAsTyped: people are found by register variants, with titles
// and post-nominals, by id and IRI, and as "The Mayor" on a date; bodies by
// their external IRIs; unknown names and IRIs are errors with suggestions.
func TestPeopleAsTyped(t *testing.T) {
	db := seedStore(t)
	for _, sp := range []string{"Jennette Arnold OBE", "jennette arnold", "jennette-arnold", "https://w3id.org/assemblykg/id/person/jennette-arnold"} {
		if r := queryJSON(t, db, "mentions", "--speaker", sp, "--to", "2017-12-31"); len(r.Rows) != 5 || r.Rows[0]["speaker"] != "Jennette Arnold" {
			t.Errorf("--speaker %q: %v", sp, r.Rows)
		}
	}
	for _, sp := range []string{"Sadiq", "The Mayor", "Mayor of London"} {
		if r := queryJSON(t, db, "mentions", "--speaker", sp, "--from", "2017-10-12", "--to", "2017-10-12"); len(r.Rows) != 3 || r.Rows[0]["speaker"] != "Sadiq Khan" {
			t.Errorf("--speaker %q on 2017-10-12: %v", sp, r.Rows)
		}
	}
	// "The Mayor" before Sadiq Khan's term is someone this store never heard.
	if _, stderr, code := runCLI(t, "query", "mentions", "--dbpath", db, "--speaker", "The Mayor", "--to", "2010-01-01"); code != exitError {
		t.Errorf("The Mayor in 2009: exit %d %s", code, stderr)
	}
	if r := queryJSON(t, db, "mentions", "--body", "https://www.gov.uk/government/organisations/home-office"); len(r.Rows) != 1 || r.Rows[0]["body"] != "Home Office" {
		t.Errorf("body by its GOV.UK IRI: %v", r.Rows)
	}
	for _, tc := range []struct{ args, want string }{
		{"--body|Home Ofice", `no body named "Home Ofice" (did you mean "Home Office"?)`},
		{"--body|https://w3id.org/assemblykg/id/body/no-such-body", `no body named "https://w3id.org/assemblykg/id/body/no-such-body"`},
		{"--speaker|Jennette", `did you mean "Jennette Arnold"`},
	} {
		_, stderr, code := runCLI(t, append([]string{"query", "mentions", "--dbpath", db}, strings.Split(tc.args, "|")...)...)
		if code != exitError || !strings.Contains(stderr, tc.want) {
			t.Errorf("%s: exit %d, %q; want 1 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// TestBadDates: dates are checked, and --from after --to is an error.
func TestBadDates(t *testing.T) {
	db := seedStore(t)
	for _, args := range [][]string{
		{"--from", "2017-13-01"}, {"--to", "2017-02-30"}, {"--from", "12/10/2017"},
		{"--from", "2018-01-01", "--to", "2017-01-01"}, {"--depth", "3"},
	} {
		_, stderr, code := runCLI(t, append([]string{"query", "mentions", "--dbpath", db}, args...)...)
		if code != exitUsage || stderr == "" {
			t.Errorf("%q: exit %d %q, want 2 and a message", args, code, stderr)
		}
	}
}

// TestOutputFormats: tables fit 100 columns and name no IRI unless asked;
// csv, tsv, json and jsonl carry every column; JSON numbers are numbers;
// numbered IRIs sort as numbers.
func TestOutputFormats(t *testing.T) {
	db := seedStore(t)
	for _, q := range store.Catalogue() {
		args := []string{"query", q.Name, "--dbpath", db}
		if q.Name == "path" {
			args = append(args, "Jennette Arnold", "Home Office")
		}
		out, stderr, code := runCLI(t, args...)
		if code != 0 {
			t.Fatalf("%s: exit %d %s", q.Name, code, stderr)
		}
		for _, line := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(line); n > 100 {
				t.Errorf("%s: line of %d characters: %q", q.Name, n, line)
			}
			if q.Name != "path" && strings.Contains(line, "https://") {
				t.Errorf("%s: IRI in a table: %q", q.Name, line)
			}
		}
		header := ""
		for _, c := range q.Columns() {
			header += c.Name + ","
			if c.Name != strings.ToLower(c.Name) || strings.Contains(c.Name, "-") {
				t.Errorf("%s: column %q is not snake_case", q.Name, c.Name)
			}
		}
		csv, _, _ := runCLI(t, append(args, "--format", "csv")...)
		if !strings.HasPrefix(csv, strings.TrimSuffix(header, ",")+"\n") {
			t.Errorf("%s csv header %q", q.Name, strings.SplitN(csv, "\n", 2)[0])
		}
		jl, _, _ := runCLI(t, append(args, "--format", "jsonl")...)
		for _, line := range strings.Split(strings.TrimSpace(jl), "\n") {
			var m map[string]any
			if err := json.Unmarshal([]byte(line), &m); err != nil || len(m) != len(q.Columns()) {
				t.Errorf("%s jsonl line %q: %v", q.Name, line, err)
			}
		}
	}
	if out, _, _ := runCLI(t, "query", "mentions", "--dbpath", db, "--iris"); !strings.Contains(out, "https://w3id.org/assemblykg/id/person/") {
		t.Errorf("--iris: no IRI column")
	}
	claims := queryJSON(t, db, "claims", "--question", "Modern Day Slavery")
	var prev string
	var seq []string
	for _, r := range claims.Rows {
		if _, ok := r["begin"].(float64); !ok && r["begin"] != nil {
			t.Errorf("begin %v is not a number", r["begin"])
		}
		iri := r["claim_iri"].(string)
		if store.Natural(prev, iri) > 0 {
			t.Errorf("claim %s after %s", iri, prev)
		}
		prev = iri
		seq = append(seq, strings.TrimPrefix(iri, "https://w3id.org/assemblykg/id/question/2017-10-12/modern-day-slavery/"))
	}
	if len(seq) < 2 {
		t.Errorf("claims: %s", seq)
	}
	if v := claims.Rows[0]["value"]; v != 59.0 {
		t.Errorf("value %v (%T), want the number 59", v, v)
	}
}

// TestQueryHelp: every query's help shows what it counts, an example and
// the exit codes.
func TestQueryHelp(t *testing.T) {
	for _, q := range store.Catalogue() {
		_, stderr, code := runCLI(t, "query", q.Name, "--help")
		if code != 0 || !strings.Contains(stderr, "example:\n  assemblykg query "+q.Example) || !strings.Contains(stderr, "exit codes: 0") ||
			!strings.Contains(strings.Join(strings.Fields(stderr), " "), q.Counts) {
			t.Errorf("query %s --help: exit %d\n%s", q.Name, code, stderr)
		}
	}
	for _, cmd := range []string{"query", "serve", "load", "export", "parse"} {
		_, stderr, code := runCLI(t, cmd, "--help")
		if code != 0 || !strings.Contains(stderr, "example") || !strings.Contains(stderr, "exit codes") {
			t.Errorf("%s --help: exit %d\n%s", cmd, code, stderr)
		}
	}
}
