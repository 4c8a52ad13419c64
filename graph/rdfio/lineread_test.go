package rdfio_test

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/knakk/rdf"

	"github.com/assemblykg/assemblykg/graph/rdfio"
)

// readAll reads every statement of data in the named format.
func readAll(format, data string) ([]quad.Quad, error) {
	f, ok := rdfio.ByName(format)
	if !ok {
		return nil, errors.New("no format " + format)
	}
	r := f.NewReader(strings.NewReader(data), rdfio.ReadOptions{Name: "in"})
	defer r.Close()
	var qs []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			return qs, nil
		}
		if err != nil {
			return qs, err
		}
		qs = append(qs, q)
	}
}

func TestLineReader(t *testing.T) {
	iri := func(s string) quad.IRI { return quad.IRI("http://e/" + s) }
	a, b, c, g := iri("a"), iri("b"), iri("c"), iri("g")
	long := strings.Repeat("é long turn ", 300_000) // 3.9 MB on one line
	cases := []struct {
		name, format, in string
		want             []quad.Quad
	}{
		{"comments, blank lines, CR LF, lone CR", "nquads",
			"# a dataset\r\n\r\n<http://e/a> <http://e/b> <http://e/c> . # trailing\r\n   \t\r<http://e/a> <http://e/b> <http://e/c> <http://e/g> .\r",
			[]quad.Quad{{Subject: a, Predicate: b, Object: c}, {Subject: a, Predicate: b, Object: c, Label: g}}},
		{"no white space between terms", "nquads",
			`<http://e/a><http://e/b>"x"@en-GB<http://e/g>.` + "\n" + `_:x<http://e/b>_:y.`,
			[]quad.Quad{{Subject: a, Predicate: b, Object: quad.LangString{Value: "x", Lang: "en-GB"}, Label: g},
				{Subject: quad.BNode("x"), Predicate: b, Object: quad.BNode("y")}}},
		{"escapes in strings and IRIs", "ntriples",
			`<http://e/\u00E9> <http://e/b> "t\tq\"b\\n\nu\u00e9U\U0001F687'\'" .`,
			[]quad.Quad{{Subject: iri("é"), Predicate: b, Object: quad.String("t\tq\"b\\n\nuéU🚇''")}}},
		{"datatypes: xsd:string is a plain string", "ntriples",
			`<http://e/a> <http://e/b> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .` + "\n" +
				`<http://e/a> <http://e/b> "s"^^<http://www.w3.org/2001/XMLSchema#string> .`,
			[]quad.Quad{{Subject: a, Predicate: b, Object: quad.TypedString{Value: "1", Type: "http://www.w3.org/2001/XMLSchema#integer"}},
				{Subject: a, Predicate: b, Object: quad.String("s")}}},
		{"blank node labels with dots, the last dot ends the statement", "nquads",
			"_:a.b.c <http://e/b> _:0-x	_:g.\n_:s <http://e/b> _:o .\n",
			[]quad.Quad{{Subject: quad.BNode("a.b.c"), Predicate: b, Object: quad.BNode("0-x"), Label: quad.BNode("g")},
				{Subject: quad.BNode("s"), Predicate: b, Object: quad.BNode("o")}}},
		{"a line longer than the read buffer", "nquads",
			`<http://e/a> <http://e/b> "` + long + `" <http://e/g> .` + "\n<http://e/a> <http://e/b> <http://e/c> .",
			[]quad.Quad{{Subject: a, Predicate: b, Object: quad.String(long), Label: g}, {Subject: a, Predicate: b, Object: c}}},
		{"no statements", "ntriples", "\n# nothing\n\t\n", nil},
	}
	for _, tc := range cases {
		got, err := readAll(tc.format, tc.in)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\ngot  %v\nwant %v", tc.name, clipQuads(got), clipQuads(tc.want))
		}
	}
}

func clipQuads(qs []quad.Quad) string {
	var b strings.Builder
	for _, q := range qs {
		s := q.String()
		if len(s) > 200 {
			s = s[:200] + "…"
		}
		b.WriteString(s + "\n")
	}
	return b.String()
}

