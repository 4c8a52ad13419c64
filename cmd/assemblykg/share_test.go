package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

// TestQueryWhileServing: queries read a bolt store that serve (a read-only
// handle) has open; a load fails at once with a clear error, or waits with
// --wait until the store is free.
func TestQueryWhileServing(t *testing.T) {
	db := seedStore(t)
	served, err := store.Open(store.Bolt, db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if out, stderr, code := runCLI(t, "query", "mentions", "--dbpath", db); code != 0 || !strings.Contains(out, "Jennette Arnold") {
		t.Errorf("query while serving: exit %d %s", code, stderr)
	}
	start := time.Now()
	_, stderr, code := runCLI(t, "load", "--quiet", "--dbpath", db, seedDir)
	if code != exitError || !strings.Contains(stderr, "in use") || !strings.Contains(stderr, "--wait") || time.Since(start) > 10*time.Second {
		t.Errorf("load while serving: exit %d after %v: %s", code, time.Since(start), stderr)
	}
	done := make(chan int, 1)
	go func() {
		_, _, code := runCLI(t, "load", "--quiet", "--wait", "--dbpath", db, seedDir)
		done <- code
	}()
	select {
	case code := <-done:
		t.Fatalf("load --wait ended (exit %d) while the store was open", code)
	case <-time.After(time.Second):
	}
	served.Close()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("load --wait: exit %d", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("load --wait did not end after the store was closed")
	}
}

// TestLoadPrune: load --prune removes the graphs of transcripts gone from
// the folder, and nothing when an input could not be read.
func TestLoadPrune(t *testing.T) {
	seed, _ := os.ReadFile(filepath.Join(seedDir, "2017-10-12-modern-day-slavery.txt"))
	in := t.TempDir()
	other := strings.Replace(strings.Replace(string(seed), "Modern Day Slavery", "Other Question", -1), "October 12, 2017", "October 19, 2017", 1)
	other = strings.Replace(other, "MQT on 2017-10-12", "MQT on 2017-10-19", 1)
	os.WriteFile(filepath.Join(in, "a.txt"), seed, 0o644)
	os.WriteFile(filepath.Join(in, "b.txt"), []byte(other), 0o644)
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, code := runCLI(t, "load", "--quiet", "--dbpath", db, in); code != 0 {
		t.Fatalf("load: %d %s", code, stderr)
	}
	if r := queryJSON(t, db, "sessions"); len(r.Rows) != 2 {
		t.Fatalf("sessions: %v", r.Rows)
	}
	os.Remove(filepath.Join(in, "b.txt"))
	os.WriteFile(filepath.Join(in, "bad.txt"), []byte("not a transcript\n"), 0o644)
	_, stderr, _ := runCLI(t, "load", "--prune", "--dbpath", db, in)
	if !strings.Contains(stderr, "not pruned") {
		t.Errorf("prune with a bad input: %s", stderr)
	}
	if r := queryJSON(t, db, "sessions"); len(r.Rows) != 2 {
		t.Errorf("a bad input pruned the store: %v", r.Rows)
	}
	os.Remove(filepath.Join(in, "bad.txt"))
	_, stderr, code := runCLI(t, "load", "--prune", "--dbpath", db, in)
	if code != 0 || !strings.Contains(stderr, "pruned <https://w3id.org/assemblykg/id/graph/2017-10-19/other-question>") {
		t.Errorf("load --prune: exit %d %s", code, stderr)
	}
	r := queryJSON(t, db, "sessions")
	if len(r.Rows) != 1 || r.Rows[0]["date"] != "2017-10-12" {
		t.Errorf("after prune: %v", r.Rows)
	}
	if _, stderr, code := runCLI(t, "query", "mentions", "--dbpath", db, "--question", "Other Question"); code != exitError {
		t.Errorf("pruned question still answers: exit %d %s", code, stderr)
	}
}

// TestSummaryWhenPiped: load and export print their summary line on stderr
// even when it is not a terminal; --quiet silences it.
func TestSummaryWhenPiped(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	_, stderr, code := runCLI(t, "load", "--dbpath", db, seedDir)
	if code != 0 || !strings.HasPrefix(stderr, "load: ") || !strings.Contains(stderr, " graphs, ") {
		t.Errorf("load summary: %q", stderr)
	}
	out, stderr, _ := runCLI(t, "export", "-f", "nquads", seedDir)
	// The summary counts every quad written: the transcript's, the
	// register's and the dataset description's.
	if want := fmt.Sprintf("export: 1 files, %d quads in ", strings.Count(out, "\n")); !strings.HasPrefix(stderr, want) {
		t.Errorf("export summary: %q, want it to start %q", stderr, want)
	}
	for _, args := range [][]string{{"load", "-q", "--dbpath", db, seedDir}, {"export", "-q", seedDir}} {
		if _, stderr, _ := runCLI(t, args...); stderr != "" {
			t.Errorf("%s --quiet: %q", args[0], stderr)
		}
	}
}

// TestPostgresWithoutSSLMode: a postgres:// URL naming no sslmode works on
// a local server without SSL.
func TestPostgresWithoutSSLMode(t *testing.T) {
	u, err := url.Parse(storetest.FreshDatabase(t, storetest.PostgresURL(t)))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Del("sslmode")
	u.RawQuery = q.Encode()
	if _, stderr, code := runCLI(t, "load", "--quiet", "--db", "postgres", "--dbpath", u.String(), seedDir); code != 0 {
		t.Errorf("load into %s: exit %d %s", u, code, stderr)
	}
}
