package storetest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/ontology"
)

// Backend is a store under test.
type Backend struct {
	// Open opens the store. After Close, Open opens the same data again
	// when Persistent is true, and a fresh empty store otherwise.
	Open       func(t *testing.T) *store.Store
	Persistent bool
	// AtomicFirstLoad is set when a load into an empty store is written
	// whole or not at all (the bulk loads of PostgreSQL and bolt), rather
	// than batch by batch.
	AtomicFirstLoad bool
}

// Run runs the shared suite. fresh returns a backend with an empty store
// each time it is called.
func Run(t *testing.T, fresh func(t *testing.T) Backend) {
	tests := []struct {
		name string
		fn   func(t *testing.T, b Backend)
	}{
		{"Queries", testQueries},
		{"LoadTwice", testLoadTwice},
		{"Replace", testReplace},
		{"Interrupted", testInterrupted},
		{"InterruptedFirst", testInterruptedFirst},
		{"OneBatch", testOneBatch},
		{"Merge", testMerge},
		{"Register", testRegister},
		{"Gizmo", testGizmo},
		{"Summaries", testSummaries},
		{"SharedSessions", testSharedSessions},
		{"ClaimPages", testClaimPages},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, fresh(t)) })
	}
}

// load writes graphs into s with a small batch, so that graphs span several
// transactions.
func load(t *testing.T, ctx context.Context, s *store.Store, graphs ...store.Graph) store.Progress {
	t.Helper()
	p, err := s.Load(ctx, store.Graphs(graphs...), store.LoadOptions{Batch: 97})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return p
}

// distinct counts the distinct quads of graphs.
func distinct(graphs ...store.Graph) int64 {
	seen := make(map[[4]string]struct{})
	for _, g := range graphs {
		for _, q := range g.Quads {
			seen[[4]string{q.Subject.String(), q.Predicate.String(), q.Object.String(), g.Label.String()}] = struct{}{}
		}
	}
	return int64(len(seen))
}

func count(t *testing.T, s *store.Store) int64 {
	t.Helper()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func check[T any](t *testing.T, what string, got T, err error, want T) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", "  ")
		w, _ := json.MarshalIndent(want, "", "  ")
		t.Errorf("%s:\ngot  %s\nwant %s", what, g, w)
	}
}

const (
	sadiqName    = "Sadiq Khan"
	lenName      = "Len Duvall"
	carolineName = "Caroline Pidgeon"
	mpsName      = "Metropolitan Police Service"
	tflName      = "Transport for London"
)

func mrow(sp quad.IRI, spn string, b quad.IRI, bn string, n int, first, last string) store.MentionRow {
	return store.MentionRow{Speaker: sp, SpeakerName: spn, Body: b, BodyName: bn, Mentions: n, First: first, Last: last}
}

func brow(b quad.IRI, name, kind string, same []string, n int) store.BodyRow {
	return store.BodyRow{Body: b, Name: name, Kind: kind, SameAs: same, Mentions: n}
}

func prow(p quad.IRI, name string, turns int, same []string) store.PersonRow {
	return store.PersonRow{Person: p, Name: name, Turns: turns, SameAs: same}
}

func srow(s quad.IRI, date string, n, turns, mentions int) store.SessionRow {
	return store.SessionRow{Session: s, Date: date, Questions: n, Turns: turns, Mentions: mentions}
}

func checkClaims(t *testing.T, what string, got []store.ClaimRow, err error, want []string) {
	t.Helper()
	if err != nil {
		t.Errorf("%s: %v", what, err)
		return
	}
	var iris []string
	for _, c := range got {
		iris = append(iris, strings.TrimPrefix(string(c.Claim), string(B(""))))
	}
	if !slices.Equal(iris, want) {
		t.Errorf("%s: claims %q, want %q", what, iris, want)
	}
}

func arow(sp quad.IRI, name string, turns, items int, first, last string) store.AnswerRow {
	return store.AnswerRow{Speaker: sp, SpeakerName: name, Turns: turns, Questions: items, First: first, Last: last}
}

func wantMentions() []store.MentionRow {
	return []store.MentionRow{
		mrow(Sadiq, sadiqName, MPS, mpsName, 3, "2017-10-12", "2018-01-18"),
		mrow(Sadiq, sadiqName, TfL, tflName, 2, "2017-10-12", "2018-01-18"),
		mrow(Caroline, carolineName, TfL, tflName, 1, "2018-01-18", "2018-01-18"),
		mrow(Len, lenName, MPS, mpsName, 1, "2017-10-12", "2017-10-12"),
		mrow(Len, lenName, TfL, tflName, 1, "2017-10-12", "2017-10-12"),
	}
}

