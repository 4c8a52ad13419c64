package store

import (
	"cmp"
	"context"
	"slices"

	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

// Mentions and claims counted by the asker's Assembly group, year, speaker
// or role: the catalogue's "mentions-by-…" and "claims-by-…" queries, which
// `assemblykg query mentions --by …` and `query claims --by …` run.

// GroupMentionRow counts the mentions of a body in the questions an
// Assembly group asked in a year.
type GroupMentionRow struct {
	Group     string `json:"group" doc:"the Assembly group the question was asked on behalf of"`
	Year      string `json:"year" doc:"year of the session"`
	Body      string `json:"body" doc:"the body mentioned"`
	Questions int    `json:"questions" doc:"questions of the group that year that name the body"`
	Mentions  int    `json:"mentions" doc:"mentions of the body in those questions (question and answers)"`
}

// YearMentionRow counts the mentions of a body in a year.
type YearMentionRow struct {
	Year      string `json:"year" doc:"year of the session (undated when the transcript gives none)"`
	Body      string `json:"body" doc:"the body mentioned"`
	Questions int    `json:"questions" doc:"question items that name the body"`
	Mentions  int    `json:"mentions" doc:"mentions of the body in their turns"`
}

// RoleMentionRow counts the mentions of a body by speakers in a role.
type RoleMentionRow struct {
	Role     string `json:"role" doc:"the role the speakers held (Mayor of London, Assembly Member, Chair...)"`
	Body     string `json:"body" doc:"the body mentioned"`
	Turns    int    `json:"turns" doc:"turns in that role that name the body"`
	Mentions int    `json:"mentions" doc:"mentions of the body in them"`
}

// GroupClaimRow counts the claims made in the questions a group asked in a
// year.
type GroupClaimRow struct {
	Group  string `json:"group" doc:"the Assembly group the question was asked on behalf of"`
	Year   string `json:"year" doc:"year of the session"`
	Claims int    `json:"claims" doc:"claims made in those questions (question and answers)"`
}

// YearClaimRow counts the claims made in a year.
type YearClaimRow struct {
	Year   string `json:"year" doc:"year of the session (undated when the transcript gives none)"`
	Claims int    `json:"claims" doc:"claims made that year"`
}

// SpeakerClaimRow counts the claims a speaker made.
type SpeakerClaimRow struct {
	Speaker string `json:"speaker" doc:"who made them"`
	Claims  int    `json:"claims" doc:"claims they made"`
}

// RoleClaimRow counts the claims made by speakers in a role.
type RoleClaimRow struct {
	Role   string `json:"role" doc:"the role the speakers held"`
	Claims int    `json:"claims" doc:"claims made in that role"`
}

// yearOf is the year of a date, or Undated.
func yearOf(date string) string {
	if date == Undated || len(date) < 4 {
		return Undated
	}
	return date[:4]
}

// askers maps questions to the groups they were asked on behalf of and their
// dates; questions with no group or no date are left out.
func (s *Store) askers(ctx context.Context, questions []quad.Value) (map[quad.Value][]string, map[quad.Value]string, error) {
	questions = dedup(questions)
	groups, err := s.objects(ctx, questions, ontology.OpenGovOnBehalfOf)
	if err != nil {
		return nil, nil, s.queryErr(err)
	}
	dates, err := s.one(ctx, questions, ontology.DCTDate)
	if err != nil {
		return nil, nil, s.queryErr(err)
	}
	var all []quad.Value
	for _, gs := range groups {
		all = append(all, gs...)
	}
	names, err := s.label(ctx, dedup(all), ontology.SKOSPrefLabel)
	if err != nil {
		return nil, nil, s.queryErr(err)
	}
	out, years := map[quad.Value][]string{}, map[quad.Value]string{}
	for q, gs := range groups {
		if dates[q] == nil {
			continue
		}
		years[q] = yearOf(Lexical(dates[q]))
		for _, g := range gs {
			out[q] = append(out[q], names[g])
		}
		slices.Sort(out[q])
		out[q] = slices.Compact(out[q])
	}
	return out, years, nil
}

// roleNames returns the labels of the turns' roles.
func (s *Store) roleNames(ctx context.Context, info map[quad.Value]turnInfo) (map[quad.Value]string, error) {
	var roles []quad.Value
	for _, ti := range info {
		roles = append(roles, ti.role)
	}
	names, err := s.label(ctx, dedup(roles), ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	return names, nil
}

// counter counts distinct mentions (or claims) and questions (or turns)
// under a key.
type counter[K comparable] struct {
	items, parts map[K]map[quad.Value]struct{}
}

func newCounter[K comparable]() *counter[K] {
	return &counter[K]{items: map[K]map[quad.Value]struct{}{}, parts: map[K]map[quad.Value]struct{}{}}
}

func (c *counter[K]) add(k K, item, part quad.Value) {
	if c.items[k] == nil {
		c.items[k], c.parts[k] = map[quad.Value]struct{}{}, map[quad.Value]struct{}{}
	}
	c.items[k][item] = struct{}{}
	c.parts[k][part] = struct{}{}
}

// summaryByNames reads the body-first summary kinds mk and ik for f's body
// (every body when none) and names their bodies and, with the label
// predicate of each part of the rest of the key (nil for a part kept as
// it is), the nodes of the rest; with dates, from the kinds counted per
// date. ok is false when the summaries cannot answer: they are not current,
// f has a speaker or a question, or two of the nodes named share a name
// (their counts could not be added up).
func (s *Store) summaryByNames(ctx context.Context, f Filter, mk, ik string, labels ...quad.IRI) (rows []*sumBy, names []map[quad.Value]string, ok bool, err error) {
	if f.Speaker != "" || f.Question != "" {
		return nil, nil, false, nil
	}
	bodies, err := s.resolveBodies(ctx, f.Body)
	if err != nil || (f.Body != "" && len(bodies) == 0) {
		return nil, nil, false, err
	}
	if f.From != "" || f.To != "" {
		rows, ok, err = s.summaryBetween(ctx, bodies, mk, ik, f.From, f.To)
	} else {
		rows, ok, err = s.summaryBy(ctx, bodies, mk, ik)
	}
	if err != nil {
		return nil, nil, false, s.queryErr(err)
	}
	if !ok {
		return nil, nil, false, nil
	}
	preds := append([]quad.IRI{ontology.SKOSPrefLabel}, labels...)
	for i, pred := range preds {
		var nodes []quad.Value
		for _, r := range rows {
			if i == 0 {
				nodes = append(nodes, r.body)
			} else if n := keyNode(r.rest[i-1]); n != nil {
				nodes = append(nodes, n)
			}
		}
		nodes = dedup(nodes)
		m := map[quad.Value]string{}
		if pred != "" {
			if m, err = s.label(ctx, nodes, pred); err != nil {
				return nil, nil, false, s.queryErr(err)
			}
			seen := make(map[string]bool, len(m))
			for _, n := range nodes {
				if seen[m[n]] {
					return nil, nil, false, nil
				}
				seen[m[n]] = true
			}
		}
		names = append(names, m)
	}
	return rows, names, true, nil
}

// summaryClaims reads the claim summary kind for f's body (any body when
// none) and names the nodes of the rest of each key with the label
// predicate of its part (nil for a part kept as it is), adding up the
// counts of keys whose rests read the same; with dates, from the kind
// counted per date. ok is false when the summaries cannot answer: they are
// not current, f has a speaker or a question, its body names several
// bodies, or, with distinct, two of the
// nodes named share a name (a claim counts once under a name however many
// of its nodes bear it).
func (s *Store) summaryClaims(ctx context.Context, f Filter, kind string, distinct bool, labels ...quad.IRI) (counts map[[2]string]int, ok bool, err error) {
	if f.Speaker != "" || f.Question != "" {
		return nil, false, nil
	}
	bodies, err := s.resolveBodies(ctx, f.Body)
	if err != nil || len(bodies) > 1 || (f.Body != "" && len(bodies) == 0) {
		return nil, false, err
	}
	if len(bodies) == 0 {
		bodies = []quad.Value{nil} // the keys of any body
	}
	var rows []*sumBy
	if f.From != "" || f.To != "" {
		rows, ok, err = s.summaryBetween(ctx, bodies, kind, "", f.From, f.To)
	} else {
		rows, ok, err = s.summaryBy(ctx, bodies, kind, "")
	}
	if err != nil {
		return nil, false, s.queryErr(err)
	}
	if !ok {
		return nil, false, nil
	}
	names := make([]map[quad.Value]string, len(labels))
	for i, pred := range labels {
		if pred == "" {
			continue
		}
		var nodes []quad.Value
		for _, r := range rows {
			nodes = append(nodes, keyNode(r.rest[i]))
		}
		nodes = dedup(nodes)
		if names[i], err = s.label(ctx, nodes, pred); err != nil {
			return nil, false, s.queryErr(err)
		}
		seen := make(map[string]bool, len(nodes))
		for _, n := range nodes {
			if distinct && seen[names[i][n]] {
				return nil, false, nil
			}
			seen[names[i][n]] = true
		}
	}
	counts = map[[2]string]int{}
	for _, r := range rows {
		var k [2]string
		for i, part := range r.rest {
			if labels[i] != "" {
				part = names[i][keyNode(part)]
			}
			k[i] = part
		}
		counts[k] += r.mentions
	}
	return counts, true, nil
}

// MentionsByGroup counts, for each Assembly group, year and body, the
// mentions of the body in the questions asked on behalf of the group that
// year, and those questions. Undated questions are left out. The
// counts come from the summaries (one key per row, or per row and date
// between dates) when they are current.
func (s *Store) MentionsByGroup(ctx context.Context, f Filter) ([]GroupMentionRow, error) {
	sums, names, ok, err := s.summaryByNames(ctx, f, "G", "Q", ontology.SKOSPrefLabel, "")
	if err != nil {
		return nil, err
	}
	if ok {
		out := make([]GroupMentionRow, 0, len(sums))
		for _, r := range sums {
			out = append(out, GroupMentionRow{Group: names[1][keyNode(r.rest[0])], Year: r.rest[1], Body: names[0][r.body],
				Questions: r.items, Mentions: r.mentions})
		}
		sortGroupMentions(out)
		return out, nil
	}
	rows, info, err := s.mentionsOf(ctx, f)
	if err != nil {
		return nil, err
	}
	var questions, bodies []quad.Value
	for _, r := range rows {
		questions = append(questions, info[r.turn].question)
		bodies = append(bodies, r.body)
	}
	groups, years, err := s.askers(ctx, questions)
	if err != nil {
		return nil, err
	}
	bname, err := s.label(ctx, dedup(bodies), ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	type key struct{ group, year, body string }
	c := newCounter[key]()
	for _, r := range rows {
		q := info[r.turn].question
		for _, g := range groups[q] {
			c.add(key{g, years[q], bname[r.body]}, r.m, q)
		}
	}
	out := make([]GroupMentionRow, 0, len(c.items))
	for k, ms := range c.items {
		out = append(out, GroupMentionRow{Group: k.group, Year: k.year, Body: k.body, Questions: len(c.parts[k]), Mentions: len(ms)})
	}
	sortGroupMentions(out)
	return out, nil
}

func sortGroupMentions(out []GroupMentionRow) {
	slices.SortFunc(out, func(a, b GroupMentionRow) int {
		return cmp.Or(cmp.Compare(a.Group, b.Group), cmp.Compare(a.Year, b.Year), cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Body, b.Body))
	})
}

// MentionsByYear counts, for each year and body, the mentions of the body
// and the question items naming it. The counts come from the summaries (one
// key per row, or per row and date between dates) when they are current.
func (s *Store) MentionsByYear(ctx context.Context, f Filter) ([]YearMentionRow, error) {
	sums, names, ok, err := s.summaryByNames(ctx, f, "y", "w", "")
	if err != nil {
		return nil, err
	}
	if ok {
		out := make([]YearMentionRow, 0, len(sums))
		for _, r := range sums {
			out = append(out, YearMentionRow{Year: r.rest[0], Body: names[0][r.body], Questions: r.items, Mentions: r.mentions})
		}
		sortYearMentions(out)
		return out, nil
	}
	rows, info, err := s.mentionsOf(ctx, f)
	if err != nil {
		return nil, err
	}
	var bodies []quad.Value
	for _, r := range rows {
		bodies = append(bodies, r.body)
	}
	bname, err := s.label(ctx, dedup(bodies), ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	type key struct{ year, body string }
	c := newCounter[key]()
	for _, r := range rows {
		ti := info[r.turn]
		c.add(key{yearOf(dateOf(ti.date)), bname[r.body]}, r.m, ti.question)
	}
	out := make([]YearMentionRow, 0, len(c.items))
	for k, ms := range c.items {
		out = append(out, YearMentionRow{Year: k.year, Body: k.body, Questions: len(c.parts[k]), Mentions: len(ms)})
	}
	sortYearMentions(out)
	return out, nil
}

func sortYearMentions(out []YearMentionRow) {
	slices.SortFunc(out, func(a, b YearMentionRow) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Body, b.Body))
	})
}

