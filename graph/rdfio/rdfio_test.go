package rdfio_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/ontology"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writerCase is one way of configuring a format's writer.
type writerCase struct {
	name   string
	format string
	opts   rdfio.Options
}

func writerCases(t testing.TB) []writerCase {
	ctx := readFile(t, "context.jsonld")
	ctxBase := readFile(t, "context_base.jsonld")
	return []writerCase{
		{"turtle", "turtle", rdfio.Options{Prefixes: ontology.Prefixes}},
		{"turtle-noprefixes", "turtle", rdfio.Options{}},
		{"ntriples", "ntriples", rdfio.Options{}},
		{"nquads", "nquads", rdfio.Options{}},
		{"trig", "trig", rdfio.Options{Prefixes: ontology.Prefixes}},
		{"trig-noprefixes", "trig", rdfio.Options{}},
		{"jsonld", "jsonld", rdfio.Options{Context: ctx}},
		{"jsonld-base-vocab-language", "jsonld", rdfio.Options{Context: ctxBase}},
		{"jsonld-nocontext", "jsonld", rdfio.Options{}},
	}
}

func mustFormat(t testing.TB, name string) rdfio.Format {
	t.Helper()
	f, ok := rdfio.ByName(name)
	if !ok {
		t.Fatalf("format %q not registered", name)
	}
	return f
}

func write(t testing.TB, f rdfio.Format, o rdfio.Options, qs []quad.Quad) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := f.NewWriter(&buf, o)
	if n, err := w.WriteQuads(qs); err != nil {
		t.Fatalf("%s: WriteQuads wrote %d of %d: %v", f.Name, n, len(qs), err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("%s: Close: %v", f.Name, err)
	}
	return buf.Bytes()
}

func read(t testing.TB, f rdfio.Format, data []byte, o rdfio.ReadOptions) []quad.Quad {
	t.Helper()
	r := f.NewReader(bytes.NewReader(data), o)
	defer r.Close()
	var out []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s: reading back: %v\n%s", f.Name, err, clip(data))
		}
		out = append(out, q)
	}
}

func clip(b []byte) string {
	if len(b) > 3000 {
		return string(b[:3000]) + "\n[...]"
	}
	return string(b)
}

