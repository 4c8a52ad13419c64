package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/assemblykg/assemblykg/internal/corpus"
	"github.com/assemblykg/assemblykg/internal/validate"
	"github.com/assemblykg/assemblykg/ontology"
)

// TestMentionsByGroupQuery runs ontology/queries/mentions_by_group.rq with
// rdflib: on the seed it gives the rows below; on the dev corpus the rows
// counted straight from the export's quads.
func TestMentionsByGroupQuery(t *testing.T) {
	validate.Rdflib(t)
	seed := []string{
		"London Assembly Labour Group\t2017\tMetropolitan Police Service\t1\t7",
		"London Assembly Labour Group\t2017\tMayor's Office for Policing and Crime\t1\t3",
		"London Assembly Labour Group\t2017\tEvening Standard\t1\t2",
		"London Assembly Labour Group\t2017\tLondon Modern Slavery Partnership Board\t1\t2",
		"London Assembly Labour Group\t2017\tCrown Prosecution Service\t1\t1",
		"London Assembly Labour Group\t2017\tHome Office\t1\t1",
	}
	if got := byGroupRows(t, export(t, "ntriples", seedDir)); strings.Join(got, "\n") != strings.Join(seed, "\n") {
		t.Errorf("seed rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(seed, "\n"))
	}

	dev := corpus.Path(corpus.Dev)
	if dev == "" {
		t.Skip("no dev corpus beside the repository")
	}
	nt := export(t, "ntriples", dev)
	got, want := byGroupRows(t, nt), countByGroup(t, nt)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("dev rows from SPARQL:\n%s\ncounted from the quads:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, row := range []string{
		"London Assembly UKIP Group\t2017\tGarden Bridge Trust\t2\t2",
		"London Assembly Liberal Democrat Group\t2017\tTransport for London\t1\t4",
		"London Assembly Conservative Group\t2012\tMayor's Office for Policing and Crime\t1\t3",
	} {
		if !contains(got, row) {
			t.Errorf("dev rows lack %q", row)
		}
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// byGroupRows runs the shipped query over N-Triples with rdflib.
func byGroupRows(t *testing.T, nt []byte) []string {
	t.Helper()
	dir := t.TempDir()
	data, qf := filepath.Join(dir, "data.nt"), filepath.Join(dir, "q.rq")
	q, ok := ontology.Query("mentions_by_group")
	if !ok {
		t.Fatal("no query mentions_by_group")
	}
	os.WriteFile(data, nt, 0o644)
	os.WriteFile(qf, []byte(q), 0o644)
	script := `import sys, rdflib
g = rdflib.Graph(); g.parse(sys.argv[1], format="nt")
for r in g.query(open(sys.argv[2], encoding="utf-8").read()): print("\t".join(str(x) for x in r))`
	out, err := exec.Command(validate.Python, "-c", script, data, qf).CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib: %v\n%s", err, out)
	}
	return strings.Split(strings.TrimRight(string(out), "\n"), "\n")
}

// countByGroup counts the same rows from the quads, without SPARQL: for each
// mention, its turn's question, the question's group and year.
func countByGroup(t *testing.T, nt []byte) []string {
	t.Helper()
	obj := map[quad.Value]map[quad.IRI][]quad.Value{}
	r := nquads.NewReader(strings.NewReader(string(nt)), false)
	for {
		q, err := r.ReadQuad()
		if err != nil {
			break
		}
		if obj[q.Subject] == nil {
			obj[q.Subject] = map[quad.IRI][]quad.Value{}
		}
		p := q.Predicate.(quad.IRI)
		obj[q.Subject][p] = append(obj[q.Subject][p], q.Object)
	}
	first := func(s quad.Value, p quad.IRI) quad.Value {
		if vs := obj[s][p]; len(vs) > 0 {
			return vs[0]
		}
		return nil
	}
	label := func(s quad.Value) string { return string(first(s, ontology.SKOSPrefLabel).(quad.String)) }
	type key struct{ group, year, body string }
	questions, mentions := map[key]map[quad.Value]bool{}, map[key]int{}
	for s, po := range obj {
		isMention := false
		for _, ty := range po[ontology.RDFType] {
			isMention = isMention || ty == ontology.Mention
		}
		if !isMention {
			continue
		}
		question := first(first(s, ontology.InTurn), ontology.DCTIsPartOf)
		group, date := first(question, ontology.OpenGovOnBehalfOf), first(question, ontology.DCTDate)
		if group == nil || date == nil {
			continue
		}
		k := key{label(group), string(date.(quad.TypedString).Value)[:4], label(first(s, ontology.ITSTaIdentRef))}
		if questions[k] == nil {
			questions[k] = map[quad.Value]bool{}
		}
		questions[k][question] = true
		mentions[k]++
	}
	keys := make([]key, 0, len(mentions))
	for k := range mentions {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.group != b.group {
			return a.group < b.group
		}
		if a.year != b.year {
			return a.year < b.year
		}
		if mentions[a] != mentions[b] {
			return mentions[a] > mentions[b]
		}
		return a.body < b.body
	})
	rows := make([]string, len(keys))
	for i, k := range keys {
		rows[i] = fmt.Sprintf("%s\t%s\t%s\t%d\t%d", k.group, k.year, k.body, len(questions[k]), mentions[k])
	}
	return rows
}