// MentionsByRole counts, for each role and body, the mentions of the body
// in turns spoken in that role, and those turns. The counts come from the
// summaries (one key per row, or per row and date between dates) when they
// are current.
func (s *Store) MentionsByRole(ctx context.Context, f Filter) ([]RoleMentionRow, error) {
	sums, names, ok, err := s.summaryByNames(ctx, f, "r", "R", ontology.SKOSPrefLabel)
	if err != nil {
		return nil, err
	}
	if ok {
		out := make([]RoleMentionRow, 0, len(sums))
		for _, r := range sums {
			out = append(out, RoleMentionRow{Role: names[1][keyNode(r.rest[0])], Body: names[0][r.body], Turns: r.items, Mentions: r.mentions})
		}
		sortRoleMentions(out)
		return out, nil
	}
	rows, info, err := s.mentionsOf(ctx, f)
	if err != nil {
		return nil, err
	}
	rname, err := s.roleNames(ctx, info)
	if err != nil {
		return nil, err
	}
	var bodies []quad.Value
	for _, r := range rows {
		bodies = append(bodies, r.body)
	}
	bname, err := s.label(ctx, dedup(bodies), ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	type key struct{ role, body string }
	c := newCounter[key]()
	for _, r := range rows {
		c.add(key{rname[info[r.turn].role], bname[r.body]}, r.m, r.turn)
	}
	out := make([]RoleMentionRow, 0, len(c.items))
	for k, ms := range c.items {
		out = append(out, RoleMentionRow{Role: k.role, Body: k.body, Turns: len(c.parts[k]), Mentions: len(ms)})
	}
	sortRoleMentions(out)
	return out, nil
}

func sortRoleMentions(out []RoleMentionRow) {
	slices.SortFunc(out, func(a, b RoleMentionRow) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.Body, b.Body))
	})
}

