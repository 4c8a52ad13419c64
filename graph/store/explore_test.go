package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

// A store without summaries (made before they were kept, opened read-only)
// counts the mentions by speaker and date from the mentions themselves,
// and gives the same counts as with them.
func TestMentionDatesWithoutSummaries(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "db")
	s, err := store.Open(store.Bolt, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	graphs := append(storetest.Fixture(), storetest.Synthetic(6, 4)...)
	if _, err := s.Load(ctx, store.Graphs(graphs...), store.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	bodies := []quad.IRI{storetest.MPS, storetest.TfL, storetest.B("body/body-07")}
	with := map[quad.IRI][]store.DatedMentions{}
	for _, b := range bodies {
		if with[b], err = s.MentionDates(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if err := os.Remove(filepath.Join(path, "summaries.bolt")); err != nil {
		t.Fatal(err)
	}
	s, err = store.Open(store.Bolt, path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows := 0
	for _, b := range bodies {
		got, err := s.MentionDates(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		quotes, err := s.Quotes(ctx, store.Filter{Body: string(b)})
		if err != nil {
			t.Fatal(err)
		}
		want := storetest.DatesOf(quotes)
		if !equalDates(got, want) || !equalDates(got, with[b]) {
			t.Errorf("%s: without summaries %v\nwith them %v\nfrom the quotes %v", b, got, with[b], want)
		}
		rows += len(got)
	}
	if rows < 6 {
		t.Errorf("only %d rows compared", rows)
	}
}

func equalDates(a, b []store.DatedMentions) bool {
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