func testQueries(t *testing.T, b Backend) {
	ctx := context.Background()
	s := b.Open(t)
	defer s.Close()
	load(t, ctx, s, Fixture()...)
	CheckAnswers(t, s)
}

// CheckAnswers checks every named query against the answers expected from
// the Fixture graphs.
func CheckAnswers(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	if err := s.CheckSummaries(ctx); err != nil {
		t.Errorf("summaries: %v", err)
	}
	got, err := s.Mentions(ctx, store.MentionFilter{})
	check(t, "Mentions()", got, err, wantMentions())
	all := wantMentions()
	got, err = s.Mentions(ctx, store.MentionFilter{Body: "MPS"})
	check(t, "Mentions(body=MPS)", got, err, []store.MentionRow{all[0], all[3]})
	got, err = s.Mentions(ctx, store.MentionFilter{Body: "the met"})
	check(t, "Mentions(body=the met)", got, err, []store.MentionRow{all[0], all[3]})
	got, err = s.Mentions(ctx, store.MentionFilter{Body: string(TfL), From: "2018-01-01"})
	check(t, "Mentions(body=TfL IRI, from 2018)", got, err, []store.MentionRow{
		mrow(Caroline, carolineName, TfL, tflName, 1, "2018-01-18", "2018-01-18"),
		mrow(Sadiq, sadiqName, TfL, tflName, 1, "2018-01-18", "2018-01-18"),
	})
	got, err = s.Mentions(ctx, store.MentionFilter{Speaker: "sadiq khan", To: "2017-12-31"})
	check(t, "Mentions(speaker=sadiq khan, to 2017)", got, err, []store.MentionRow{
		mrow(Sadiq, sadiqName, MPS, mpsName, 2, "2017-10-12", "2017-10-12"),
		mrow(Sadiq, sadiqName, TfL, tflName, 1, "2017-10-12", "2017-10-12"),
	})
	_, err = s.Mentions(ctx, store.MentionFilter{Body: "No Such Body"})
	var nf *store.NotFoundError
	if !errors.As(err, &nf) {
		t.Errorf("Mentions(body=No Such Body): got error %v, want a NotFoundError", err)
	}

	bodies, err := s.Bodies(ctx)
	check(t, "Bodies()", bodies, err, []store.BodyRow{
		brow(Assembly, "London Assembly", "legislature", []string{}, 0),
		brow(MPS, mpsName, "police", []string{"http://www.wikidata.org/entity/Q1320976"}, 4),
		brow(TfL, tflName, "transport", []string{"http://www.wikidata.org/entity/Q682520"}, 4),
	})
	people, err := s.People(ctx)
	check(t, "People()", people, err, []store.PersonRow{
		prow(Caroline, carolineName, 1, []string{}),
		prow(Len, lenName, 2, []string{}),
		prow(Sadiq, sadiqName, 2, []string{"http://www.wikidata.org/entity/Q334155"}),
	})
	sessions, err := s.Sessions(ctx)
	check(t, "Sessions()", sessions, err, []store.SessionRow{
		srow(B("session/2017-10-12"), "2017-10-12", 1, 3, 5),
		srow(B("session/2018-01-18"), "2018-01-18", 1, 2, 3),
	})
	claims, err := s.Claims(ctx, store.Filter{Body: "MPS"})
	checkClaims(t, "Claims(MPS)", claims, err, []string{"question/2017-10-12/modern-day-slavery/claim/57-62"})
	if err == nil && len(claims) == 1 {
		c := claims[0]
		if c.Speaker != sadiqName || c.Value != "1500" || c.Unit != "arrests" || c.Date != "2017-10-12" ||
			!slices.Equal(c.About, []string{mpsName}) || !slices.Equal(c.Kind, []string{"NumericClaim"}) ||
			c.Sentence != "The MPS made 1,500 arrests; the MPS works with TfL on this." {
			t.Errorf("Claims(MPS): %+v", c)
		}
	}
	claims, err = s.Claims(ctx, store.Filter{})
	checkClaims(t, "Claims()", claims, err, []string{"question/2017-10-12/modern-day-slavery/claim/57-62", "question/2018-01-18/fares/claim/27-31"})
	answers, err := s.Answers(ctx, store.Filter{Body: "Metropolitan Police Service"})
	check(t, "Answers(MPS)", answers, err, []store.AnswerRow{arow(Sadiq, sadiqName, 2, 2, "2017-10-12", "2018-01-18")})
	answers, err = s.Answers(ctx, store.Filter{Body: "TfL"})
	check(t, "Answers(TfL)", answers, err, []store.AnswerRow{arow(Sadiq, sadiqName, 2, 2, "2017-10-12", "2018-01-18")})

	turn2 := string(B("question/2017-10-12/modern-day-slavery/turn/2"))
	steps, err := s.Path(ctx, "Len Duvall", "TfL", 4)
	check(t, "Path(Len Duvall, TfL)", steps, err, []store.Step{
		{Subject: turn2, Predicate: "http://schema.org/creator", Object: string(Len)},
		{Subject: turn2, Predicate: "http://schema.org/mentions", Object: string(TfL)},
	})
	steps, err = s.Path(ctx, "Caroline Pidgeon", "Mayor of London", 6)
	if err != nil || len(steps) != 4 {
		t.Errorf("Path(Caroline Pidgeon, Mayor of London): got %d steps, %v; want 4 steps", len(steps), err)
	}
	steps, err = s.Path(ctx, "MPS", "Metropolitan Police Service", 3)
	check(t, "Path(MPS, MPS)", steps, err, nil)
	if _, err := s.Path(ctx, "Len Duvall", "Mayor of London", 1); !errors.As(err, &nf) {
		t.Errorf("Path(Len Duvall, Mayor of London, 1): got %v, want a NotFoundError", err)
	}
	CheckPageReads(t, s)
}