// claimsIn returns the claims about f's body (any claim when none is given)
// made in turns within f's dates, each with its turn, and the turns' info.
func (s *Store) claimsIn(ctx context.Context, f Filter) (map[quad.Value]quad.Value, map[quad.Value]turnInfo, error) {
	bodies, err := s.resolveBodies(ctx, f.Body)
	if err != nil {
		return nil, nil, err
	}
	p := s.ofType(ontology.Statement)
	if len(bodies) > 0 {
		// From the bodies' in-links: far fewer than all claims.
		p = path.StartPath(s.h.QuadStore, bodies...).In(ontology.SchemaAbout).Has(ontology.RDFType, ontology.Statement)
	}
	claims, err := s.nodes(ctx, p)
	if err != nil {
		return nil, nil, s.queryErr(err)
	}
	turnOf, err := s.one(ctx, claims, ontology.SchemaAppearance)
	if err != nil {
		return nil, nil, s.queryErr(err)
	}
	var turns []quad.Value
	for _, t := range turnOf {
		turns = append(turns, t)
	}
	info, err := s.turns(ctx, dedup(turns))
	if err != nil {
		return nil, nil, err
	}
	for c, t := range turnOf {
		if !inRange(dateOf(info[t].date), f.From, f.To) {
			delete(turnOf, c)
		}
	}
	return turnOf, info, nil
}

