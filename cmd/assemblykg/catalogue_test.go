package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/internal/corpus"
	"github.com/assemblykg/assemblykg/internal/validate"
	"github.com/assemblykg/assemblykg/ontology"
)

var selectVars = regexp.MustCompile(`(?m)^SELECT (?:DISTINCT )?(.*)$`)

// twinColumns returns the variables a twin query selects, in order.
func twinColumns(q string) []string {
	m := selectVars.FindStringSubmatch(q)
	if m == nil {
		return nil
	}
	var out []string
	for _, f := range regexp.MustCompile(`\(.*?AS \?(\w+)\)|\?(\w+)`).FindAllStringSubmatch(m[1], -1) {
		out = append(out, f[1]+f[2])
	}
	return out
}

// canonical renders rows as sorted lines of tab-separated cells: lists
// sorted and joined with " | ", numbers as written.
func canonical(cols []store.Column, rows []map[string]string) []string {
	var out []string
	for _, r := range rows {
		cells := make([]string, len(cols))
		for i, c := range cols {
			v := r[c.Name]
			if c.Kind == "list" && v != "" {
				parts := strings.Split(v, " | ")
				slices.Sort(parts)
				v = strings.Join(parts, " | ")
			}
			cells[i] = v
		}
		out = append(out, strings.Join(cells, "\t"))
	}
	slices.Sort(out)
	return out
}

// cliRows runs a named query on the command line, as JSON, and returns
// its rows as text.
func cliRows(t *testing.T, db string, q *store.Query) []map[string]string {
	t.Helper()
	out, stderr, code := runCLI(t, "query", q.Name, "--dbpath", db, "--format", "json", "--limit", "1000000")
	if code != 0 {
		t.Fatalf("query %s: exit %d: %s", q.Name, code, stderr)
	}
	var res struct {
		Rows []map[string]any `json:"rows"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&res); err != nil {
		t.Fatalf("query %s: %v", q.Name, err)
	}
	var rows []map[string]string
	for _, r := range res.Rows {
		row := map[string]string{}
		for k, v := range r {
			switch v := v.(type) {
			case nil:
			case []any:
				var parts []string
				for _, p := range v {
					parts = append(parts, fmt.Sprint(p))
				}
				row[k] = strings.Join(parts, " | ")
			default:
				row[k] = fmt.Sprint(v)
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// TestQueriesAgreeWithSPARQL checks, for the seed and the development
// corpus, that every named query over the store gives the same rows as its
// SPARQL twin over the export, in rdflib and in Oxigraph with the union of
// the named graphs as the default graph.
func TestQueriesAgreeWithSPARQL(t *testing.T) {
	corpora := map[string][]string{"seed": {seedDir}}
	for _, rel := range corpus.Annotated {
		if dir := corpus.Path(rel); dir != "" {
			corpora[filepath.Base(dir)] = []string{dir}
		} else {
			t.Logf("no %s beside the project: not compared", rel)
		}
	}
	for name, inputs := range corpora {
		t.Run(name, func(t *testing.T) {
			nq := export(t, "nquads", inputs...)
			db := filepath.Join(t.TempDir(), "kg.db")
			if _, stderr, code := runCLI(t, append([]string{"load", "--quiet", "--dbpath", db}, inputs...)...); code != 0 {
				t.Fatalf("load: exit %d: %s", code, stderr)
			}
			for _, q := range store.Catalogue() {
				if q.Twin == "" {
					continue
				}
				t.Run(q.Name, func(t *testing.T) {
					sparql, ok := ontology.Query(q.Twin)
					if !ok {
						t.Fatalf("no ontology/queries/%s.rq", q.Twin)
					}
					cols := q.Columns()
					var names []string
					for _, c := range cols {
						names = append(names, c.Name)
					}
					if got := twinColumns(sparql); !slices.Equal(got, names) {
						t.Fatalf("%s.rq selects %q, the query has columns %q", q.Twin, got, names)
					}
					want := canonical(cols, cliRows(t, db, q))
					for _, row := range want {
						// The seed names the Modern Slavery Act: an Act is no body.
						if strings.Contains(row, "/legislation/") {
							t.Errorf("an Act in a row of %s: %s", q.Name, row)
						}
					}
					if len(want) == 0 && name != "seeds" {
						t.Errorf("query %s gives no rows on %s", q.Name, name)
					}
					for _, engine := range []string{"rdflib", "oxigraph"} {
						got := canonical(cols, validate.SPARQLRows(t, engine, nq, sparql))
						if !slices.Equal(got, want) {
							t.Errorf("%s.rq in %s: %d rows, the store %d\n%s", q.Twin, engine, len(got), len(want), diffLines(want, got))
						}
					}
				})
			}
			// The other shipped queries give the same rows in both engines,
			// whether or not a triple is repeated in several graphs.
			for _, name := range []string{"mentions", "claims", "turns"} {
				sparql, _ := ontology.Query(name)
				a := validate.SPARQLRows(t, "rdflib", nq, sparql)
				b := validate.SPARQLRows(t, "oxigraph", nq, sparql)
				if len(a) != len(b) || len(a) == 0 && name != "seeds" {
					t.Errorf("%s.rq: %d rows in rdflib, %d in Oxigraph", name, len(a), len(b))
				}
			}
		})
	}
}

// diffLines shows the first lines only one side has.
func diffLines(want, got []string) string {
	var b bytes.Buffer
	n := 0
	for _, w := range want {
		if !slices.Contains(got, w) && n < 5 {
			fmt.Fprintf(&b, "  store only:  %s\n", w)
			n++
		}
	}
	n = 0
	for _, g := range got {
		if !slices.Contains(want, g) && n < 5 {
			fmt.Fprintf(&b, "  sparql only: %s\n", g)
			n++
		}
	}
	return b.String()
}
