package store_test

import (
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

// The mention counts read from the summaries equal those counted over the
// mentions, for every body and speaker, with and without dates; so do the
// counts by group, year and role for every body, the sessions, and who
// answered about every body and speaker, and the claims by group, year,
// speaker and role, with and without dates; and so do the pages of quotes
// of every body.
func TestSummariesAgreeWithCounts(t *testing.T) {
	ctx := context.Background()
	graphs := append(storetest.Fixture(), storetest.Synthetic(12, 6)...)
	graphs = append(graphs, storetest.SharedSessions(3, 3)...)
	for _, kind := range []string{store.Memory, store.Bolt} {
		t.Run(kind, func(t *testing.T) {
			s, err := store.Open(kind, filepath.Join(t.TempDir(), "db"), store.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if _, err := s.Load(ctx, store.Graphs(graphs...), store.LoadOptions{Batch: 300}); err != nil {
				t.Fatal(err)
			}
			filters := []store.Filter{{}, {From: "2010-01-01"}, {To: "2010-02-05"}, {From: "2010-02-01", To: "2010-06-30"}}
			seen := map[quad.Value]bool{}
			for _, g := range graphs {
				for _, q := range g.Quads {
					if q.Predicate == quad.Value(quad.IRI("http://www.w3.org/2005/11/its/rdf#taIdentRef")) && !seen[q.Object] {
						seen[q.Object] = true
						iri := string(q.Object.(quad.IRI))
						filters = append(filters, store.Filter{Body: iri}, store.Filter{Body: iri, From: "2010-03-01"}, store.Filter{Body: iri, To: "2010-02-05"})
					}
				}
			}
			for _, p := range []quad.IRI{storetest.Sadiq, storetest.Len, storetest.B("person/member-03")} {
				filters = append(filters, store.Filter{Speaker: string(p)}, store.Filter{Speaker: string(p), Body: string(storetest.B("body/body-07"))},
					store.Filter{Speaker: string(p), From: "2010-02-01", To: "2010-06-30"})
			}
			rows := 0
			for _, f := range filters {
				fast, slow, err := store.MentionCountsBothWays(ctx, s, f)
				if err != nil {
					t.Fatalf("%+v: %v", f, err)
				}
				if !slices.Equal(fast, slow) {
					t.Errorf("%+v: summaries give\n%v\ncounting gives\n%v", f, fast, slow)
				}
				rows += len(slow)
			}
			if rows < 100 {
				t.Errorf("only %d rows compared over %d filters: the test compares too little", rows, len(filters))
			}
			// The counts by group, year and role, and the sessions.
			rows = 0
			for _, f := range filters {
				for name, q := range map[string]func() (any, int, error){
					"MentionsByGroup": func() (any, int, error) { r, err := s.MentionsByGroup(ctx, f); return r, len(r), err },
					"MentionsByYear":  func() (any, int, error) { r, err := s.MentionsByYear(ctx, f); return r, len(r), err },
					"MentionsByRole":  func() (any, int, error) { r, err := s.MentionsByRole(ctx, f); return r, len(r), err },
					"Sessions":        func() (any, int, error) { r, err := s.Sessions(ctx); return r, len(r), err },
					"Answers":         func() (any, int, error) { r, err := s.Answers(ctx, f); return r, len(r), err },
					"ClaimsByGroup":   func() (any, int, error) { r, err := s.ClaimsByGroup(ctx, f); return r, len(r), err },
					"ClaimsByYear":    func() (any, int, error) { r, err := s.ClaimsByYear(ctx, f); return r, len(r), err },
					"ClaimsBySpeaker": func() (any, int, error) { r, err := s.ClaimsBySpeaker(ctx, f); return r, len(r), err },
					"ClaimsByRole":    func() (any, int, error) { r, err := s.ClaimsByRole(ctx, f); return r, len(r), err },
				} {
					fast, n, err := q()
					if err != nil {
						t.Fatalf("%s(%+v): %v", name, f, err)
					}
					var slow any
					store.WithoutSummaries(s, func() { slow, _, err = q() })
					if err != nil {
						t.Fatalf("%s(%+v) counted: %v", name, f, err)
					}
					if !reflect.DeepEqual(fast, slow) {
						t.Errorf("%s(%+v): summaries give\n%v\ncounting gives\n%v", name, f, fast, slow)
					}
					rows += n
				}
			}
			if rows < 100 {
				t.Errorf("only %d rows by group, year and role compared: the test compares too little", rows)
			}
			// Pages of quotes, placed by the summaries' index of mentions
			// by body and date, and by reading every mention.
			rows = 0
			for _, f := range filters {
				if f.Body == "" || f.Speaker != "" {
					continue
				}
				for _, size := range []int{1, 3, 7, 0} {
					for name, q := range map[string]func(store.Page) ([]store.QuoteRow, int, error){
						"LatestQuotes": func(p store.Page) ([]store.QuoteRow, int, error) { return s.LatestQuotes(ctx, f, p) },
						"QuotesPage":   func(p store.Page) ([]store.QuoteRow, int, error) { return s.QuotesPage(ctx, f, p) },
					} {
						for off := 0; ; off += max(size, 1) {
							p := store.Page{Offset: off, Limit: size}
							fast, total, err := q(p)
							if err != nil {
								t.Fatalf("%s(%+v, %+v): %v", name, f, p, err)
							}
							var slow []store.QuoteRow
							var slowTotal int
							store.WithoutSummaries(s, func() { slow, slowTotal, err = q(p) })
							if err != nil {
								t.Fatalf("%s(%+v, %+v) counted: %v", name, f, p, err)
							}
							if total != slowTotal || !reflect.DeepEqual(fast, slow) {
								t.Errorf("%s(%+v, %+v): summaries give %d of %d\n%v\ncounting gives %d of %d\n%v", name, f, p, len(fast), total, fast, len(slow), slowTotal, slow)
							}
							rows += len(fast)
							if off >= total || size == 0 {
								break
							}
						}
					}
				}
			}
			if rows < 100 {
				t.Errorf("only %d quotes compared: the test compares too little", rows)
			}
			// Claims about a body, whole and in pages, from the summaries'
			// index of claims by body and date and from the quads.
			rows = 0
			for _, f := range append(filters, store.Filter{Body: "TfL"}, store.Filter{Body: "MPS", To: "2010-02-05"}) {
				if f.Body == "" || f.Speaker != "" {
					continue
				}
				whole, err := s.Claims(ctx, f)
				if err != nil {
					t.Fatalf("Claims(%+v): %v", f, err)
				}
				var slowWhole []store.ClaimRow
				store.WithoutSummaries(s, func() { slowWhole, err = s.Claims(ctx, f) })
				if err != nil || !reflect.DeepEqual(whole, slowWhole) {
					t.Errorf("Claims(%+v): summaries give\n%v\ncounting gives\n%v (%v)", f, whole, slowWhole, err)
				}
				for _, size := range []int{1, 2, 5} {
					for off := 0; off <= len(whole); off += size {
						p := store.Page{Offset: off, Limit: size}
						fast, total, err := s.ClaimsPage(ctx, f, p)
						if err != nil {
							t.Fatalf("ClaimsPage(%+v, %+v): %v", f, p, err)
						}
						var slow []store.ClaimRow
						var slowTotal int
						store.WithoutSummaries(s, func() { slow, slowTotal, err = s.ClaimsPage(ctx, f, p) })
						if err != nil {
							t.Fatalf("ClaimsPage(%+v, %+v) counted: %v", f, p, err)
						}
						if total != slowTotal || total != len(whole) || !reflect.DeepEqual(fast, slow) {
							t.Errorf("ClaimsPage(%+v, %+v): summaries give %d of %d\n%v\ncounting gives %d of %d\n%v", f, p, len(fast), total, fast, len(slow), slowTotal, slow)
						}
						rows += len(fast)
					}
				}
			}
			if rows < 50 {
				t.Errorf("only %d claims compared: the test compares too little", rows)
			}
		})
	}
}
