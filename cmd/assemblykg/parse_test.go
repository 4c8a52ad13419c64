package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseBadInputs: each kind of bad input gives its file:line:col on
// stderr and exit 1, and the good file beside it is still printed.
func TestParseBadInputs(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join(seedDir, "2017-10-12-modern-day-slavery.txt"))
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, seed, 0o644)
	bad := map[string]struct{ data, where string }{
		"empty.txt":     {"", ":1:1: empty file"},
		"binary.txt":    {"Title\n\nab\x00", ":3:3: binary data"},
		"latin1.txt":    {"Title\nSession date: \nJun\xe9 2012\n", ":3:4: not UTF-8"},
		"notes.txt":     {"\nJust some notes.\n", ":2:1: no transcript header"},
		"utf16.txt":     {"\xff\xfeT\x00", ":1:1: not UTF-8"},
		"truncated.txt": {string(seed[:200]), ""}, // cut short: still a transcript
	}
	for name, b := range bad {
		os.WriteFile(filepath.Join(dir, name), []byte(b.data), 0o644)
	}
	out, stderr, code := runCLI(t, "parse", dir)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	for name, b := range bad {
		if b.where != "" && !strings.Contains(stderr, filepath.Join(dir, name)+b.where) {
			t.Errorf("stderr lacks %s%s:\n%s", name, b.where, stderr)
		}
	}
	dec := json.NewDecoder(strings.NewReader(out))
	files := map[string]int{}
	for dec.More() {
		var tr struct {
			File  string
			Turns []json.RawMessage
		}
		if err := dec.Decode(&tr); err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(tr.File)] = len(tr.Turns)
	}
	if files["good.txt"] != 14 || files["truncated.txt"] != 1 || len(files) != 2 {
		t.Errorf("printed transcripts: %v, want good.txt (14 turns) and truncated.txt (1)", files)
	}
}

// TestExportStdin reads a transcript from standard input.
func TestExportStdin(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join(seedDir, "2017-10-12-modern-day-slavery.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"export", "-f", "nquads", "-"}, streams{in: bytes.NewReader(seed), out: &out, err: &errb})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "<https://w3id.org/assemblykg/id/graph/2017-10-12/modern-day-slavery> .") {
		t.Errorf("stdin export lacks the seed's graph")
	}
}

// TestBaseFlag: --base is checked when the flags are parsed, the same way
// by every command that takes it: a base that is not an absolute IRI is a
// usage error (exit 2) before any input is read.
func TestBaseFlag(t *testing.T) {
	for _, args := range [][]string{
		{"export", "--base", "foo", seedDir},
		{"export", "--base", "", seedDir},
		{"load", "--db", "memory", "--base", "https://exa mple.org/", seedDir},
		{"links", "--unlinked", "--base", "id/"},
		{"export", "--base", "foo", "no-such-input"},
	} {
		_, stderr, code := runCLI(t, args...)
		if code != exitUsage || !strings.Contains(stderr, "is not an absolute IRI") {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 naming the base", args, code, stderr)
		}
	}
	out, stderr, code := runCLI(t, "export", "-f", "ntriples", "--base", "http://example.org/kg", seedDir)
	if code != 0 || !strings.Contains(out, "<http://example.org/kg/person/") {
		t.Errorf("export --base without a final /: exit %d, %s", code, stderr)
	}
	if _, stderr, code := runCLI(t, "parse", "--bodies", "b.csv", seedDir); code != exitUsage || !strings.Contains(stderr, "unknown flag: --bodies") {
		t.Errorf("parse --bodies: exit %d, %s; parse maps nothing and takes no --bodies", code, stderr)
	}
}
