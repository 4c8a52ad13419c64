package store

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/cayleygraph/quad"
)

// MentionCountsBothWays returns the mention counts f selects as the
// summaries give them and as counted over the mentions, one line per
// speaker and body.
func MentionCountsBothWays(ctx context.Context, s *Store, f Filter) (fromSummaries, counted []string, err error) {
	bodies, err := s.resolveBodies(ctx, f.Body)
	if err != nil {
		return nil, nil, err
	}
	speakers, err := s.resolvePeople(ctx, f.Speaker, f.From, f.To)
	if err != nil {
		return nil, nil, err
	}
	fast, ok, err := s.summaryMentions(ctx, bodies, speakers, f.From, f.To)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, errors.New("the summaries cannot answer")
	}
	slow, err := s.countMentions(ctx, f)
	if err != nil {
		return nil, nil, err
	}
	lines := func(rows []sumMention) []string {
		var out []string
		for _, r := range rows {
			out = append(out, fmt.Sprintf("%v %v %d %s %s", r.speaker, r.body, r.mentions, r.first, r.last))
		}
		slices.Sort(out)
		return out
	}
	return lines(fast), lines(slow), nil
}

// WithoutSummaries runs fn as if the summaries of s were not current, so
// that the queries count over the quads.
func WithoutSummaries(s *Store, fn func()) {
	old := s.sumStale
	s.sumStale = true
	defer func() { s.sumStale = old }()
	fn()
}

// Neighbours returns the edges Path follows from node: the nodes they lead
// to and the triples.
func Neighbours(ctx context.Context, s *Store, node quad.Value) ([]quad.Value, []Step, error) {
	edges, err := s.neighbours(ctx, node)
	var to []quad.Value
	var steps []Step
	for _, e := range edges {
		to, steps = append(to, e.to), append(steps, e.triple)
	}
	return to, steps, err
}
