package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

// NotFoundError reports that a name given to a query matches no node.
type NotFoundError struct {
	What string // "body", "person", "node"
	Name string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("no %s named %q", e.What, e.Name) }

// MentionFilter narrows Mentions. Body and Speaker accept a name, an alias or
// an IRI; From and To are dates (yyyy-mm-dd), inclusive. Empty fields match
// everything.
type MentionFilter struct {
	Body, Speaker string
	From, To      string
}

// MentionRow counts how often one speaker mentioned one body.
type MentionRow struct {
	SpeakerName string   `json:"speakerName"`
	BodyName    string   `json:"bodyName"`
	Mentions    int      `json:"mentions"`
	First       string   `json:"first"` // date of the first session with such a mention
	Last        string   `json:"last"`  // date of the last one
	Speaker     quad.IRI `json:"speaker"`
	Body        quad.IRI `json:"body"`
}

// BodyRow describes a public body and how often it is mentioned.
type BodyRow struct {
	Body     quad.IRI `json:"body"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	SameAs   []string `json:"sameAs"`
	Mentions int      `json:"mentions"`
}

// PersonRow describes a person and how many speech turns they gave.
type PersonRow struct {
	Person quad.IRI `json:"person"`
	Name   string   `json:"name"`
	Turns  int      `json:"turns"`
	SameAs []string `json:"sameAs"`
}

// SessionRow describes one Mayor's Question Time session.
type SessionRow struct {
	Session   quad.IRI `json:"session"`
	Date      string   `json:"date"`
	Questions int      `json:"questions"`
}

// ClaimRow is one claim made in a speech turn.
type ClaimRow struct {
	Claim       quad.IRI `json:"claim"`
	Kinds       []string `json:"kinds"` // local names of the claim's classes besides schema:Claim
	Speaker     quad.IRI `json:"speaker"`
	SpeakerName string   `json:"speakerName"`
	Value       string   `json:"value"`
	Unit        string   `json:"unit"`
	Sentence    string   `json:"sentence"`
	Date        string   `json:"date"`
	About       []string `json:"about"` // names of the bodies the claim is about
}

// AnswerRow counts the answers one person gave about a body: turns that
// mention the body, spoken by the person recorded as answering the question.
type AnswerRow struct {
	Speaker     quad.IRI `json:"speaker"`
	SpeakerName string   `json:"speakerName"`
	Turns       int      `json:"turns"`
	Questions   int      `json:"questions"`
	First       string   `json:"first"`
	Last        string   `json:"last"`
}

// text returns the lexical form of a literal, or the IRI string.
func text(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.String:
		return string(v)
	case quad.TypedString:
		return string(v.Value)
	case quad.LangString:
		return string(v.Value)
	case quad.IRI:
		return string(v)
	case quad.BNode:
		return v.String()
	}
	return fmt.Sprint(v.Native())
}

func iriOf(v quad.Value) quad.IRI {
	if i, ok := v.(quad.IRI); ok {
		return i
	}
	return quad.IRI(text(v))
}

func isLiteral(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode:
		return false
	}
	return true
}

// tagRows runs p and returns the tagged values of each result, deduplicated
// (the same triple may sit in several named graphs).
func (s *Store) tagRows(ctx context.Context, p *path.Path) ([]map[string]quad.Value, error) {
	var rows []map[string]quad.Value
	seen := make(map[string]struct{})
	var kb strings.Builder
	err := p.Iterate(ctx).TagValues(s.h.QuadStore, func(m map[string]quad.Value) error {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		kb.Reset()
		for _, k := range keys {
			kb.WriteString(k)
			kb.WriteByte('=')
			if m[k] != nil {
				kb.WriteString(m[k].String())
			}
			kb.WriteByte(0)
		}
		if _, ok := seen[kb.String()]; !ok {
			seen[kb.String()] = struct{}{}
			rows = append(rows, m)
		}
		return nil
	})
	if err == nil {
		err = ctx.Err()
	}
	return rows, err
}

// nodes runs p and returns its distinct result nodes.
func (s *Store) nodes(ctx context.Context, p *path.Path) ([]quad.Value, error) {
	seen := make(map[quad.Value]struct{})
	var out []quad.Value
	err := p.Iterate(ctx).EachValue(s.h.QuadStore, func(v quad.Value) error {
		if _, ok := seen[v]; !ok {
			seen[v] = struct{}{}
			out = append(out, v)
		}
		return nil
	})
	if err == nil {
		err = ctx.Err()
	}
	return out, err
}

// objects maps each of the nodes to its distinct objects of pred, sorted.
func (s *Store) objects(ctx context.Context, nodes []quad.Value, pred quad.IRI) (map[quad.Value][]quad.Value, error) {
	out := make(map[quad.Value][]quad.Value)
	if len(nodes) == 0 {
		return out, nil
	}
	rows, err := s.tagRows(ctx, path.StartPath(s.h.QuadStore, nodes...).Tag("s").Out(pred).Tag("o"))
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r["s"]] = append(out[r["s"]], r["o"])
	}
	for k, vs := range out {
		slices.SortFunc(vs, func(a, b quad.Value) int { return strings.Compare(a.String(), b.String()) })
		out[k] = slices.CompactFunc(vs, func(a, b quad.Value) bool { return a.String() == b.String() })
	}
	return out, nil
}

// first returns the text of the first object of pred for each node. Each
// node is looked up on its own so that the key-value stores answer from
// their subject-predicate index, and stops at the first value: a person or
// body is described again in every graph that names it.
func (s *Store) first(ctx context.Context, nodes []quad.Value, pred quad.IRI) (map[quad.Value]string, error) {
	out := make(map[quad.Value]string, len(nodes))
	for _, n := range nodes {
		if _, done := out[n]; done {
			continue
		}
		if v, ok := s.names.Load(nameKey{n, pred}); ok {
			out[n] = v.(string)
			continue
		}
		err := path.StartPath(s.h.QuadStore, n).Out(pred).Limit(1).Iterate(ctx).EachValue(s.h.QuadStore, func(v quad.Value) error {
			out[n] = text(v)
			s.names.Store(nameKey{n, pred}, text(v))
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, ctx.Err()
}

func texts(vs []quad.Value) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, text(v))
	}
	return out
}

// Predicates whose literal objects name a node, for resolving names.
var (
	bodyNames   = []quad.IRI{ontology.SKOSPrefLabel, ontology.SKOSAltLabel}
	personNames = []quad.IRI{ontology.FOAFName, ontology.SKOSAltLabel}
	anyNames    = []quad.IRI{ontology.FOAFName, ontology.SKOSPrefLabel, ontology.SKOSAltLabel, ontology.SchemaName, ontology.DCTTitle}
)

// resolve finds the nodes a user means by name: an IRI (bare or in angle
// brackets), or a literal of one of preds, matched exactly and then without
// regard to case.
func (s *Store) resolve(ctx context.Context, what, name string, preds []quad.IRI) ([]quad.Value, error) {
	name = strings.TrimSpace(name)
	if strings.HasPrefix(name, "<") && strings.HasSuffix(name, ">") {
		return []quad.Value{quad.IRI(name[1 : len(name)-1])}, nil
	}
	if strings.Contains(name, "://") {
		return []quad.Value{quad.IRI(name)}, nil
	}
	predVals := make([]any, len(preds))
	for i, p := range preds {
		predVals[i] = p
	}
	found, err := s.nodes(ctx, path.StartPath(s.h.QuadStore, quad.String(name)).In(predVals...))
	if err != nil {
		return nil, err
	}
	if len(found) == 0 {
		// Without regard to case: scan the name predicates.
		seen := make(map[quad.Value]struct{})
		for _, p := range preds {
			err := s.eachQuad(ctx, quad.Predicate, p, func(q quad.Quad) {
				if _, ok := seen[q.Subject]; !ok && strings.EqualFold(text(q.Object), name) {
					seen[q.Subject] = struct{}{}
					found = append(found, q.Subject)
				}
			})
			if err != nil {
				return nil, err
			}
		}
	}
	if len(found) == 0 {
		return nil, &NotFoundError{What: what, Name: name}
	}
	slices.SortFunc(found, func(a, b quad.Value) int { return strings.Compare(a.String(), b.String()) })
	return found, nil
}

// eachQuad calls fn for every quad whose direction d is v.
func (s *Store) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad)) error {
	qs := s.h.QuadStore
	ref, err := qs.ValueOf(v)
	if err != nil || ref == nil {
		return err
	}
	it := qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return err
		}
		fn(q)
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// ofType starts a path at the nodes of a class.
func (s *Store) ofType(class quad.IRI) *path.Path {
	return path.StartPath(s.h.QuadStore, class).In(ontology.RDFType)
}

// mentionPath starts at mention nodes (tag "m") with their body (tag
// "body"), of the given bodies or of all.
func (s *Store) mentionPath(bodies []quad.Value) *path.Path {
	if len(bodies) == 0 {
		return s.ofType(ontology.Mention).Tag("m").Save(ontology.ITSTaIdentRef, "body")
	}
	// Only mentions link to a body with itsrdf:taIdentRef, and callers go on
	// through akg:inTurn, which only mentions have: no type check needed.
	return path.StartPath(s.h.QuadStore, bodies...).Tag("body").In(ontology.ITSTaIdentRef).Tag("m")
}

func inRange(date, from, to string) bool {
	return (from == "" || date >= from) && (to == "" || date <= to)
}

// Mentions counts, for each speaker and body, the mentions of the body in
// the speaker's turns, with the dates of the first and last session.
func (s *Store) Mentions(ctx context.Context, f MentionFilter) ([]MentionRow, error) {
	var bodies, speakers []quad.Value
	var err error
	if f.Body != "" {
		if bodies, err = s.resolve(ctx, "body", f.Body, bodyNames); err != nil {
			return nil, err
		}
	}
	if f.Speaker != "" {
		if speakers, err = s.resolve(ctx, "person", f.Speaker, personNames); err != nil {
			return nil, err
		}
	}
	// Mentions and their turns, then each distinct turn's speaker and date:
	// a turn holds several mentions, so this reads each turn once.
	mp := s.mentionPath(bodies).Out(ontology.InTurn).Tag("turn")
	if len(bodies) == 0 && len(speakers) > 0 {
		// From the speakers' turns: far fewer than all mentions.
		mp = path.StartPath(s.h.QuadStore, speakers...).In(ontology.SchemaCreator).Tag("turn").
			In(ontology.InTurn).Tag("m").Save(ontology.ITSTaIdentRef, "body")
	}
	rows, err := s.tagRows(ctx, mp)
	if err != nil {
		return nil, s.queryErr(err)
	}
	var turns []quad.Value
	seenTurn := make(map[quad.Value]struct{})
	for _, r := range rows {
		if _, ok := seenTurn[r["turn"]]; !ok {
			seenTurn[r["turn"]] = struct{}{}
			turns = append(turns, r["turn"])
		}
	}
	type turnInfo struct{ speaker, date quad.Value }
	info := make(map[quad.Value]turnInfo, len(turns))
	if len(turns) > 0 {
		tp := path.StartPath(s.h.QuadStore, turns...).Tag("turn")
		if len(speakers) > 0 {
			tp = tp.Has(ontology.SchemaCreator, speakers...)
		}
		trows, err := s.tagRows(ctx, tp.Save(ontology.SchemaCreator, "speaker").Save(ontology.DCTDate, "date"))
		if err != nil {
			return nil, s.queryErr(err)
		}
		for _, r := range trows {
			info[r["turn"]] = turnInfo{r["speaker"], r["date"]}
		}
	}
	type key struct{ speaker, body quad.Value }
	type agg struct {
		mentions    map[quad.Value]struct{}
		first, last string
	}
	groups := make(map[key]*agg)
	for _, r := range rows {
		ti, ok := info[r["turn"]]
		if !ok {
			continue // another speaker's turn, or a turn with no speaker
		}
		date := text(ti.date)
		if !inRange(date, f.From, f.To) {
			continue
		}
		k := key{ti.speaker, r["body"]}
		g := groups[k]
		if g == nil {
			g = &agg{mentions: make(map[quad.Value]struct{}), first: date, last: date}
			groups[k] = g
		}
		g.mentions[r["m"]] = struct{}{}
		g.first, g.last = min(g.first, date), max(g.last, date)
	}
	var people, orgs []quad.Value
	for k := range groups {
		people = append(people, k.speaker)
		orgs = append(orgs, k.body)
	}
	pname, err := s.first(ctx, people, ontology.FOAFName)
	if err != nil {
		return nil, s.queryErr(err)
	}
	bname, err := s.first(ctx, orgs, ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]MentionRow, 0, len(groups))
	for k, g := range groups {
		out = append(out, MentionRow{
			Speaker: iriOf(k.speaker), SpeakerName: pname[k.speaker],
			Body: iriOf(k.body), BodyName: bname[k.body],
			Mentions: len(g.mentions), First: g.first, Last: g.last,
		})
	}
	slices.SortFunc(out, func(a, b MentionRow) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.SpeakerName, b.SpeakerName),
			cmp.Compare(a.BodyName, b.BodyName), cmp.Compare(a.Speaker, b.Speaker), cmp.Compare(a.Body, b.Body))
	})
	return out, nil
}

// countDistinct runs p, whose results carry tags key and item, and counts
// the distinct items per key.
func (s *Store) countDistinct(ctx context.Context, p *path.Path, key, item string) (map[quad.Value]int, error) {
	rows, err := s.tagRows(ctx, p)
	if err != nil {
		return nil, err
	}
	sets := make(map[quad.Value]map[quad.Value]struct{})
	for _, r := range rows {
		m := sets[r[key]]
		if m == nil {
			m = make(map[quad.Value]struct{})
			sets[r[key]] = m
		}
		m[r[item]] = struct{}{}
	}
	out := make(map[quad.Value]int, len(sets))
	for k, m := range sets {
		out[k] = len(m)
	}
	return out, nil
}

// Bodies lists the public bodies with their names, kinds, equivalent IRIs
// and numbers of mentions.
func (s *Store) Bodies(ctx context.Context) ([]BodyRow, error) {
	bodies, err := s.nodes(ctx, s.ofType(ontology.OrgOrganization))
	if err != nil {
		return nil, s.queryErr(err)
	}
	names, err := s.first(ctx, bodies, ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	kinds, err := s.first(ctx, bodies, ontology.OrgClassification)
	if err != nil {
		return nil, s.queryErr(err)
	}
	same, err := s.objects(ctx, bodies, ontology.SchemaSameAs)
	if err != nil {
		return nil, s.queryErr(err)
	}
	counts, err := s.mentionCounts(ctx)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]BodyRow, 0, len(bodies))
	for _, b := range bodies {
		kind := kinds[b]
		if i := strings.LastIndexAny(kind, "/#"); i >= 0 {
			kind = kind[i+1:]
		}
		n := 0
		if ref, err := s.h.QuadStore.ValueOf(b); err == nil && ref != nil {
			n = counts[refs.ToKey(ref)]
		}
		out = append(out, BodyRow{Body: iriOf(b), Name: names[b], Kind: kind, SameAs: texts(same[b]), Mentions: n})
	}
	slices.SortFunc(out, func(a, b BodyRow) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Body, b.Body)) })
	return out, nil
}

// People lists the people with their names, numbers of speech turns and
// equivalent IRIs.
func (s *Store) People(ctx context.Context) ([]PersonRow, error) {
	people, err := s.nodes(ctx, s.ofType(ontology.FOAFPerson))
	if err != nil {
		return nil, s.queryErr(err)
	}
	names, err := s.first(ctx, people, ontology.FOAFName)
	if err != nil {
		return nil, s.queryErr(err)
	}
	same, err := s.objects(ctx, people, ontology.SchemaSameAs)
	if err != nil {
		return nil, s.queryErr(err)
	}
	var turns map[quad.Value]int
	if len(people) > 0 {
		turns, err = s.countDistinct(ctx, path.StartPath(s.h.QuadStore, people...).Tag("p").
			In(ontology.SchemaCreator).Has(ontology.RDFType, ontology.OpenGovSpeech).Tag("t"), "p", "t")
		if err != nil {
			return nil, s.queryErr(err)
		}
	}
	out := make([]PersonRow, 0, len(people))
	for _, p := range people {
		out = append(out, PersonRow{Person: iriOf(p), Name: names[p], Turns: turns[p], SameAs: texts(same[p])})
	}
	slices.SortFunc(out, func(a, b PersonRow) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Person, b.Person)) })
	return out, nil
}

// Sessions lists the sessions with their dates and numbers of question items.
func (s *Store) Sessions(ctx context.Context) ([]SessionRow, error) {
	sessions, err := s.nodes(ctx, s.ofType(ontology.SchemaEvent))
	if err != nil {
		return nil, s.queryErr(err)
	}
	dates, err := s.first(ctx, sessions, ontology.SchemaStartDate)
	if err != nil {
		return nil, s.queryErr(err)
	}
	var items map[quad.Value]int
	if len(sessions) > 0 {
		items, err = s.countDistinct(ctx, path.StartPath(s.h.QuadStore, sessions...).Tag("s").
			In(ontology.DCTIsPartOf).Has(ontology.RDFType, ontology.SchemaQuestion).Tag("q"), "s", "q")
		if err != nil {
			return nil, s.queryErr(err)
		}
	}
	out := make([]SessionRow, 0, len(sessions))
	for _, v := range sessions {
		out = append(out, SessionRow{Session: iriOf(v), Date: dates[v], Questions: items[v]})
	}
	slices.SortFunc(out, func(a, b SessionRow) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Session, b.Session))
	})
	return out, nil
}

// Claims lists the claims about a body (a name, alias or IRI), or all claims
// when body is empty.
func (s *Store) Claims(ctx context.Context, body string) ([]ClaimRow, error) {
	var p *path.Path
	if body != "" {
		bodies, err := s.resolve(ctx, "body", body, bodyNames)
		if err != nil {
			return nil, err
		}
		p = path.StartPath(s.h.QuadStore, bodies...).In(ontology.SchemaAbout).Has(ontology.RDFType, ontology.SchemaClaim)
	} else {
		p = s.ofType(ontology.SchemaClaim)
	}
	claims, err := s.nodes(ctx, p)
	if err != nil {
		return nil, s.queryErr(err)
	}
	if len(claims) == 0 {
		return []ClaimRow{}, nil
	}
	props := make(map[quad.IRI]map[quad.Value][]quad.Value)
	for _, pred := range []quad.IRI{ontology.RDFType, ontology.SchemaAuthor, ontology.SchemaText, ontology.SchemaAbout, ontology.Quantity} {
		if props[pred], err = s.objects(ctx, claims, pred); err != nil {
			return nil, s.queryErr(err)
		}
	}
	dates := make(map[quad.Value]string)
	rows, err := s.tagRows(ctx, path.StartPath(s.h.QuadStore, claims...).Tag("c").Out(ontology.SchemaAppearance).Out(ontology.DCTDate).Tag("d"))
	if err != nil {
		return nil, s.queryErr(err)
	}
	for _, r := range rows {
		if d := text(r["d"]); dates[r["c"]] == "" || d < dates[r["c"]] {
			dates[r["c"]] = d
		}
	}
	var quantities, authors, about []quad.Value
	for _, c := range claims {
		quantities = append(quantities, props[ontology.Quantity][c]...)
		authors = append(authors, props[ontology.SchemaAuthor][c]...)
		about = append(about, props[ontology.SchemaAbout][c]...)
	}
	values, err := s.first(ctx, quantities, ontology.SchemaValue)
	if err != nil {
		return nil, s.queryErr(err)
	}
	units, err := s.first(ctx, quantities, ontology.SchemaUnitText)
	if err != nil {
		return nil, s.queryErr(err)
	}
	codes, err := s.first(ctx, quantities, ontology.SchemaUnitCode)
	if err != nil {
		return nil, s.queryErr(err)
	}
	pname, err := s.first(ctx, authors, ontology.FOAFName)
	if err != nil {
		return nil, s.queryErr(err)
	}
	bname, err := s.first(ctx, about, ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]ClaimRow, 0, len(claims))
	for _, c := range claims {
		r := ClaimRow{Claim: iriOf(c), Date: dates[c], Kinds: []string{}, About: []string{}}
		for _, t := range props[ontology.RDFType][c] {
			if t != ontology.SchemaClaim {
				k := text(t)
				r.Kinds = append(r.Kinds, k[strings.LastIndexAny(k, "/#")+1:])
			}
		}
		if a := props[ontology.SchemaAuthor][c]; len(a) > 0 {
			r.Speaker, r.SpeakerName = iriOf(a[0]), pname[a[0]]
		}
		if t := props[ontology.SchemaText][c]; len(t) > 0 {
			r.Sentence = text(t[0])
		}
		if q := props[ontology.Quantity][c]; len(q) > 0 {
			r.Value = values[q[0]]
			r.Unit = cmp.Or(units[q[0]], codes[q[0]])
		}
		for _, b := range props[ontology.SchemaAbout][c] {
			r.About = append(r.About, cmp.Or(bname[b], text(b)))
		}
		slices.Sort(r.About)
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b ClaimRow) int { return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.Claim, b.Claim)) })
	return out, nil
}

// Answers lists who answered about a body: the speakers of turns that
// mention the body and who are recorded as answering the question item the
// turn belongs to. An empty body means any body.
func (s *Store) Answers(ctx context.Context, body string) ([]AnswerRow, error) {
	var bodies []quad.Value
	if body != "" {
		var err error
		if bodies, err = s.resolve(ctx, "body", body, bodyNames); err != nil {
			return nil, err
		}
	}
	p := s.mentionPath(bodies).Out(ontology.InTurn).Tag("turn").
		Save(ontology.SchemaCreator, "speaker").Save(ontology.DCTDate, "date").
		Out(ontology.DCTIsPartOf).Tag("item").Save(ontology.AnsweredBy, "answerer")
	rows, err := s.tagRows(ctx, p)
	if err != nil {
		return nil, s.queryErr(err)
	}
	type agg struct {
		turns, items map[quad.Value]struct{}
		first, last  string
	}
	groups := make(map[quad.Value]*agg)
	for _, r := range rows {
		if r["speaker"] != r["answerer"] {
			continue
		}
		date := text(r["date"])
		g := groups[r["speaker"]]
		if g == nil {
			g = &agg{turns: map[quad.Value]struct{}{}, items: map[quad.Value]struct{}{}, first: date, last: date}
			groups[r["speaker"]] = g
		}
		g.turns[r["turn"]] = struct{}{}
		g.items[r["item"]] = struct{}{}
		g.first, g.last = min(g.first, date), max(g.last, date)
	}
	people := make([]quad.Value, 0, len(groups))
	for k := range groups {
		people = append(people, k)
	}
	names, err := s.first(ctx, people, ontology.FOAFName)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]AnswerRow, 0, len(groups))
	for k, g := range groups {
		out = append(out, AnswerRow{Speaker: iriOf(k), SpeakerName: names[k], Turns: len(g.turns),
			Questions: len(g.items), First: g.first, Last: g.last})
	}
	slices.SortFunc(out, func(a, b AnswerRow) int {
		return cmp.Or(cmp.Compare(b.Turns, a.Turns), cmp.Compare(a.SpeakerName, b.SpeakerName), cmp.Compare(a.Speaker, b.Speaker))
	})
	return out, nil
}

// mentionCounts counts the distinct mentions (subjects of itsrdf:taIdentRef)
// of each body, keyed by the body's ref. It scans the predicate's index and
// compares refs, so no node is read back from the backend.
func (s *Store) mentionCounts(ctx context.Context) (map[any]int, error) {
	qs := s.h.QuadStore
	out := make(map[any]int)
	pred, err := qs.ValueOf(ontology.ITSTaIdentRef)
	if err != nil || pred == nil {
		return out, err
	}
	seen := make(map[[2]any]struct{})
	it := qs.QuadIterator(quad.Predicate, pred).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q := it.Result()
		sub, err := qs.QuadDirection(q, quad.Subject)
		if err != nil {
			return nil, err
		}
		obj, err := qs.QuadDirection(q, quad.Object)
		if err != nil {
			return nil, err
		}
		k := [2]any{refs.ToKey(sub), refs.ToKey(obj)}
		if _, dup := seen[k]; !dup {
			seen[k] = struct{}{}
			out[k[1]]++
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	return out, ctx.Err()
}

func (s *Store) queryErr(err error) error {
	return &Error{Op: "query", Store: s.name(), Err: err}
}
