package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
	"github.com/assemblykg/assemblykg/internal/corpus"
)

// corpusInputs is the seed and, when the shared corpus sits beside the
// project, its development transcripts.
func corpusInputs(t *testing.T) []string {
	inputs := []string{seedDir}
	if dev := corpus.Path(corpus.Dev); dev != "" {
		inputs = append(inputs, dev)
	} else {
		t.Log("no dev corpus beside the repository: loading the seed only")
	}
	return inputs
}

// loadInto runs `assemblykg load` into a store and returns the answers of
// every named query and the number of quads.
func loadInto(t *testing.T, kind, path string, inputs []string) (string, int64) {
	t.Helper()
	args := append([]string{"load", "--quiet", "--db", kind, "--dbpath", path}, inputs...)
	if _, stderr, code := runCLI(t, args...); code != 0 {
		t.Fatalf("load into %s: exit %d: %s", kind, code, stderr)
	}
	s, err := store.Open(kind, path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	snap, err := storetest.Snapshot(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return string(snap), n
}

// TestSameAnswersOnEveryBackend loads the seed and the development corpus
// into the embedded store and into PostgreSQL and compares the answers of
// every named query; a second load changes nothing.
func TestSameAnswersOnEveryBackend(t *testing.T) {
	inputs := corpusInputs(t)
	boltPath := filepath.Join(t.TempDir(), "kg.db")
	want, quads := loadInto(t, store.Bolt, boltPath, inputs)
	if again, n := loadInto(t, store.Bolt, boltPath, inputs); again != want || n != quads {
		t.Errorf("loading twice changed the store: %d quads, was %d", n, quads)
	}
	if got, _ := loadInto(t, store.LevelDB, filepath.Join(t.TempDir(), "kg.ldb"), inputs); got != want {
		t.Errorf("leveldb answers differ from bolt's")
	}
	t.Run("postgres", func(t *testing.T) {
		u := storetest.FreshDatabase(t, storetest.PostgresURL(t))
		got, n := loadInto(t, store.Postgres, u, inputs)
		if got != want || n != quads {
			t.Errorf("postgres answers differ from bolt's (%d quads, bolt %d)", n, quads)
		}
	})
}

// TestLoadThenQueryMentions is the README's main job: load the seed, then
// ask who referenced which body.
func TestLoadThenQueryMentions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, code := runCLI(t, "load", "--quiet", "--dbpath", db, "../../seeds/"); code != 0 {
		t.Fatalf("load: exit %d: %s", code, stderr)
	}
	out, stderr, code := runCLI(t, "query", "mentions", "--dbpath", db, "--format", "tsv")
	if code != 0 {
		t.Fatalf("query: exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Jennette Arnold\tHome Office\t1\t2017-10-12\t2017-10-12\thttps://w3id.org/assemblykg/id/person/jennette-arnold\thttps://w3id.org/assemblykg/id/body/home-office",
		"Sadiq Khan\tLondon Modern Slavery Partnership Board\t2\t2017-10-12",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("query mentions lacks %q:\n%s", want, out)
		}
	}
}

// TestActsAreNoBodies: the seed's Mayor names the Modern Slavery Act; the
// queries about bodies leave it out however they start (from all mentions,
// from a speaker's turns, from a question's turns).
func TestActsAreNoBodies(t *testing.T) {
	db := filepath.Join(t.TempDir(), "kg.db")
	if _, stderr, code := runCLI(t, "load", "--quiet", "--dbpath", db, "../../seeds/"); code != 0 {
		t.Fatalf("load: exit %d: %s", code, stderr)
	}
	for _, args := range [][]string{
		{"quotes"}, {"quotes", "--speaker", "Sadiq Khan"}, {"quotes", "--question", "2017-10-12/modern-day-slavery"},
		{"mentions"}, {"mentions", "--speaker", "Sadiq Khan"}, {"mentions", "--by", "year"}, {"bodies"},
	} {
		out, stderr, code := runCLI(t, append(append([]string{"query"}, args...), "--dbpath", db, "--format", "tsv")...)
		if code != 0 {
			t.Fatalf("query %q: exit %d: %s", args, code, stderr)
		}
		if !strings.Contains(out, "\n") {
			t.Errorf("query %q gives no rows", args)
		}
		if strings.Contains(out, "\tModern Slavery Act") || strings.Contains(out, "/legislation/") {
			t.Errorf("query %q counts an Act as a body:\n%s", args, out)
		}
	}
}

// TestLoadFoldersSeparately: loading the seed and the development corpus in
// two runs gives the answers of loading them together: the second run's
// register graph adds to the first's instead of replacing it.
func TestLoadFoldersSeparately(t *testing.T) {
	inputs := corpusInputs(t)
	if len(inputs) < 2 {
		t.Skip("needs the development corpus")
	}
	together, _ := loadInto(t, store.Bolt, filepath.Join(t.TempDir(), "kg.db"), inputs)
	path := filepath.Join(t.TempDir(), "kg.db")
	loadInto(t, store.Bolt, path, inputs[:1])
	if apart, _ := loadInto(t, store.Bolt, path, inputs[1:]); apart != together {
		t.Errorf("two loads answer otherwise than one load of both folders")
	}
}
