package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

func sumGraph(label, turn, mention, speaker, body, date string) Graph {
	l := quad.IRI(label)
	return Graph{Label: l, Quads: []quad.Quad{
		{Subject: quad.IRI(turn), Predicate: ontology.RDFType, Object: ontology.OpenGovSpeech},
		{Subject: quad.IRI(turn), Predicate: ontology.SchemaCreator, Object: quad.IRI(speaker)},
		{Subject: quad.IRI(turn), Predicate: ontology.DCTDate, Object: quad.TypedString{Value: quad.String(date), Type: "http://www.w3.org/2001/XMLSchema#date"}},
		{Subject: quad.IRI(mention), Predicate: ontology.RDFType, Object: ontology.Mention},
		{Subject: quad.IRI(mention), Predicate: ontology.InTurn, Object: quad.IRI(turn)},
		{Subject: quad.IRI(mention), Predicate: ontology.ITSTaIdentRef, Object: quad.IRI(body)},
	}}
}

func sumCounts(t *testing.T, s *Store) map[string]int64 {
	t.Helper()
	got := map[string]int64{}
	if err := s.sum.view(context.Background(), func(tx sumTx) error {
		return tx.scan("", false, func(k string, n int64) bool { got[k] = n; return true })
	}); err != nil {
		t.Fatal(err)
	}
	return got
}

// A batch whose counts were never added (the process died between writing
// its quads and its counts) leaves the dirty mark: the next open recounts.
func TestSummariesAfterCrash(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "db")
	s, err := Open(Bolt, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	g1 := sumGraph("g:1", "t:1", "m:1", "p:a", "b:x", "2020-01-02")
	if _, err := s.Load(ctx, func(yield func(Graph, error) bool) { yield(g1, nil) }, LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{
		sumVersion: sumFormat, "b\x00b:x": 1, "n\x00b:x\x00p:a": 1, "s\x00p:a\x00b:x": 1,
		"d\x00b:x\x00p:a\x002020-01-02": 1, "y\x00b:x\x002020": 1, "t\x00p:a": 1,
		"w\x00b:x\x002020": 1, "r\x00b:x\x00": 1, "R\x00b:x\x00": 1,
		"D\x00b:x\x002020-01-02": 1, "M\x00b:x\x002020-01-02\x00m:1": 1,
		"Y\x00b:x\x002020-01-02": 1, "W\x00b:x\x002020-01-02": 1, "o\x00b:x\x00\x002020-01-02": 1, "O\x00b:x\x00\x002020-01-02": 1,
	}
	if got := sumCounts(t, s); !equalCounts(got, want) {
		t.Fatalf("counts after one graph: %v, want %v", got, want)
	}
	// The quads of a second graph written, the process killed before its
	// counts.
	if err := s.markDirty(ctx); err != nil {
		t.Fatal(err)
	}
	g2 := sumGraph("g:2", "t:2", "m:2", "p:a", "b:x", "2021-05-06")
	if err := s.apply(ctx, labelled(g2), nil, LoadOptions{Batch: 100}); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.summariesCurrent(ctx); ok || err != nil {
		t.Fatalf("summaries current with the dirty mark: %v, %v", ok, err)
	}
	s.Close()
	ro, err := Open(Bolt, dir, Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := ro.summariesCurrent(ctx); ok {
		t.Error("a read-only open trusts dirty summaries")
	}
	ro.Close()
	s, err = Open(Bolt, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.CheckSummaries(ctx); err != nil {
		t.Fatal(err)
	}
	if got := sumCounts(t, s)["n\x00b:x\x00p:a"]; got != 2 {
		t.Errorf("mentions after the recount: %d, want 2", got)
	}
	// A count out of step is caught by the check.
	if err := s.sum.update(ctx, func(tx sumTx) error { return tx.add(map[string]int64{"t\x00p:a": 1}) }); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckSummaries(ctx); err == nil || !strings.Contains(err.Error(), `kept 3, counted 2`) {
		t.Errorf("check of a wrong count: %v", err)
	}
}

func labelled(g Graph) []quad.Quad {
	out := make([]quad.Quad, len(g.Quads))
	for i, q := range g.Quads {
		q.Label = g.Label
		out[i] = q
	}
	return out
}

func equalCounts(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, n := range a {
		if b[k] != n {
			return false
		}
	}
	return true
}