func TestLineReaderErrors(t *testing.T) {
	const ok = "<http://e/a> <http://e/b> <http://e/c> .\n"
	cases := []struct {
		format, in string
		line, col  int
		msg        string
	}{
		{"nquads", ok + `<a> <http://e/b> <http://e/c> .`, 2, 1, "subject: invalid IRI: not absolute"},
		{"nquads", ok + ok + `<http://e/a> <http://e/b> "x\q" .`, 3, 29, `object: malformed escape`},
		{"nquads", `<http://e/a> <http://e/b> "open .`, 1, 27, `object: string not closed`},
		{"nquads", `"s" <http://e/b> <http://e/c> .`, 1, 1, "subject: a literal cannot be a subject"},
		{"nquads", `<http://e/a> _:p <http://e/c> .`, 1, 14, "predicate: want an IRI"},
		{"nquads", `<http://e/a> <http://e/b> <http://e/c>`, 1, 39, "want a graph label or '.'"},
		{"nquads", `<http://e/a> <http://e/b> <http://e/c> . x`, 1, 42, "unexpected text after"},
		{"nquads", `<http://e/a> <http://e/b> <http://e/c> "g" .`, 1, 40, "want a graph label or '.'"},
		{"ntriples", `<http://e/a> <http://e/b> <http://e/c> <http://e/g> .`, 1, 40, "want '.'"},
		{"ntriples", `<http://e/a> <http://e/b> "x"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .`, 1, 27, "rdf:langString without a language tag"},
		{"ntriples", "<http://e/a> <http://e/b> \"\xff\" .", 1, 27, "not valid UTF-8"},
		{"ntriples", `<http://e/a> <http://e/b> "x"@-en .`, 1, 31, "malformed language tag"},
		{"ntriples", `<http://e/a b> <http://e/b> <http://e/c> .`, 1, 12, "character ' ' is not allowed in an IRI"},
		{"ntriples", `<http://e/\u0020> <http://e/b> <http://e/c> .`, 1, 1, "invalid IRI"},
		{"ntriples", `<http://e/\uD800> <http://e/b> <http://e/c> .`, 1, 11, "malformed escape"},
		{"ntriples", `_: <http://e/b> <http://e/c> .`, 1, 1, "blank node label"},
		{"ntriples", `<http://e/a> <http://e/b> "x"^^<bad> .`, 1, 32, "datatype: invalid IRI"},
		{"ntriples", "<http://e/é> <http://e/b> \"x\" ~", 1, 31, "want '.'"},
	}
	for _, tc := range cases {
		_, err := readAll(tc.format, tc.in)
		var pe *rdfio.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s %q: error %v is not a *ParseError", tc.format, tc.in, err)
			continue
		}
		if pe.File != "in" || pe.Line != tc.line || pe.Col != tc.col || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("%s %q:\ngot  %d:%d %v\nwant %d:%d …%s…", tc.format, tc.in, pe.Line, pe.Col, err, tc.line, tc.col, tc.msg)
		}
	}
}

// TestLineReaderAgreesWithKnakk reads the N-Quads and N-Triples fixtures
// with the reader and with knakk/rdf's decoder, which the reader replaced.
func TestLineReaderAgreesWithKnakk(t *testing.T) {
	for _, name := range []string{"fixture.nq", "fixture.nt"} {
		data := string(readFile(t, name))
		got, err := readAll(map[string]string{"fixture.nq": "nquads", "fixture.nt": "ntriples"}[name], data)
		if err != nil {
			t.Fatal(err)
		}
		want, err := knakkQuads(data)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) < 10 || !equalLines(canonical(want, true), canonical(got, true)) {
			t.Errorf("%s: %d quads read, knakk read %d, or they differ:\n%s\n%s", name, len(got), len(want), clipQuads(got), clipQuads(want))
		}
	}
}

// knakkQuads reads N-Quads with knakk/rdf.
func knakkQuads(data string) ([]quad.Quad, error) {
	dec := rdf.NewQuadDecoder(strings.NewReader(data), rdf.NQuads)
	dec.DefaultGraph = nil
	var qs []quad.Quad
	for {
		kq, err := dec.Decode()
		if err == io.EOF {
			return qs, nil
		}
		if err != nil {
			return nil, err
		}
		q := quad.Quad{Subject: rdfio.FromKnakk(kq.Subj), Predicate: rdfio.FromKnakk(kq.Pred), Object: rdfio.FromKnakk(kq.Obj)}
		if kq.Ctx != nil {
			q.Label = rdfio.FromKnakk(kq.Ctx)
		}
		qs = append(qs, q)
	}
}

// FuzzLineReader reads arbitrary N-Quads. What the reader accepts must be
// written again by the N-Quads writer and read back unchanged, and equal
// what knakk/rdf reads when knakk accepts it too.
func FuzzLineReader(f *testing.F) {
	f.Add("<http://e/a> <http://e/b> \"x\\u00e9\\n\"@en-GB <http://e/g> .\n")
	f.Add("_:a.b <http://e/b> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> _:g .\r\n# c\r")
	f.Add("<http://e/a><http://e/b>_:c.")
	f.Add("<http://e/\\U0001F687> <http://e/b> \"\" .")
	f.Add("<a> <b> <c> .")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := readAll("nquads", in)
		if err != nil {
			var pe *rdfio.ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Col < 1 {
				t.Fatalf("error %v is not positioned", err)
			}
			return
		}
		var buf bytes.Buffer
		w := mustFormat(t, "nquads").NewWriter(&buf, rdfio.Options{})
		if _, err := w.WriteQuads(got); err != nil {
			t.Fatalf("read %v but cannot write it: %v", got, err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		again, err := readAll("nquads", buf.String())
		if err != nil || !slices.Equal(again, got) {
			t.Fatalf("round trip of %q:\nread  %v\nagain %v (%v)", in, got, again, err)
		}
		if want, err := knakkQuads(in); err == nil && !equalLines(canonical(want, true), canonical(got, true)) {
			t.Fatalf("%q: read %v, knakk %v", in, got, want)
		}
	})
}
