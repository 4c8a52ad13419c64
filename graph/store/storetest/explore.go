package storetest

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
)

// CheckPageReads checks what the explorer's body page reads against the
// Fixture and against the catalogue's quotes: the mentions by speaker and
// date, and the quotes a page at a time, newest first.
func CheckPageReads(t *testing.T, s *store.Store) {
	t.Helper()
	ctx := context.Background()
	got, err := s.MentionDates(ctx, MPS)
	check(t, "MentionDates(MPS)", got, err, []store.DatedMentions{
		{Speaker: store.Ref{IRI: Len, Name: lenName}, Date: "2017-10-12", Mentions: 1},
		{Speaker: store.Ref{IRI: Sadiq, Name: sadiqName}, Date: "2017-10-12", Mentions: 2},
		{Speaker: store.Ref{IRI: Sadiq, Name: sadiqName}, Date: "2018-01-18", Mentions: 1},
	})
	for _, body := range []quad.IRI{MPS, TfL, Assembly} {
		quotes, err := s.Quotes(ctx, store.Filter{Body: string(body)})
		if err != nil {
			t.Errorf("Quotes(%s): %v", body, err)
			continue
		}
		dates, err := s.MentionDates(ctx, body)
		check(t, fmt.Sprintf("MentionDates(%s)", body), dates, err, DatesOf(quotes))
		newest := slices.Clone(quotes)
		slices.SortStableFunc(newest, func(a, b store.QuoteRow) int { return cmp.Compare(newestKey(b.Date), newestKey(a.Date)) })
		for _, size := range []int{1, 2, 3, 100} {
			pages := []store.QuoteRow{}
			for off := 0; off <= len(quotes); off += size {
				rows, total, err := s.LatestQuotes(ctx, store.Filter{Body: string(body)}, store.Page{Offset: off, Limit: size})
				if err != nil || total != len(quotes) || len(rows) > size {
					t.Errorf("LatestQuotes(%s, %d, %d): %d rows of %d, %v; want at most %d of %d", body, off, size, len(rows), total, err, size, len(quotes))
				}
				pages = append(pages, rows...)
			}
			check(t, fmt.Sprintf("LatestQuotes(%s) in pages of %d", body, size), pages, nil, newest)
		}
	}
	latest, _, err := s.LatestQuotes(ctx, store.Filter{Body: "TfL"}, store.Page{Limit: 1})
	if err != nil || len(latest) != 1 || latest[0].Date != "2018-01-18" {
		t.Errorf("LatestQuotes(TfL, first): %+v, %v; want a quote of 2018-01-18", latest, err)
	}
}

// DatesOf counts quotes by speaker and date, as MentionDates does.
func DatesOf(quotes []store.QuoteRow) []store.DatedMentions {
	out := []store.DatedMentions{}
	for _, q := range quotes {
		r := store.DatedMentions{Speaker: store.Ref{IRI: q.SpeakerI, Name: q.Speaker}, Date: q.Date}
		i := slices.IndexFunc(out, func(o store.DatedMentions) bool { return o.Speaker == r.Speaker && o.Date == r.Date })
		if i < 0 {
			i, out = len(out), append(out, r)
		}
		out[i].Mentions++
	}
	slices.SortFunc(out, func(a, b store.DatedMentions) int {
		return cmp.Or(cmp.Compare(a.Speaker.IRI, b.Speaker.IRI), cmp.Compare(a.Date, b.Date))
	})
	return out
}

// newestKey sorts undated quotes after every date when sorted newest first.
func newestKey(date string) string {
	if date == store.Undated {
		return ""
	}
	return date
}
