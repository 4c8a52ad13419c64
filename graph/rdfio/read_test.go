package rdfio_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/ontology"
)

func readErr(t *testing.T, format, data string, o rdfio.ReadOptions) error {
	t.Helper()
	r := mustFormat(t, format).NewReader(strings.NewReader(data), o)
	defer r.Close()
	for {
		_, err := r.ReadQuad()
		if err == io.EOF {
			t.Fatalf("%s: malformed input read without error", format)
		}
		if err != nil {
			return err
		}
	}
}

func TestParseErrorsNameFileAndLine(t *testing.T) {
	cases := []struct {
		format, data string
		line         int
	}{
		{"turtle", "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b \"open .\n", 3},
		{"ntriples", "<http://e/a> <http://e/b> <http://e/c> .\n<http://e/a> <http://e/b> .\n", 2},
		{"nquads", "<http://e/a> <http://e/b> \"x\" <http://e/g> .\n\n<http://e/a> <http://e/b> \"x\" \"g\" .\n", 3},
		{"jsonld", "{\n  \"@id\": \"http://e/a\",\n  \"http://e/b\": [1,,]\n}\n", 3},
	}
	for _, c := range cases {
		err := readErr(t, c.format, c.data, rdfio.ReadOptions{Name: "export/bad"})
		var pe *rdfio.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %v is not a *ParseError", c.format, err)
			continue
		}
		if pe.File != "export/bad" || pe.Line != c.line || !strings.HasPrefix(err.Error(), "export/bad:") {
			t.Errorf("%s: error %q at %s:%d, want line %d", c.format, err, pe.File, pe.Line, c.line)
		}
	}
}

func TestJSONLDReaderIsOffline(t *testing.T) {
	ctx := readFile(t, "context.jsonld")
	const url = "https://w3id.org/assemblykg/context.jsonld"
	f := mustFormat(t, "jsonld")
	data := write(t, f, rdfio.Options{Context: ctx, ContextURL: url}, fixture())
	if !bytes.Contains(data, []byte(`"@context": "`+url+`"`)) {
		t.Fatalf("context URL not referenced:\n%s", clip(data))
	}
	got := read(t, f, data, rdfio.ReadOptions{Context: ctx, ContextURL: url})
	diffLines(t, "context by URL", canonical(fixture(), true), canonical(got, true))

	err := readErr(t, "jsonld", `{"@context": "http://example.org/other.jsonld", "@id": "http://e/a", "name": "x"}`,
		rdfio.ReadOptions{Name: "remote.jsonld", Context: ctx, ContextURL: url})
	if err == nil || !strings.Contains(err.Error(), "offline") {
		t.Errorf("remote context: error %v, want a refusal", err)
	}
}

func TestTurtleReaderResolvesBase(t *testing.T) {
	data := "<person/x> <http://xmlns.com/foaf/0.1/name> \"X\" .\n"
	got := read(t, mustFormat(t, "turtle"), []byte(data), rdfio.ReadOptions{Base: ontology.DefaultBase})
	if len(got) != 1 || got[0].Subject != iri("person/x") {
		t.Errorf("read %v", got)
	}
}

func TestReaderCloseEarly(t *testing.T) {
	data := write(t, mustFormat(t, "ntriples"), rdfio.Options{}, generate(20000))
	for _, name := range []string{"ntriples", "turtle", "nquads"} {
		r := mustFormat(t, name).NewReader(bytes.NewReader(data), rdfio.ReadOptions{})
		if _, err := r.ReadQuad(); err != nil {
			t.Fatal(err)
		}
		if err := r.Close(); err != nil {
			t.Errorf("%s: Close: %v", name, err)
		}
		if _, err := r.ReadQuad(); err == nil {
			t.Errorf("%s: ReadQuad after Close succeeded", name)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "export.nt")
	if err := os.WriteFile(path, []byte("old\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	failure := errors.New("mapping failed")
	err := rdfio.WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, "partial")
		return failure
	})
	if !errors.Is(err, failure) {
		t.Errorf("error %v does not wrap the write error", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old\n" {
		t.Errorf("failed write changed the file to %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}

	f := mustFormat(t, "ntriples")
	err = rdfio.WriteFileAtomic(path, func(w io.Writer) error {
		wr := f.NewWriter(w, rdfio.Options{})
		if _, err := wr.WriteQuads(fixture()); err != nil {
			return err
		}
		return wr.Close()
	})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if want := write(t, f, rdfio.Options{}, fixture()); !bytes.Equal(b, want) {
		t.Error("written file differs from the writer's output")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", fi.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}

	if err := rdfio.WriteFileAtomic(filepath.Join(dir, "missing", "x.nt"), func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}