// canonical renders quads as sorted, de-duplicated N-Quads-like lines that
// compare equal exactly when the RDF datasets are equal: xsd:string and
// plain literals are the same, language tags compare case-insensitively and
// blank nodes are relabelled by position. It does not use the writers.
func canonical(qs []quad.Quad, keepGraph bool) []string {
	term := func(v quad.Value) string {
		switch v := v.(type) {
		case nil:
			return ""
		case quad.IRI:
			return "<" + string(v) + ">"
		case quad.BNode:
			return "_:"
		case quad.String:
			return strconv.Quote(string(v))
		case quad.LangString:
			if v.Lang == "" {
				return strconv.Quote(string(v.Value))
			}
			return strconv.Quote(string(v.Value)) + "@" + strings.ToLower(v.Lang)
		case quad.TypedString:
			if v.Type == ontology.XSDString {
				return strconv.Quote(string(v.Value))
			}
			return strconv.Quote(string(v.Value)) + "^^<" + string(v.Type) + ">"
		case quad.Int: // written with the full xsd:integer IRI
			return strconv.Quote(strconv.FormatInt(int64(v), 10)) + "^^<" + string(ontology.XSDInteger) + ">"
		case quad.Bool: // written as "true"/"false", not quad's "True"/"False"
			return strconv.Quote(strconv.FormatBool(bool(v))) + "^^<" + string(ontology.XSDBoolean) + ">"
		}
		return fmt.Sprintf("?%T", v)
	}
	// Blank nodes get labels from their neighbourhoods: each node's colour
	// starts from the masked lines it appears in and is refined with the
	// colours of its neighbours, then labels follow the sorted colours.
	if !keepGraph {
		dropped := make([]quad.Quad, len(qs))
		for i, q := range qs {
			q.Label = nil
			dropped[i] = q
		}
		qs = dropped
	}
	colour := map[quad.BNode]string{}
	for _, q := range qs {
		for _, v := range []quad.Value{q.Subject, q.Object, q.Label} {
			if b, ok := v.(quad.BNode); ok {
				colour[b] = ""
			}
		}
	}
	render := func(q quad.Quad, self quad.BNode, named map[quad.BNode]string) string {
		var parts []string
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			b, isB := v.(quad.BNode)
			switch {
			case isB && named != nil:
				parts = append(parts, named[b])
			case isB && b == self:
				parts = append(parts, "_:self")
			case isB:
				parts = append(parts, "_:"+colour[b])
			default:
				parts = append(parts, term(v))
			}
		}
		return strings.Join(parts, " ")
	}
	for round := 0; round < 4 && len(colour) > 0; round++ {
		next := map[quad.BNode]string{}
		for b := range colour {
			var sig []string
			for _, q := range qs {
				if q.Subject == b || q.Object == b || q.Label == b {
					sig = append(sig, render(q, b, nil))
				}
			}
			slices.Sort(sig)
			next[b] = fmt.Sprintf("%x", sha256.Sum256([]byte(strings.Join(sig, "\n"))))[:12]
		}
		colour = next
	}
	nodes := make([]quad.BNode, 0, len(colour))
	for b := range colour {
		nodes = append(nodes, b)
	}
	slices.SortFunc(nodes, func(a, b quad.BNode) int { return strings.Compare(colour[a], colour[b]) })
	named := map[quad.BNode]string{}
	for i, b := range nodes {
		named[b] = fmt.Sprintf("_:c%d", i)
	}
	out := make([]string, 0, len(qs))
	for _, q := range qs {
		out = append(out, render(q, "", named))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func diffLines(t testing.TB, what string, want, got []string) {
	t.Helper()
	if slices.Equal(want, got) {
		return
	}
	var missing, extra []string
	for _, w := range want {
		if _, found := slices.BinarySearch(got, w); !found {
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		if _, found := slices.BinarySearch(want, g); !found {
			extra = append(extra, g)
		}
	}
	if len(missing) > 10 {
		missing = missing[:10]
	}
	if len(extra) > 10 {
		extra = extra[:10]
	}
	t.Errorf("%s: %d quads expected, %d got\nmissing:\n  %s\nextra:\n  %s", what, len(want), len(got),
		strings.Join(missing, "\n  "), strings.Join(extra, "\n  "))
}

func parseNQuads(t testing.TB, what string, data string) []quad.Quad {
	t.Helper()
	f := mustFormat(t, "nquads")
	r := f.NewReader(strings.NewReader(data), rdfio.ReadOptions{Name: what})
	defer r.Close()
	var out []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("%s output: %v\n%s", what, err, clip([]byte(data)))
		}
		out = append(out, q)
	}
}

var datasets = []struct {
	name  string
	quads func() []quad.Quad
}{
	{"fixture", fixture},
	{"edge", edgeCases},
	{"bnodes", blankNodes},
	{"generated", func() []quad.Quad { return generate(2000) }},
}

// TestRoundTrip writes every dataset with every writer and reads it back
// with the format's reader (knakk/rdf, json-gold). TriG, which has no reader,
// is read by the external validators.
func TestRoundTrip(t *testing.T) {
	for _, wc := range writerCases(t) {
		f := mustFormat(t, wc.format)
		if f.NewReader == nil {
			continue
		}
		for _, ds := range datasets {
			t.Run(wc.name+"/"+ds.name, func(t *testing.T) {
				qs := ds.quads()
				data := write(t, f, wc.opts, qs)
				got := read(t, f, data, rdfio.ReadOptions{Name: ds.name})
				diffLines(t, "round trip", canonical(qs, f.Quads), canonical(got, f.Quads))
			})
		}
	}
}

