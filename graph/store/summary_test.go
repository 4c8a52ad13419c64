package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
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
	if _, err := s.Load(ctx, Graphs(g1), LoadOptions{}); err != nil {
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

// A store larger than a recount's partition is recounted through spill
// files, graph by graph, and the counts written in parts: the summaries
// come out as the loads kept them, and the spill folder is removed.
func TestRecountInParts(t *testing.T) {
	ctx := context.Background()
	s, dir := newBolt(t)
	// One turn in two graphs: each graph counts it.
	gs := append(sumGraphs(60), sumGraph("g:extra", "t:3", "m:extra", "p:3", "b:1", "2013-04-13"))
	loadGraphs(t, s, gs, 50)
	kept := sumCounts(t, s)
	defer func(q int64, k int) { recountQuads, recountKeys = q, k }(recountQuads, recountKeys)
	recountQuads, recountKeys = 25, 7
	st, err := s.h.QuadStore.Stats(ctx, false)
	if err != nil || st.Quads.Value/recountQuads < 2 {
		t.Fatalf("%d quads (%v): too few for partitions", st.Quads.Value, err)
	}
	if err := s.rebuildSummaries(ctx); err != nil {
		t.Fatal(err)
	}
	if got := sumCounts(t, s); !equalCounts(got, kept) {
		t.Errorf("recounted in parts:\n%v\nkept by the loads:\n%v", got, kept)
	}
	if err := s.CheckSummaries(ctx); err != nil {
		t.Error(err)
	}
	if _, err := os.Stat(filepath.Join(dir, recountDir)); !os.IsNotExist(err) {
		t.Errorf("spill folder left behind: %v", err)
	}
}

// The loader's index of a key-value store's quads by graph gives each
// graph's quads, held in memory or merged from runs into a file, and a
// reload through it replaces a changed graph.
func TestIndexLabels(t *testing.T) {
	ctx := context.Background()
	s, dir := newBolt(t)
	gs := sumGraphs(30)
	loadGraphs(t, s, gs, 40)
	// Quads added to the first graphs after all are written: their IDs
	// follow those of every graph.
	l := s.NewLoader(LoadOptions{})
	for i := range 5 {
		extra := quad.Quad{Subject: quad.IRI("t:" + strconv.Itoa(i)), Predicate: ontology.OpenGovRole, Object: quad.IRI("r:chair")}
		if err := l.Merge(ctx, gs[i].Label, []quad.Quad{extra}); err != nil {
			t.Fatal(err)
		}
		gs[i].Quads = append(gs[i].Quads, extra)
	}
	if err := l.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	lines := func(qs []quad.Quad) []string {
		var out []string
		for _, q := range qs {
			out = append(out, q.NQuad())
		}
		slices.Sort(out)
		return out
	}
	defer func(n int) { labelRun = n }(labelRun)
	for _, run := range []int{7, 1 << 20} {
		labelRun = run
		x, err := s.indexLabels(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if (x.file != nil) != (run == 7) {
			t.Errorf("run of %d: index in a file: %v", run, x.file != nil)
		}
		for _, g := range gs {
			ref, err := s.h.QuadStore.ValueOf(g.Label)
			if err != nil {
				t.Fatal(err)
			}
			ids, err := x.quads(uint64(ref.(kv.Int64Value)))
			if err != nil {
				t.Fatal(err)
			}
			var got []quad.Quad
			for _, q := range ids {
				v, err := s.h.QuadStore.Quad(&cproto.Primitive{ID: q.id, Subject: q.s, Predicate: q.p, Object: q.o, Label: q.l})
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, v)
			}
			want, err := s.graphQuads(ctx, g.Label)
			if err != nil {
				t.Fatal(err)
			}
			if len(want) != len(g.Quads) || !slices.Equal(lines(got), lines(want)) {
				t.Errorf("run of %d, %s:\n%q\nwant\n%q", run, g.Label, lines(got), lines(want))
			}
		}
		if _, err := os.Stat(filepath.Join(dir, labelsDir)); !os.IsNotExist(err) {
			t.Errorf("run of %d: spill folder left behind: %v", run, err)
		}
	}
	labelRun = 7
	gs[3] = sumGraph("g:3", "t:3", "m:3", "p:9", "b:9", "2020-12-31")
	loadGraphs(t, s, gs, 40)
	got, err := s.graphQuads(ctx, "g:3")
	if err != nil {
		t.Fatal(err)
	}
	if want := labelled(gs[3]); !slices.Equal(lines(got), lines(want)) {
		t.Errorf("g:3 after the reload:\n%q\nwant\n%q", lines(got), lines(want))
	}
	if err := s.CheckSummaries(ctx); err != nil {
		t.Error(err)
	}
}

// newBolt opens a new bolt store, closed when the test ends.
func newBolt(t *testing.T) (*Store, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "db")
	s, err := Open(Bolt, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, dir
}

// sumGraphs returns n graphs of one mention each, by a few speakers of a
// few bodies on a few dates.
func sumGraphs(n int) []Graph {
	var gs []Graph
	for i := range n {
		id := strconv.Itoa(i)
		gs = append(gs, sumGraph("g:"+id, "t:"+id, "m:"+id, "p:"+strconv.Itoa(i%7), "b:"+strconv.Itoa(i%5),
			fmt.Sprintf("20%02d-0%d-1%d", 10+i%9, 1+i%9, i%10)))
	}
	return gs
}

// loadGraphs loads gs into s in batches of batch quads.
func loadGraphs(t *testing.T, s *Store, gs []Graph, batch int) {
	t.Helper()
	if _, err := s.Load(context.Background(), Graphs(gs...), LoadOptions{Batch: batch}); err != nil {
		t.Fatal(err)
	}
}
