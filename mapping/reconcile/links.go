package reconcile

import (
	"context"
	"encoding/csv"
	"io"
	"regexp"
	"strconv"
)

var wikidataItem = regexp.MustCompile(`^Q[1-9][0-9]*$`)

// Entity is a body or person of the registers, named for reconciliation.
type Entity struct {
	IRI  string // our IRI
	Name string
	// Type is TypeOrganisation or TypeHuman.
	Type string
	// AssemblyMember marks a person who held a seat in the London Assembly.
	AssemblyMember bool
}

// Entity types, as written in the type column.
const (
	TypeOrganisation = "organisation"
	TypeHuman        = "human"
)

// Wikidata items and properties the queries use: the types organisation
// and human, country (P17) United Kingdom, and position held (P39) member
// of the London Assembly.
const (
	wdOrganisation   = "Q43229"
	wdHuman          = "Q5"
	wdCountry        = "P17"
	wdUnitedKingdom  = "Q145"
	wdPositionHeld   = "P39"
	wdLondonAssembly = "Q56573014"
)

// WikidataQuery is the query for e to a Wikidata reconciliation service:
// the name, its type, and the properties that tell namesakes apart.
func WikidataQuery(e Entity) Query {
	q := Query{Name: e.Name}
	switch e.Type {
	case TypeOrganisation:
		q.Type = wdOrganisation
		q.Properties = []Property{{wdCountry, wdUnitedKingdom}}
	case TypeHuman:
		q.Type = wdHuman
		if e.AssemblyMember {
			q.Properties = []Property{{wdPositionHeld, wdLondonAssembly}}
		}
	}
	return q
}

// Row is one row of a links file: an entity, and either a candidate for a
// person to review or, once accepted, the external IRI in SameAs.
type Row struct {
	Entity
	SameAs        string
	Candidate     string // the candidate's IRI
	CandidateName string
	Score         float64
	Match         bool
	HasCandidate  bool
}

// Header is the header of links files this package writes. The iri and
// same_as columns are the ones --links reads; the others are for review.
var Header = []string{"iri", "name", "type", "same_as", "candidate", "candidate_name", "score", "match"}

// WriteCSV writes rows as a links file.
func WriteCSV(w io.Writer, rows []Row) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Header); err != nil {
		return err
	}
	for _, r := range rows {
		rec := []string{r.IRI, r.Name, r.Type, r.SameAs, "", "", "", ""}
		if r.HasCandidate {
			rec[4], rec[5] = r.Candidate, r.CandidateName
			rec[6] = strconv.FormatFloat(r.Score, 'f', -1, 64)
			rec[7] = strconv.FormatBool(r.Match)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Result is what a run found.
type Result struct {
	Rows []Row
	// Unmatched are the entities for which the service had no candidate.
	Unmatched []Entity
	// Accepted counts the entities linked without review.
	Accepted int
}

// Run asks the service about every entity. With accept 0 it gives every
// candidate as a row to review (same_as left empty). With accept > 0 it
// gives only confident matches, with same_as filled: an entity is accepted
// when exactly one candidate scores accept or more, so two namesakes that
// both score high are left for a person to decide.
func Run(ctx context.Context, c *Client, es []Entity, accept float64) (Result, error) {
	qs := make([]Query, len(es))
	for i, e := range es {
		qs[i] = WikidataQuery(e)
	}
	answers, err := c.Reconcile(ctx, qs)
	if err != nil {
		return Result{}, err
	}
	var res Result
	for i, cs := range answers {
		e := es[i]
		if len(cs) == 0 {
			res.Unmatched = append(res.Unmatched, e)
			continue
		}
		if accept <= 0 {
			for _, cand := range cs {
				res.Rows = append(res.Rows, row(e, cand, ""))
			}
			continue
		}
		confident := 0
		for _, cand := range cs {
			if cand.Score >= accept {
				confident++
			}
		}
		if confident == 1 && cs[0].Score >= accept {
			iri := EntityIRI(cs[0].ID)
			res.Rows = append(res.Rows, row(e, cs[0], iri))
			res.Accepted++
		}
	}
	return res, nil
}

func row(e Entity, c Candidate, sameAs string) Row {
	return Row{Entity: e, SameAs: sameAs, Candidate: EntityIRI(c.ID), CandidateName: c.Name, Score: c.Score, Match: c.Match, HasCandidate: true}
}

// EntityIRI turns a candidate id into an IRI: a bare Wikidata Q-id becomes
// http://www.wikidata.org/entity/Q…; anything else is kept as given.
func EntityIRI(id string) string {
	if wikidataItem.MatchString(id) {
		return "http://www.wikidata.org/entity/" + id
	}
	return id
}