func TestRegistry(t *testing.T) {
	var names []string
	for _, f := range rdfio.Formats() {
		names = append(names, f.Name)
	}
	if want := []string{"jsonld", "nquads", "ntriples", "trig", "turtle"}; !slices.Equal(names, want) {
		t.Errorf("Formats() = %v, want %v", names, want)
	}
	for ext, want := range map[string]string{
		".ttl": "turtle", ".TTL": "turtle", "nt": "ntriples", ".nq": "nquads",
		".JsonLD": "jsonld", "export/all.nq": "nquads", ".trig": "trig",
	} {
		f, ok := rdfio.ByExt(ext)
		if !ok || f.Name != want {
			t.Errorf("ByExt(%q) = %q, %v; want %q", ext, f.Name, ok, want)
		}
	}
	for _, ext := range []string{".json", ".rdf", "", ".trix"} {
		if f, ok := rdfio.ByExt(ext); ok {
			t.Errorf("ByExt(%q) = %q, want none", ext, f.Name)
		}
	}
	for name, mt := range map[string]string{
		"turtle": "text/turtle", "ntriples": "application/n-triples",
		"nquads": "application/n-quads", "JSONLD": "application/ld+json",
	} {
		f, ok := rdfio.ByName(name)
		if !ok || f.MediaType != mt || f.NewReader == nil {
			t.Errorf("ByName(%q) = %+v, %v", name, f, ok)
		}
	}
	for _, name := range []string{"nquads", "trig", "jsonld"} {
		if f, _ := rdfio.ByName(name); !f.Quads {
			t.Errorf("%s does not keep graphs", name)
		}
	}
	if f, _ := rdfio.ByName("trig"); f.MediaType != "application/trig" {
		t.Errorf("trig media type %q", f.MediaType)
	}
	if f, _ := rdfio.ByName("turtle"); f.Quads {
		t.Error("turtle claims to keep graphs")
	}
	defer func() {
		if recover() == nil {
			t.Error("registering turtle twice did not panic")
		}
	}()
	f, _ := rdfio.ByName("turtle")
	rdfio.Register(f)
}

// TestInvalidTerms checks that every writer refuses the same quads with the
// same typed error, and writes nothing of them.
func TestInvalidTerms(t *testing.T) {
	p := ontology.SchemaText
	s := iri("ok")
	cases := []struct {
		name string
		q    quad.Quad
		want error
	}{
		{"space in IRI", quad.Quad{Subject: quad.IRI("http://example.org/a b"), Predicate: p, Object: quad.String("x")}, rdfio.ErrInvalidIRI},
		{"angle in IRI", quad.Quad{Subject: s, Predicate: p, Object: quad.IRI("http://example.org/<a>")}, rdfio.ErrInvalidIRI},
		{"relative IRI", quad.Quad{Subject: quad.IRI("person/x"), Predicate: p, Object: quad.String("x")}, rdfio.ErrInvalidIRI},
		{"newline in IRI", quad.Quad{Subject: s, Predicate: quad.IRI("http://example.org/p\n"), Object: quad.String("x")}, rdfio.ErrInvalidIRI},
		{"invalid UTF-8 IRI", quad.Quad{Subject: quad.IRI("http://example.org/\xff"), Predicate: p, Object: quad.String("x")}, rdfio.ErrInvalidIRI},
		{"invalid UTF-8 literal", quad.Quad{Subject: s, Predicate: p, Object: quad.String("bad \xc3\x28")}, rdfio.ErrInvalidLiteral},
		{"bad language tag", quad.Quad{Subject: s, Predicate: p, Object: lang("x", "en_GB")}, rdfio.ErrInvalidLiteral},
		{"empty language subtag", quad.Quad{Subject: s, Predicate: p, Object: lang("x", "en-")}, rdfio.ErrInvalidLiteral},
		{"bad datatype", quad.Quad{Subject: s, Predicate: p, Object: typed("x", "not an iri")}, rdfio.ErrInvalidIRI},
		{"literal subject", quad.Quad{Subject: quad.String("x"), Predicate: p, Object: quad.String("x")}, rdfio.ErrInvalidTerm},
		{"bnode predicate", quad.Quad{Subject: s, Predicate: quad.BNode("p"), Object: quad.String("x")}, rdfio.ErrInvalidTerm},
		{"literal graph", quad.Quad{Subject: s, Predicate: p, Object: quad.String("x"), Label: quad.String("g")}, rdfio.ErrInvalidTerm},
		{"missing object", quad.Quad{Subject: s, Predicate: p}, rdfio.ErrInvalidTerm},
	}
	for _, wc := range writerCases(t) {
		f := mustFormat(t, wc.format)
		for _, c := range cases {
			var buf bytes.Buffer
			w := f.NewWriter(&buf, wc.opts)
			_, err := w.WriteQuads([]quad.Quad{c.q})
			var te *rdfio.TermError
			if !errors.Is(err, c.want) || !errors.As(err, &te) {
				t.Errorf("%s: %s: WriteQuad error %v, want %v", wc.name, c.name, err, c.want)
			}
			if cerr := w.Close(); !errors.Is(cerr, c.want) {
				t.Errorf("%s: %s: Close returned %v after a failed write", wc.name, c.name, cerr)
			}
			if bytes.Contains(buf.Bytes(), []byte("example.org")) {
				t.Errorf("%s: %s: refused quad was written:\n%s", wc.name, c.name, buf.Bytes())
			}
		}
	}
}

