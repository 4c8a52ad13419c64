package store

import (
	"context"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

// Graphs lists the transcript graphs in the store: the named graphs that
// describe themselves as a prov:Entity, the register graph aside.
func (s *Store) Graphs(ctx context.Context) (_ []quad.IRI, err error) {
	defer s.guard("query", &err)()
	nodes, err := s.nodes(ctx, s.ofType(ontology.ProvEntity))
	if err != nil {
		return nil, s.queryErr(err)
	}
	var out []quad.IRI
	for _, n := range nodes {
		if iri, ok := n.(quad.IRI); ok && strings.Contains(string(iri), "/graph/") && !IsRegister(iri) {
			out = append(out, iri)
		}
	}
	slices.SortFunc(out, func(a, b quad.IRI) int { return Natural(string(a), string(b)) })
	return out, nil
}

// Prune removes the transcript graphs (see Graphs) this loader did not put
// or merge — the graphs of transcripts gone from the folders a load was
// given — and returns their labels. Call it after the last Put; it
// flushes.
func (l *Loader) Prune(ctx context.Context) ([]quad.IRI, error) {
	if err := l.Flush(ctx); err != nil {
		return nil, err
	}
	all, err := l.s.Graphs(ctx)
	if err != nil {
		return nil, err
	}
	var gone []quad.IRI
	for _, g := range all {
		if _, ok := l.touched[g]; ok {
			continue
		}
		if err := l.put(ctx, g, nil, true); err != nil {
			return gone, err
		}
		gone = append(gone, g)
	}
	return gone, l.Flush(ctx)
}