// ClaimsByGroup counts, for each Assembly group and year, the claims made
// in the questions asked on behalf of the group. Undated questions are left
// out.
func (s *Store) ClaimsByGroup(ctx context.Context, f Filter) ([]GroupClaimRow, error) {
	type key struct{ group, year string }
	n := map[key]int{}
	if sums, ok, err := s.summaryClaims(ctx, f, "P", true, ontology.SKOSPrefLabel, ""); err != nil {
		return nil, err
	} else if ok {
		for k, c := range sums {
			n[key{k[0], k[1]}] += c
		}
	} else {
		turnOf, info, err := s.claimsIn(ctx, f)
		if err != nil {
			return nil, err
		}
		var questions []quad.Value
		for _, t := range turnOf {
			questions = append(questions, info[t].question)
		}
		groups, years, err := s.askers(ctx, questions)
		if err != nil {
			return nil, err
		}
		for _, t := range turnOf {
			q := info[t].question
			for _, g := range groups[q] {
				n[key{g, years[q]}]++
			}
		}
	}
	out := make([]GroupClaimRow, 0, len(n))
	for k, c := range n {
		out = append(out, GroupClaimRow{Group: k.group, Year: k.year, Claims: c})
	}
	slices.SortFunc(out, func(a, b GroupClaimRow) int {
		return cmp.Or(cmp.Compare(a.Group, b.Group), cmp.Compare(a.Year, b.Year))
	})
	return out, nil
}