func TestWriteAfterClose(t *testing.T) {
	for _, f := range rdfio.Formats() {
		w := f.NewWriter(io.Discard, rdfio.Options{})
		if err := w.Close(); err != nil {
			t.Errorf("%s: Close of an empty writer: %v", f.Name, err)
		}
		if err := w.Close(); err != nil {
			t.Errorf("%s: second Close: %v", f.Name, err)
		}
		if _, err := w.WriteQuads(fixture()[:1]); !errors.Is(err, rdfio.ErrClosed) {
			t.Errorf("%s: WriteQuad after Close = %v, want ErrClosed", f.Name, err)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestCloseReportsWriteErrors(t *testing.T) {
	for _, f := range rdfio.Formats() {
		w := f.NewWriter(failingWriter{}, rdfio.Options{})
		w.WriteQuads(fixture())
		if err := w.Close(); err == nil || !strings.Contains(err.Error(), "disk full") {
			t.Errorf("%s: Close = %v, want the write error", f.Name, err)
		}
	}
}

// TestEmpty checks that writing nothing gives a valid empty document.
func TestEmpty(t *testing.T) {
	for _, wc := range writerCases(t) {
		f := mustFormat(t, wc.format)
		if f.NewReader == nil {
			continue
		}
		data := write(t, f, wc.opts, nil)
		if got := read(t, f, data, rdfio.ReadOptions{}); len(got) != 0 {
			t.Errorf("%s: empty output read back as %d quads", wc.name, len(got))
		}
	}
}

func TestGolden(t *testing.T) {
	ctx := readFile(t, "context.jsonld")
	for _, f := range rdfio.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			data := write(t, f, rdfio.Options{Prefixes: ontology.Prefixes, Context: ctx}, fixture())
			path := filepath.Join("testdata", "fixture"+f.Extensions[0])
			if *update {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(want, data) {
				t.Errorf("%s differs from the writer's output; run go test -update and review the diff", path)
			}
		})
	}
}

// TestGraphsInTurtleAndTriG: Turtle says once that it merged the graphs,
// and only when there were graphs; TriG opens a block per run of quads of
// one graph and writes unlabelled quads outside blocks.
func TestGraphsInTurtleAndTriG(t *testing.T) {
	s, p := iri("s"), ontology.SchemaText
	g1, g2 := iri("graph/1"), iri("graph/2")
	unlabelled := []quad.Quad{{Subject: s, Predicate: p, Object: quad.String("a")}}
	labelled := []quad.Quad{
		{Subject: s, Predicate: p, Object: quad.String("a")},
		{Subject: s, Predicate: p, Object: quad.String("b"), Label: g1},
		{Subject: s, Predicate: p, Object: quad.String("c"), Label: g1},
		{Subject: s, Predicate: p, Object: quad.String("d"), Label: g2},
		{Subject: s, Predicate: p, Object: quad.String("e")},
	}
	ttl, trig := mustFormat(t, "turtle"), mustFormat(t, "trig")
	if out := string(write(t, ttl, rdfio.Options{}, unlabelled)); strings.Contains(out, "#") {
		t.Errorf("Turtle without graphs has a comment:\n%s", out)
	}
	out := string(write(t, ttl, rdfio.Options{}, labelled))
	if n := strings.Count(out, "# Named graphs merged"); n != 1 {
		t.Errorf("Turtle with graphs: %d merge comments, want 1:\n%s", n, out)
	}
	got := read(t, ttl, []byte(out), rdfio.ReadOptions{})
	diffLines(t, "turtle with comment", canonical(labelled, false), canonical(got, false))
	want := `<https://w3id.org/assemblykg/id/s>
    <http://schema.org/text> "a" .

<https://w3id.org/assemblykg/id/graph/1> {
<https://w3id.org/assemblykg/id/s>
    <http://schema.org/text> "b", "c" .
}

<https://w3id.org/assemblykg/id/graph/2> {
<https://w3id.org/assemblykg/id/s>
    <http://schema.org/text> "d" .
}

<https://w3id.org/assemblykg/id/s>
    <http://schema.org/text> "e" .
`
	if out := string(write(t, trig, rdfio.Options{}, labelled)); out != want {
		t.Errorf("TriG:\n%s\nwant:\n%s", out, want)
	}
}
