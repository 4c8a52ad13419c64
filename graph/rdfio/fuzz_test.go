package rdfio_test

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"testing"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/ontology"
)

var (
	validIRI  = regexp.MustCompile("^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>\"{}|^`\\\\]*$")
	validLang = regexp.MustCompile(`^[a-zA-Z]+(-[a-zA-Z0-9]+)*$`)
)

// FuzzTextWriters writes arbitrary strings as literals, language tags and
// IRI parts with the N-Triples, N-Quads and Turtle writers. Each quad must
// either read back unchanged through knakk/rdf or be refused with
// ErrInvalidIRI / ErrInvalidLiteral, and refused exactly when it breaks the
// documented rules.
func FuzzTextWriters(f *testing.F) {
	f.Add("plain", "local", "en")
	f.Add("quote \" backslash \\ newline \n cr \r tab \t", "a(b)", "en-GB")
	f.Add("é 倫敦 🚇 \u00a0 \x00 \x7f", "x.", "zh-Hant-TW")
	f.Add("", "-y", "")
	f.Add("\xff", "a b", "en_GB")
	f.Add("\\u0041", "~&'", "1a")
	f.Fuzz(func(t *testing.T, text, local, tag string) {
		ns := ontology.AKG
		s := quad.IRI("http://example.org/" + local)
		qs := []quad.Quad{
			{Subject: s, Predicate: ontology.SchemaText, Object: quad.String(text)},
			{Subject: s, Predicate: ontology.SchemaText, Object: typed(text, quad.IRI(ns+local))},
			{Subject: quad.IRI(ns + local), Predicate: quad.IRI(ns + local), Object: quad.IRI(ns + local), Label: quad.IRI(ns + local)},
			{Subject: s, Predicate: ontology.SchemaName, Object: lang(text, tag)},
		}
		// A LangString without a tag is written as a plain string.
		textOK := utf8.ValidString(text)
		iriOK := utf8.ValidString(local) && validIRI.MatchString("http://example.org/"+local)
		valid := []bool{iriOK && textOK, iriOK && textOK, iriOK, iriOK && textOK && (tag == "" || validLang.MatchString(tag))}
		for _, name := range []string{"ntriples", "nquads", "turtle"} {
			format := mustFormat(t, name)
			for i, q := range qs {
				var buf bytes.Buffer
				w := format.NewWriter(&buf, rdfio.Options{Prefixes: ontology.Prefixes})
				_, err := w.WriteQuads([]quad.Quad{q})
				if cerr := w.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					if valid[i] || !(errors.Is(err, rdfio.ErrInvalidIRI) || errors.Is(err, rdfio.ErrInvalidLiteral)) {
						t.Fatalf("%s refused %v: %v", name, q, err)
					}
					continue
				}
				if !valid[i] {
					t.Fatalf("%s wrote invalid quad %v:\n%s", name, q, buf.Bytes())
				}
				r := format.NewReader(bytes.NewReader(buf.Bytes()), rdfio.ReadOptions{})
				var got []quad.Quad
				for {
					rq, err := r.ReadQuad()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("%s output of %v does not parse: %v\n%s", name, q, err, buf.Bytes())
					}
					got = append(got, rq)
				}
				r.Close()
				want := canonical([]quad.Quad{q}, format.Quads)
				if g := canonical(got, format.Quads); !equalLines(want, g) {
					t.Fatalf("%s round trip of %v:\nwant %q\ngot  %q\n%s", name, q, want, g, buf.Bytes())
				}
			}
		}
	})
}

func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