// ClaimsByYear counts the claims made in each year.
func (s *Store) ClaimsByYear(ctx context.Context, f Filter) ([]YearClaimRow, error) {
	n := map[string]int{}
	if sums, ok, err := s.summaryClaims(ctx, f, "C", false, ""); err != nil {
		return nil, err
	} else if ok {
		for k, c := range sums {
			n[k[0]] += c
		}
	} else {
		turnOf, info, err := s.claimsIn(ctx, f)
		if err != nil {
			return nil, err
		}
		for _, t := range turnOf {
			n[yearOf(dateOf(info[t].date))]++
		}
	}
	out := make([]YearClaimRow, 0, len(n))
	for y, c := range n {
		out = append(out, YearClaimRow{Year: y, Claims: c})
	}
	slices.SortFunc(out, func(a, b YearClaimRow) int { return cmp.Compare(a.Year, b.Year) })
	return out, nil
}

// ClaimsBySpeaker counts the claims each speaker made.
func (s *Store) ClaimsBySpeaker(ctx context.Context, f Filter) ([]SpeakerClaimRow, error) {
	n := map[string]int{}
	if sums, ok, err := s.summaryClaims(ctx, f, "K", false, ontology.FOAFName); err != nil {
		return nil, err
	} else if ok {
		for k, c := range sums {
			n[k[0]] += c
		}
	} else {
		turnOf, info, err := s.claimsIn(ctx, f)
		if err != nil {
			return nil, err
		}
		var speakers []quad.Value
		for _, ti := range info {
			speakers = append(speakers, ti.speaker)
		}
		names, err := s.label(ctx, dedup(speakers), ontology.FOAFName)
		if err != nil {
			return nil, s.queryErr(err)
		}
		for _, t := range turnOf {
			n[names[info[t].speaker]]++
		}
	}
	out := make([]SpeakerClaimRow, 0, len(n))
	for sp, c := range n {
		out = append(out, SpeakerClaimRow{Speaker: sp, Claims: c})
	}
	slices.SortFunc(out, func(a, b SpeakerClaimRow) int {
		return cmp.Or(cmp.Compare(b.Claims, a.Claims), cmp.Compare(a.Speaker, b.Speaker))
	})
	return out, nil
}

// ClaimsByRole counts the claims made in each role.
func (s *Store) ClaimsByRole(ctx context.Context, f Filter) ([]RoleClaimRow, error) {
	n := map[string]int{}
	if sums, ok, err := s.summaryClaims(ctx, f, "L", false, ontology.SKOSPrefLabel); err != nil {
		return nil, err
	} else if ok {
		for k, c := range sums {
			n[k[0]] += c
		}
	} else {
		turnOf, info, err := s.claimsIn(ctx, f)
		if err != nil {
			return nil, err
		}
		rname, err := s.roleNames(ctx, info)
		if err != nil {
			return nil, err
		}
		for _, t := range turnOf {
			n[rname[info[t].role]]++
		}
	}
	out := make([]RoleClaimRow, 0, len(n))
	for r, c := range n {
		out = append(out, RoleClaimRow{Role: r, Claims: c})
	}
	slices.SortFunc(out, func(a, b RoleClaimRow) int {
		return cmp.Or(cmp.Compare(b.Claims, a.Claims), cmp.Compare(a.Role, b.Role))
	})
	return out, nil
}
