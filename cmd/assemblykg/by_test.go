package main

import (
	"strings"
	"testing"
)

// TestQueryBy: mentions and claims counted by group, year, speaker and role
// add up to the same totals, on the seed and an undated copy of it.
func TestQueryBy(t *testing.T) {
	db := seedStore(t)
	mentions := sum(queryJSON(t, db, "mentions").Rows, "mentions")
	claims := queryJSON(t, db, "claims").Total
	if mentions == 0 || claims == 0 {
		t.Fatalf("seed store: %d mentions, %d claims", mentions, claims)
	}
	for by, want := range map[string]int{"year": mentions, "role": mentions, "speaker": mentions} {
		if got := sum(queryJSON(t, db, "mentions", "--by", by).Rows, "mentions"); got != want {
			t.Errorf("mentions --by %s: %d mentions, want %d", by, got, want)
		}
	}
	for _, by := range []string{"year", "role", "speaker"} {
		if got := sum(queryJSON(t, db, "claims", "--by", by).Rows, "claims"); got != claims {
			t.Errorf("claims --by %s: %d claims, want %d", by, got, claims)
		}
	}
	// By group: only the dated question counts (the undated copy is left
	// out), all of it on behalf of the Labour Group in 2017.
	g := queryJSON(t, db, "mentions", "--by", "group")
	if sum(g.Rows, "mentions") != mentions/2 || g.Rows[0]["group"] != "London Assembly Labour Group" || g.Rows[0]["year"] != "2017" ||
		g.Rows[0]["body"] != "Metropolitan Police Service" || g.Rows[0]["questions"] != float64(1) {
		t.Errorf("mentions --by group: %v (of %d mentions)", g.Rows, mentions)
	}
	cg := queryJSON(t, db, "claims", "--by", "group")
	if len(cg.Rows) != 1 || sum(cg.Rows, "claims") != claims/2 {
		t.Errorf("claims --by group: %v (of %d claims)", cg.Rows, claims)
	}
	y := queryJSON(t, db, "mentions", "--by", "year")
	if last := y.Rows[len(y.Rows)-1]["year"]; last != "undated" {
		t.Errorf("mentions --by year: last year %v, want undated", last)
	}
	r := queryJSON(t, db, "claims", "--by", "role")
	for _, row := range r.Rows {
		if role := row["role"]; role != "Mayor of London" && role != "Assembly Member" && role != "Chair" {
			t.Errorf("claims --by role: role %v", role)
		}
	}
	// The filters apply.
	if got := sum(queryJSON(t, db, "mentions", "--by", "year", "--body", "MOPAC").Rows, "mentions"); got == 0 || got >= mentions {
		t.Errorf("mentions --by year --body MOPAC: %d of %d", got, mentions)
	}

	for _, bad := range [][]string{
		{"mentions", "--by", "party"},
		{"bodies", "--by", "group"},
		{"--by", "group"},
	} {
		_, stderr, code := runCLI(t, append([]string{"query", "--dbpath", db}, bad...)...)
		if code != 2 || !strings.Contains(stderr, "--by") {
			t.Errorf("query %v: exit %d, %q; want a usage error about --by", bad, code, stderr)
		}
	}
}