// Snapshot returns the answers of the named queries that take no argument
// and of Mentions, Claims and Answers without filters, as JSON, so that
// stores of different kinds loaded with the same graphs can be compared.
func Snapshot(ctx context.Context, s *store.Store) ([]byte, error) {
	out := map[string]any{}
	var err error
	if out["mentions"], err = s.Mentions(ctx, store.MentionFilter{}); err != nil {
		return nil, err
	}
	if out["bodies"], err = s.Bodies(ctx); err != nil {
		return nil, err
	}
	if out["people"], err = s.People(ctx); err != nil {
		return nil, err
	}
	if out["sessions"], err = s.Sessions(ctx); err != nil {
		return nil, err
	}
	if out["claims"], err = s.Claims(ctx, store.Filter{}); err != nil {
		return nil, err
	}
	if out["answers"], err = s.Answers(ctx, store.Filter{}); err != nil {
		return nil, err
	}
	return json.MarshalIndent(out, "", " ")
}

func snapshot(t *testing.T, s *store.Store) string {
	t.Helper()
	b, err := Snapshot(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func testLoadTwice(t *testing.T, b Backend) {
	ctx := context.Background()
	s := b.Open(t)
	defer s.Close()
	load(t, ctx, s, Fixture()...)
	n1, snap1 := count(t, s), snapshot(t, s)
	if want := distinct(Fixture()...); n1 != want {
		t.Errorf("after one load: %d quads, want %d", n1, want)
	}
	p := load(t, ctx, s, Fixture()...)
	if p.Added != 0 || p.Removed != 0 {
		t.Errorf("second load added %d and removed %d quads, want none", p.Added, p.Removed)
	}
	if n2 := count(t, s); n2 != n1 {
		t.Errorf("after two loads: %d quads, want %d", n2, n1)
	}
	if snap2 := snapshot(t, s); snap2 != snap1 {
		t.Errorf("answers changed after loading the same graphs again:\n%s\nwas\n%s", snap2, snap1)
	}
}

func testReplace(t *testing.T, b Backend) {
	ctx := context.Background()
	s := b.Open(t)
	defer s.Close()
	load(t, ctx, s, Fixture()...)
	changed := ChangedFares()
	p := load(t, ctx, s, changed)
	if p.Added == 0 || p.Removed == 0 {
		t.Errorf("replacing a graph added %d and removed %d quads; want both", p.Added, p.Removed)
	}
	if got, want := count(t, s), distinct(Fixture()[0], changed); got != want {
		t.Errorf("after replacing a graph: %d quads, want %d", got, want)
	}
	all := wantMentions()
	want := []store.MentionRow{all[0], all[1], all[3], all[4]}
	want[0].Mentions = 4
	got, err := s.Mentions(ctx, store.MentionFilter{})
	check(t, "Mentions() after replacing fares", got, err, want)
}

// testOneBatch loads graphs whose changes all wait in one batch, with the
// fares transcript put three times in it (original, changed, original), and
// checks the store ends as if each graph had been put alone.
func testOneBatch(t *testing.T, b Backend) {
	ctx := context.Background()
	s := b.Open(t)
	defer s.Close()
	graphs := []store.Graph{Fixture()[1], ChangedFares(), Fixture()[0], ChangedFares()}
	p, err := s.Load(ctx, store.Graphs(graphs...), store.LoadOptions{Batch: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if p.Graphs != len(graphs) || p.Removed == 0 {
		t.Errorf("progress %+v: want %d graphs and some quads removed", p, len(graphs))
	}
	if got, want := count(t, s), distinct(Fixture()[0], ChangedFares()); got != want {
		t.Errorf("after one batch: %d quads, want %d", got, want)
	}
	all := wantMentions()
	want := []store.MentionRow{all[0], all[1], all[3], all[4]}
	want[0].Mentions = 4
	got, err := s.Mentions(ctx, store.MentionFilter{})
	check(t, "Mentions() after one batch", got, err, want)

	// Put without Flush writes nothing until the batch fills.
	l := s.NewLoader(store.LoadOptions{Batch: 1 << 20})
	if err := l.Put(ctx, Fixture()[1].Label, Fixture()[1].Quads); err != nil {
		t.Fatal(err)
	}
	if got, want := count(t, s), distinct(Fixture()[0], ChangedFares()); got != want {
		t.Errorf("before Flush: %d quads, want %d", got, want)
	}
	if err := l.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if got, want := count(t, s), distinct(Fixture()...); got != want {
		t.Errorf("after Flush: %d quads, want %d", got, want)
	}
	CheckAnswers(t, s)
}

// testMerge puts each graph in two halves, the second merged into the
// first, within one batch and across batches, into an empty store and then
// again into the store holding the whole graphs (where putting the first
// half alone would remove the second).
func testMerge(t *testing.T, b Backend) {
	ctx := context.Background()
	for _, batch := range []int{1 << 20, 40} {
		s := b.Open(t)
		for round := range 2 {
			l := s.NewLoader(store.LoadOptions{Batch: batch})
			for _, g := range Fixture() {
				half := len(g.Quads) / 2
				if err := l.Put(ctx, g.Label, g.Quads[:half]); err != nil {
					t.Fatal(err)
				}
				if err := l.Merge(ctx, g.Label, g.Quads[half:]); err != nil {
					t.Fatal(err)
				}
			}
			if err := l.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if got, want := count(t, s), distinct(Fixture()...); got != want {
				t.Errorf("batch %d, round %d: %d quads after merging halves, want %d", batch, round, got, want)
			}
			CheckAnswers(t, s)
		}
		s.Close()
	}
}

// testRegister: the register graph is updated by subject, so a second
// load keeps the first load's subjects and replaces what it says anew.
func testRegister(t *testing.T, b Backend) {
	ctx := context.Background()
	s := b.Open(t)
	defer s.Close()
	reg := quad.IRI("https://example.org/kg/graph/register")
	name := quad.IRI("http://xmlns.com/foaf/0.1/name")
	a, bb, c := quad.IRI("https://example.org/kg/person/a"), quad.IRI("https://example.org/kg/person/b"), quad.IRI("https://example.org/kg/person/c")
	put := func(qs ...quad.Quad) store.Progress {
		t.Helper()
		return load(t, ctx, s, store.Graph{Label: reg, Quads: qs})
	}
	q := func(s quad.IRI, o string) quad.Quad {
		return quad.Quad{Subject: s, Predicate: name, Object: quad.String(o), Label: reg}
	}
	put(q(a, "A"), q(bb, "B"))
	p := put(q(bb, "B corrected"), q(c, "C"))
	if p.Added != 2 || p.Removed != 1 {
		t.Errorf("second load: %d added, %d removed; want 2 added (B corrected, C), 1 removed (B)", p.Added, p.Removed)
	}
	if n := count(t, s); n != 3 {
		t.Errorf("%d quads after two loads, want 3", n)
	}
	if p := put(q(a, "A")); p.Added != 0 || p.Removed != 0 {
		t.Errorf("A of the first load was not kept: %d added, %d removed", p.Added, p.Removed)
	}
}

// stopAfter is a context whose Err reports cancellation after n calls, to
// stop a load between two of its transactions.
type stopAfter struct {
	context.Context
	n atomic.Int64
}

func (c *stopAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// testInterrupted stops a load into a store that already holds a graph:
// the batches written stay, the store still opens, and loading again
// completes it.
func testInterrupted(t *testing.T, b Backend) {
	s := b.Open(t)
	graphs := Fixture()
	load(t, context.Background(), s, graphs[0])
	before := count(t, s)
	ctx := &stopAfter{Context: context.Background()}
	ctx.n.Store(3) // a few batches of the second graph, then stop
	_, err := s.Load(ctx, store.Graphs(graphs...), store.LoadOptions{Batch: 50})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted load: got %v, want context.Canceled", err)
	}
	partial := count(t, s)
	if full := distinct(graphs...); partial <= before || partial >= full {
		t.Errorf("interrupted load left %d of %d quads (%d before it); the test should stop it part way", partial, full, before)
	}
	rerun(t, b, s, partial, graphs)
}

// testInterruptedFirst stops a load into an empty store: the store keeps
// the batches written, or nothing when the backend writes a first load
// whole; either way it opens, and loading again completes it.
func testInterruptedFirst(t *testing.T, b Backend) {
	s := b.Open(t)
	graphs := Fixture()
	ctx := &stopAfter{Context: context.Background()}
	ctx.n.Store(3) // three batches of the first graph, then stop
	_, err := s.Load(ctx, store.Graphs(graphs...), store.LoadOptions{Batch: 50})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted load: got %v, want context.Canceled", err)
	}
	partial := count(t, s)
	full := distinct(graphs...)
	switch {
	case b.AtomicFirstLoad && partial != 0:
		t.Errorf("interrupted first load left %d quads, want none", partial)
	case !b.AtomicFirstLoad && (partial == 0 || partial >= full):
		t.Errorf("interrupted load left %d of %d quads; the test should stop it part way", partial, full)
	}
	rerun(t, b, s, partial, graphs)
}

// rerun reopens s, checks it still holds partial quads, loads graphs again
// and checks the store is complete.
func rerun(t *testing.T, b Backend, s *store.Store, partial int64, graphs []store.Graph) {
	t.Helper()
	if b.Persistent {
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s = b.Open(t)
		if n := count(t, s); n != partial {
			t.Errorf("reopened store has %d quads, want %d", n, partial)
		}
	}
	defer s.Close()
	load(t, context.Background(), s, graphs...)
	if got, want := count(t, s), distinct(graphs...); got != want {
		t.Errorf("after the rerun: %d quads, want %d", got, want)
	}
	CheckAnswers(t, s)
}

func testGizmo(t *testing.T, b Backend) {
	s := b.Open(t)
	defer s.Close()
	load(t, context.Background(), s, Fixture()...)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := s.Gizmo(ctx, `g.V("<`+string(MPS)+`>").In("<http://www.w3.org/2005/11/its/rdf#taIdentRef>").Out("<https://w3id.org/assemblykg/ns#inTurn>").Out("<http://schema.org/creator>").Unique().All()`, store.GizmoOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range res {
		m, _ := r.(map[string]any)
		id := strings.Trim(fmt.Sprint(m["id"]), "<>")
		ids = append(ids, string(id))
	}
	slices.Sort(ids)
	check(t, "Gizmo speakers mentioning the MPS", ids, nil, []string{string(Len), string(Sadiq)})

	res, err = s.Gizmo(ctx, `g.V().All()`, store.GizmoOptions{Limit: 5})
	if err != nil || len(res) != 5 {
		t.Errorf("Gizmo with limit 5: %d results, %v", len(res), err)
	}

	short, cancel2 := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel2()
	start := time.Now()
	_, err = s.Gizmo(short, `while (true) {}`, store.GizmoOptions{})
	if !errors.Is(err, store.ErrTimeLimit) {
		t.Errorf("endless script: got %v, want ErrTimeLimit", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("endless script ran %v past a 300ms limit", d)
	}
}

// testSummaries checks the summaries kept by the loader against a recount
// of the store after loads, replacements, removals (a graph put empty),
// merges, register updates, batches holding several changes to one graph,
// and on reopening.
func testSummaries(t *testing.T, b Backend) {
	ctx := context.Background()
	s := b.Open(t)
	defer func() { s.Close() }()
	checkSum := func(step string) {
		t.Helper()
		if err := s.CheckSummaries(ctx); err != nil {
			t.Errorf("after %s: %v", step, err)
		}
	}
	checkSum("opening an empty store")
	fx := Fixture()
	synth := Synthetic(6, 8)
	load(t, ctx, s, fx...)
	checkSum("loading the fixture")
	load(t, ctx, s, synth...)
	checkSum("loading synthetic transcripts")
	load(t, ctx, s, ChangedFares())
	checkSum("replacing a graph")
	load(t, ctx, s, store.Graph{Label: fx[1].Label}, store.Graph{Label: synth[2].Label})
	checkSum("removing two graphs")
	// One batch: the same graph put, changed, removed and put again.
	_, err := s.Load(ctx, store.Graphs(fx[1], ChangedFares(), store.Graph{Label: fx[0].Label}, fx[0], synth[2], synth[3]), store.LoadOptions{Batch: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	checkSum("several changes to a graph in one batch")
	l := s.NewLoader(store.LoadOptions{Batch: 30})
	for _, g := range synth[:3] {
		half := len(g.Quads) / 3
		if err := l.Put(ctx, g.Label, g.Quads[:half]); err != nil {
			t.Fatal(err)
		}
		checkSum("a put not yet flushed")
		if err := l.Merge(ctx, g.Label, g.Quads[half:]); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	checkSum("merging")
	reg := quad.IRI(ontology.DefaultBase + "graph/register")
	load(t, ctx, s, store.Graph{Label: reg, Quads: []quad.Quad{
		{Subject: Sadiq, Predicate: ontology.FOAFName, Object: quad.String("Sadiq Khan"), Label: reg},
	}})
	checkSum("updating the register graph")
	if b.Persistent {
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s = b.Open(t)
		checkSum("reopening")
	}
	CheckAnswersAfterSummaries(t, s, fx)
}

// CheckAnswersAfterSummaries loads graphs anew into s, whatever it holds,
// and checks the answers of the Fixture.
func CheckAnswersAfterSummaries(t *testing.T, s *store.Store, fx []store.Graph) {
	t.Helper()
	ctx := context.Background()
	var graphs []store.Graph
	for _, g := range Synthetic(6, 8) {
		graphs = append(graphs, store.Graph{Label: g.Label})
	}
	load(t, ctx, s, append(graphs, fx...)...)
	CheckAnswers(t, s)
}

// SharedSessions returns transcripts of question items asked in the same
// sessions, as in a real archive: n sessions of k items each, every graph
// describing its session again, in the order of a folder sorted by item
// (item 0 of every session, then item 1...). Item j has SharedTurns(j)
// turns, each mentioning TfL, and every other one (spoken by Len Duvall)
// the MPS too, and one claim about the MPS, by Len Duvall; even items are
// asked on behalf of LabourGroup, odd ones of GreenGroup.
func SharedSessions(n, k int) []store.Graph {
	var out []store.Graph
	for j := range k {
		for d := range n {
			turns := make([]turnSpec, SharedTurns(j))
			for i := range turns {
				sp, ms := Sadiq, []mentionSpec{{TfL, "TfL"}}
				if i%2 == 1 {
					sp, ms = Len, append(ms, mentionSpec{MPS, "MPS"})
				}
				turns[i] = turnSpec{sp, fmt.Sprintf("Item %d turn %d: TfL and the MPS.", j, i), ms}
			}
			slug := fmt.Sprintf("item-%d", j)
			claim := claimSpec{turn: 1, kind: ontology.NumericClaim, about: MPS, text: "TfL and the MPS.", value: "3", unit: "officers", figure: "MPS"}
			g := transcript(sharedDay(d), slug, fmt.Sprintf("Item %d", j), Len, Sadiq, turns, []claimSpec{claim})
			b := &builder{label: g.Label, quads: g.Quads}
			group, name := LabourGroup, "Labour Group"
			if j%2 == 1 {
				group, name = GreenGroup, "Green Group"
			}
			b.add(B("question/"+sharedDay(d)+"/"+slug), ontology.OpenGovOnBehalfOf, group)
			b.body(group, name, "", "assembly-group", "")
			out = append(out, store.Graph{Label: g.Label, Quads: b.quads})
		}
	}
	return out
}

// Groups the items of SharedSessions are asked on behalf of.
var (
	LabourGroup = B("body/labour-group")
	GreenGroup  = B("body/green-group")
)

// SharedTurns is the number of turns of item j of SharedSessions: as many
// as in a real item.
func SharedTurns(j int) int { return 8 + j }

func sharedDay(d int) string { return fmt.Sprintf("2019-%02d-%02d", 1+d/28%12, 1+d%28) }

// testSharedSessions checks the sessions of items asked on the same days:
// one row per session, counting every item, turn and mention once. With
// items as large as real ones, PostgreSQL plans "the sessions of these
// items" as an SQL query first, which crashed Cayley's SQL iterator when
// asked for every way of reaching a session.
func testSharedSessions(t *testing.T, b Backend) {
	ctx := context.Background()
	s := b.Open(t)
	defer s.Close()
	const n, k = 4, 3
	load(t, ctx, s, SharedSessions(n, k)...)
	var want []store.SessionRow
	for d := range n {
		day := sharedDay(d)
		turns, mentions := 0, 0
		for j := range k {
			turns += SharedTurns(j)
			mentions += SharedTurns(j) + SharedTurns(j)/2
		}
		want = append(want, srow(B("session/"+day), day, k, turns, mentions))
	}
	got, err := s.Sessions(ctx)
	check(t, "Sessions()", got, err, want)
	if err := s.CheckSummaries(ctx); err != nil {
		t.Errorf("summaries: %v", err)
	}

	// The counts by group, year and role, worked out from the items: from
	// the summaries without dates and with a date range that holds every
	// session (counts per date).
	type gk struct{ group, body string }
	groupQ, groupM := map[gk]int{}, map[gk]int{}
	yearQ, yearM := map[string]int{}, map[string]int{}
	type rk struct{ role, body string }
	roleT := map[rk]int{}
	for j := range k {
		group := "Labour Group"
		if j%2 == 1 {
			group = "Green Group"
		}
		nt := SharedTurns(j)
		for _, body := range []string{tflName, mpsName} {
			m := nt
			if body == mpsName {
				m = nt / 2 // the odd turns
			}
			groupQ[gk{group, body}] += n
			groupM[gk{group, body}] += n * m
			yearQ[body] += n
			yearM[body] += n * m
		}
		roleT[rk{"Mayor", tflName}] += n * ((nt + 1) / 2) // Sadiq's even turns
		roleT[rk{"", tflName}] += n * (nt / 2)
		roleT[rk{"", mpsName}] += n * (nt / 2)
	}
	var wantG []store.GroupMentionRow
	for key, q := range groupQ {
		wantG = append(wantG, store.GroupMentionRow{Group: key.group, Year: "2019", Body: key.body, Questions: q, Mentions: groupM[key]})
	}
	slices.SortFunc(wantG, func(a, b store.GroupMentionRow) int {
		return cmp.Or(cmp.Compare(a.Group, b.Group), cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Body, b.Body))
	})
	var wantY []store.YearMentionRow
	for body, q := range yearQ {
		wantY = append(wantY, store.YearMentionRow{Year: "2019", Body: body, Questions: q, Mentions: yearM[body]})
	}
	slices.SortFunc(wantY, func(a, b store.YearMentionRow) int { return cmp.Compare(b.Mentions, a.Mentions) })
	var wantR []store.RoleMentionRow
	for key, turns := range roleT {
		wantR = append(wantR, store.RoleMentionRow{Role: key.role, Body: key.body, Turns: turns, Mentions: turns})
	}
	slices.SortFunc(wantR, func(a, b store.RoleMentionRow) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Body, b.Body))
	})
	tflOnly := func(rows []store.RoleMentionRow) []store.RoleMentionRow {
		return slices.DeleteFunc(slices.Clone(rows), func(r store.RoleMentionRow) bool { return r.Body != tflName })
	}
	for _, f := range []store.Filter{{}, {From: "2019-01-01", To: "2019-12-31"}} {
		byGroup, err := s.MentionsByGroup(ctx, f)
		check(t, fmt.Sprintf("MentionsByGroup(%+v)", f), byGroup, err, wantG)
		byYear, err := s.MentionsByYear(ctx, f)
		check(t, fmt.Sprintf("MentionsByYear(%+v)", f), byYear, err, wantY)
		byRole, err := s.MentionsByRole(ctx, f)
		check(t, fmt.Sprintf("MentionsByRole(%+v)", f), byRole, err, wantR)
		f.Body = "TfL"
		byRole, err = s.MentionsByRole(ctx, f)
		check(t, fmt.Sprintf("MentionsByRole(%+v)", f), byRole, err, tflOnly(wantR))
	}

	// Sadiq Khan answers every item; his turns mention TfL, never the MPS.
	sadiqTurns := 0
	for j := range k {
		sadiqTurns += n * ((SharedTurns(j) + 1) / 2)
	}
	wantA := []store.AnswerRow{arow(Sadiq, sadiqName, sadiqTurns, n*k, sharedDay(0), sharedDay(n-1))}
	for _, f := range []store.Filter{{}, {Body: "TfL"}, {Speaker: "Sadiq Khan"}, {Body: "TfL", Speaker: "Sadiq Khan"},
		{From: "2019-01-01"}, {Body: "TfL", To: "2019-12-31"}} {
		answers, err := s.Answers(ctx, f)
		check(t, fmt.Sprintf("Answers(%+v)", f), answers, err, wantA)
	}
	for _, f := range []store.Filter{{Body: "MPS"}, {Speaker: "Len Duvall"}, {Body: "MPS", From: "2019-01-01"}} {
		answers, err := s.Answers(ctx, f)
		check(t, fmt.Sprintf("Answers(%+v)", f), answers, err, []store.AnswerRow{})
	}
	checkQuotePages(t, s, store.Filter{})
	checkQuotePages(t, s, store.Filter{Body: "MPS"})

	// One claim per item, about the MPS, by Len Duvall (no role).
	labour := n * ((k + 1) / 2)
	for _, f := range []store.Filter{{}, {Body: "MPS"}, {From: "2019-01-01"}, {Body: "MPS", To: "2019-12-31"}} {
		byGroup, err := s.ClaimsByGroup(ctx, f)
		check(t, fmt.Sprintf("ClaimsByGroup(%+v)", f), byGroup, err, []store.GroupClaimRow{
			{Group: "Green Group", Year: "2019", Claims: n*k - labour}, {Group: "Labour Group", Year: "2019", Claims: labour}})
		byYear, err := s.ClaimsByYear(ctx, f)
		check(t, fmt.Sprintf("ClaimsByYear(%+v)", f), byYear, err, []store.YearClaimRow{{Year: "2019", Claims: n * k}})
		bySpeaker, err := s.ClaimsBySpeaker(ctx, f)
		check(t, fmt.Sprintf("ClaimsBySpeaker(%+v)", f), bySpeaker, err, []store.SpeakerClaimRow{{Speaker: lenName, Claims: n * k}})
		byRole, err := s.ClaimsByRole(ctx, f)
		check(t, fmt.Sprintf("ClaimsByRole(%+v)", f), byRole, err, []store.RoleClaimRow{{Role: "", Claims: n * k}})
	}
	byYear, err := s.ClaimsByYear(ctx, store.Filter{Body: "TfL"})
	check(t, "ClaimsByYear(TfL)", byYear, err, []store.YearClaimRow{})
}

// checkQuotePages checks that the pages of quotes, read alone or through
// the catalogue, are the rows of the whole list.
func checkQuotePages(t *testing.T, s *store.Store, f store.Filter) {
	t.Helper()
	all, err := s.Quotes(context.Background(), f)
	if err != nil || len(all) < 20 {
		t.Fatalf("Quotes(%+v): %d rows, %v", f, len(all), err)
	}
	checkPages(t, s, "quotes", f, all, func(p store.Page) ([]store.QuoteRow, int, error) {
		return s.QuotesPage(context.Background(), f, p)
	})
}

// checkPages checks that the pages of the named query's rows, read by page
// and through the catalogue, are those of the whole list all.
func checkPages[R any](t *testing.T, s *store.Store, name string, f store.Filter, all []R, page func(store.Page) ([]R, int, error)) {
	t.Helper()
	ctx := context.Background()
	q, _ := store.Lookup(name)
	values := map[string]string{}
	if f.Body != "" {
		values["body"] = f.Body
	}
	if f.Speaker != "" {
		values["speaker"] = f.Speaker
	}
	if f.From != "" {
		values["from"] = f.From
	}
	args, err := q.Parse(values)
	if err != nil {
		t.Fatal(err)
	}
	whole, err := s.Run(ctx, q, args, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	for _, size := range []int{1, 7, len(all) - 1, len(all) + 5} {
		for off := 0; off < len(all)+2; off += max(size, len(all)/3) {
			what := fmt.Sprintf("%s page (%+v, offset %d, limit %d)", name, f, off, size)
			want := all[min(off, len(all)):min(off+size, len(all))]
			rows, total, err := page(store.Page{Offset: off, Limit: size})
			check(t, what, rows, err, want)
			if total != len(all) {
				t.Errorf("%s: total %d, want %d", what, total, len(all))
			}
			r, err := s.Run(ctx, q, args, store.Page{Offset: off, Limit: size})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r.Rows, whole.Rows[min(off, len(all)):min(off+size, len(all))]) || r.Total != whole.Total || r.Offset != off {
				t.Errorf("Run(%s, offset %d, limit %d): %d rows of %d at %d, not those of the whole list", name, off, size, len(r.Rows), r.Total, r.Offset)
			}
		}
	}
}

// testClaimPages checks that the pages of claims, read alone or through
// the catalogue, are the rows of the whole list.
func testClaimPages(t *testing.T, b Backend) {
	ctx := context.Background()
	s := b.Open(t)
	defer s.Close()
	load(t, ctx, s, append(Fixture(), Synthetic(24, 4)...)...)
	for _, f := range []store.Filter{{}, {Speaker: "Sadiq Khan"}, {From: "2010-01-05"}} {
		all, err := s.Claims(ctx, f)
		if err != nil || len(all) < 10 {
			t.Fatalf("Claims(%+v): %d rows, %v", f, len(all), err)
		}
		checkPages(t, s, "claims", f, all, func(p store.Page) ([]store.ClaimRow, int, error) {
			return s.ClaimsPage(ctx, f, p)
		})
	}
}
