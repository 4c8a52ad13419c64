package store

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

// Undated stands for the date of a transcript that gives none. It sorts
// after every date.
const Undated = "undated"

// Filter narrows the named queries. Body and Speaker accept a name, an
// alias, an id or an IRI (for bodies also an external IRI the body is
// schema:sameAs); Question a title, a file name or an IRI; From and To are
// dates (yyyy-mm-dd), inclusive. Empty fields match everything. A date
// range leaves out undated transcripts.
type Filter struct {
	Body, Speaker, Question string
	From, To                string
}

// MentionFilter is the filter of Mentions.
type MentionFilter = Filter

// Decimal is a number kept as written in the graph (xsd:decimal); JSON
// gives it as a number, or null when empty.
type Decimal string

// MarshalJSON writes d as a JSON number.
func (d Decimal) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	if _, err := strconv.ParseFloat(string(d), 64); err != nil {
		return json.Marshal(string(d))
	}
	return []byte(d), nil
}

// Row struct tags: json names the column (snake_case); col:"iri" marks a
// column that tables leave out unless asked, col:"whole" one they never
// cut; doc describes it.

// MentionRow counts how often one speaker mentioned one body.
type MentionRow struct {
	SpeakerName string   `json:"speaker" doc:"who spoke"`
	BodyName    string   `json:"body" doc:"the body mentioned"`
	Mentions    int      `json:"mentions" doc:"mentions of the body in the speaker's turns"`
	First       string   `json:"first" doc:"date of the first session with such a mention (undated when none is dated)"`
	Last        string   `json:"last" doc:"date of the last one (undated when an undated transcript has one)"`
	Speaker     quad.IRI `json:"speaker_iri" col:"iri" doc:"the speaker's IRI"`
	Body        quad.IRI `json:"body_iri" col:"iri" doc:"the body's IRI"`
}

// BodyRow describes a public body and how often it is mentioned.
type BodyRow struct {
	Name     string   `json:"body" doc:"the body's name"`
	Kind     string   `json:"kind" doc:"its classification"`
	Mentions int      `json:"mentions" doc:"mentions of it in all turns"`
	SameAs   []string `json:"same_as" col:"iri" doc:"equivalent IRIs in open data (Wikidata, GOV.UK...)"`
	Body     quad.IRI `json:"body_iri" col:"iri" doc:"the body's IRI"`
}

// PersonRow describes a person and how many speech turns they gave.
type PersonRow struct {
	Name   string   `json:"person" doc:"the person's name"`
	Turns  int      `json:"turns" doc:"speech turns they gave"`
	SameAs []string `json:"same_as" col:"iri" doc:"equivalent IRIs (Wikidata, TheyWorkForYou...)"`
	Person quad.IRI `json:"person_iri" col:"iri" doc:"the person's IRI"`
}

// SessionRow describes one Mayor's Question Time session, or all undated
// transcripts together.
type SessionRow struct {
	Date      string   `json:"date" doc:"the session's date, or undated"`
	Questions int      `json:"questions" doc:"question items (transcripts)"`
	Turns     int      `json:"turns" doc:"speech turns"`
	Mentions  int      `json:"mentions" doc:"mentions of bodies"`
	Session   quad.IRI `json:"session_iri" col:"iri" doc:"the session's IRI (empty for undated transcripts)"`
}

// QuoteRow is one mention of a body, cited.
type QuoteRow struct {
	Date     string   `json:"date" doc:"date of the session, or undated"`
	Question string   `json:"question" doc:"title of the question item"`
	Speaker  string   `json:"speaker" doc:"who spoke"`
	Role     string   `json:"role" doc:"the capacity printed beside the speaker's name"`
	Body     string   `json:"body" doc:"the body mentioned"`
	Surface  string   `json:"surface" doc:"the words used"`
	Sentence string   `json:"sentence" doc:"the sentence around them"`
	File     string   `json:"file" doc:"the transcript file"`
	Begin    int      `json:"begin" doc:"code-point offset of the words in the file"`
	End      int      `json:"end" doc:"code-point offset where they end"`
	IRI      quad.IRI `json:"iri" col:"iri" doc:"the question item's IRI"`
	Source   string   `json:"source_url" col:"iri" doc:"where the transcript is published, when the input says"`
	Mention  quad.IRI `json:"mention_iri" col:"iri" doc:"the mention's IRI"`
	SpeakerI quad.IRI `json:"speaker_iri" col:"iri" doc:"the speaker's IRI"`
	BodyI    quad.IRI `json:"body_iri" col:"iri" doc:"the body's IRI"`
}

// ClaimRow is one claim made in a speech turn, cited.
type ClaimRow struct {
	Date     string   `json:"date" doc:"date of the session, or undated"`
	Question string   `json:"question" doc:"title of the question item"`
	Speaker  string   `json:"speaker" doc:"who made the claim"`
	Role     string   `json:"role" doc:"the capacity printed beside the speaker's name"`
	About    []string `json:"body" doc:"the bodies the claim is about"`
	Kind     []string `json:"kind" doc:"NumericClaim, FigureInQuestion, Commitment, Agreement or Refusal"`
	Value    Decimal  `json:"value" doc:"the figure stated (numeric claims)"`
	Unit     string   `json:"unit" doc:"what the figure counts"`
	Period   string   `json:"period" doc:"the period the claim covers, as said"`
	Sentence string   `json:"sentence" doc:"the sentence the claim was made in"`
	File     string   `json:"file" doc:"the transcript file"`
	Begin    *int     `json:"begin" doc:"code-point offset of the sentence in the file (empty when the sentence is not verbatim)"`
	End      *int     `json:"end" doc:"code-point offset where it ends"`
	IRI      quad.IRI `json:"iri" col:"iri" doc:"the question item's IRI"`
	Source   string   `json:"source_url" col:"iri" doc:"where the transcript is published, when the input says"`
	Claim    quad.IRI `json:"claim_iri" col:"iri" doc:"the claim's IRI"`
	SpeakerI quad.IRI `json:"speaker_iri" col:"iri" doc:"the speaker's IRI"`
}

// AnswerRow counts the answers one person gave about a body: turns that
// mention the body, spoken by the person recorded as answering the question.
type AnswerRow struct {
	SpeakerName string   `json:"speaker" doc:"who answered"`
	Turns       int      `json:"turns" doc:"their turns mentioning the body, in questions they answered"`
	Questions   int      `json:"questions" doc:"question items those turns belong to"`
	First       string   `json:"first" doc:"date of the first such turn"`
	Last        string   `json:"last" doc:"date of the last (undated sorts last)"`
	Speaker     quad.IRI `json:"speaker_iri" col:"iri" doc:"the speaker's IRI"`
}

// Lexical returns the lexical form of a literal, or the IRI string.
func Lexical(v quad.Value) string {
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
	if v == nil {
		return ""
	}
	if i, ok := v.(quad.IRI); ok {
		return i
	}
	return quad.IRI(Lexical(v))
}

func isLiteral(v quad.Value) bool {
	switch v.(type) {
	case quad.IRI, quad.BNode:
		return false
	}
	return true
}

// dateOf is the text of a date value, or Undated.
func dateOf(v quad.Value) string {
	if v == nil {
		return Undated
	}
	return Lexical(v)
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

// nodes runs p and returns its distinct result nodes. It asks for each
// node once, not once per way of reaching it: besides being all it needs,
// this keeps clear of Cayley's SQL iterator, which dereferences a nil
// result when asked for another way of reaching a node after it said there
// was none (an intersection whose first part is an SQL query and whose
// second reaches a node several ways, e.g. a session typed in the graph of
// each of its question items).
func (s *Store) nodes(ctx context.Context, p *path.Path) ([]quad.Value, error) {
	seen := make(map[quad.Value]struct{})
	var out []quad.Value
	err := p.Iterate(ctx).Paths(false).EachValue(s.h.QuadStore, func(v quad.Value) error {
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
	all, err := s.objectsOf(ctx, nodes, pred)
	if err != nil {
		return nil, err
	}
	return all[0], nil
}

// objectsOf maps each of the nodes to its distinct objects of each of
// preds, sorted: one map per predicate.
func (s *Store) objectsOf(ctx context.Context, nodes []quad.Value, preds ...quad.IRI) ([]map[quad.Value][]quad.Value, error) {
	out := make([]map[quad.Value][]quad.Value, len(preds))
	for i := range out {
		out[i] = make(map[quad.Value][]quad.Value)
	}
	if len(nodes) == 0 {
		return out, nil
	}
	if s.kind == Postgres {
		// One SQL query for all the nodes.
		for i, pred := range preds {
			rows, err := s.tagRows(ctx, path.StartPath(s.h.QuadStore, nodes...).Tag("s").Out(pred).Tag("o"))
			if err != nil {
				return nil, err
			}
			for _, r := range rows {
				out[i][r["s"]] = append(out[i][r["s"]], r["o"])
			}
		}
	} else {
		// Each node's objects read from its own quads: a path's Out may
		// instead walk every quad of the predicate on a key-value store.
		err := s.eachObject(ctx, dedup(nodes), preds, func(n quad.Value, i int, o quad.Value) { out[i][n] = append(out[i][n], o) })
		if err != nil {
			return nil, err
		}
	}
	for _, m := range out {
		for k, vs := range m {
			slices.SortFunc(vs, func(a, b quad.Value) int { return strings.Compare(Lexical(a), Lexical(b)) })
			m[k] = slices.CompactFunc(vs, func(a, b quad.Value) bool { return a.String() == b.String() })
		}
	}
	return out, nil
}

// one returns, for each node, one object of pred: the first in lexical
// order, so that every backend gives the same (a person or body described
// in several graphs may be named differently in each).
func (s *Store) one(ctx context.Context, nodes []quad.Value, pred quad.IRI) (map[quad.Value]quad.Value, error) {
	all, err := s.oneOf(ctx, nodes, pred)
	if err != nil {
		return nil, err
	}
	return all[pred], nil
}

// oneOf is one for several predicates, reading each node once.
func (s *Store) oneOf(ctx context.Context, nodes []quad.Value, preds ...quad.IRI) (map[quad.IRI]map[quad.Value]quad.Value, error) {
	all, err := s.objectsOf(ctx, dedup(nodes), preds...)
	if err != nil {
		return nil, err
	}
	out := make(map[quad.IRI]map[quad.Value]quad.Value, len(preds))
	for i, p := range preds {
		m := make(map[quad.Value]quad.Value, len(all[i]))
		for k, vs := range all[i] {
			m[k] = vs[0]
		}
		out[p] = m
	}
	return out, nil
}

// label returns the text of the lexically smallest object of pred for each
// node (its display name: the same on every backend), cached until the
// next load.
func (s *Store) label(ctx context.Context, nodes []quad.Value, pred quad.IRI) (map[quad.Value]string, error) {
	out := make(map[quad.Value]string, len(nodes))
	var todo []quad.Value
	for _, n := range nodes {
		if n == nil {
			continue
		}
		if _, done := out[n]; done {
			continue
		}
		if v, ok := s.names.Load(nameKey{n, pred}); ok {
			out[n] = v.(string)
			continue
		}
		out[n] = ""
		todo = append(todo, n)
	}
	if len(todo) == 0 {
		return out, nil
	}
	vals, err := s.one(ctx, todo, pred)
	if err != nil {
		return nil, err
	}
	for _, n := range todo {
		out[n] = Lexical(vals[n])
		s.names.Store(nameKey{n, pred}, out[n])
	}
	return out, nil
}

func dedup(vs []quad.Value) []quad.Value {
	seen := make(map[quad.Value]struct{}, len(vs))
	out := vs[:0:0]
	for _, v := range vs {
		if _, ok := seen[v]; !ok && v != nil {
			seen[v] = struct{}{}
			out = append(out, v)
		}
	}
	return out
}

func texts(vs []quad.Value) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, Lexical(v))
	}
	return out
}

// ofType starts a path at the nodes of a class.
func (s *Store) ofType(class quad.IRI) *path.Path {
	return path.StartPath(s.h.QuadStore, class).In(ontology.RDFType)
}

// percent names the UN/CEFACT code of a percentage as the claims extractor
// does.
func percent(unitCode string) string {
	if unitCode == "P1" {
		return "percent"
	}
	return unitCode
}

func inRange(date, from, to string) bool {
	if from == "" && to == "" {
		return true
	}
	if date == Undated {
		return false
	}
	return (from == "" || date >= from) && (to == "" || date <= to)
}

// mentionRow is one mention with its turn: the common part of Mentions,
// Quotes and Answers.
type mentionRow struct {
	m, body, turn quad.Value
}

// turnInfo is what the queries read of a speech turn: its speaker, date,
// role and question, and its source text and offsets in it; read says
// which of them were read.
type turnInfo struct {
	speaker, date, role, question quad.Value
	text, begin, end              quad.Value
	read                          turnFields
}

// turnFields name parts of a turnInfo.
type turnFields uint8

const (
	turnSpeaker turnFields = 1 << iota
	turnDate
	turnRole
	turnQuestion
	turnPlace // the source text and the offsets in it
	turnBasic = turnSpeaker | turnDate | turnRole | turnQuestion
)

// turnPreds are the predicates each field is read from.
var turnPreds = []struct {
	field turnFields
	preds []quad.IRI
}{
	{turnSpeaker, []quad.IRI{ontology.SchemaCreator}},
	{turnDate, []quad.IRI{ontology.DCTDate}},
	{turnRole, []quad.IRI{ontology.OpenGovRole}},
	{turnQuestion, []quad.IRI{ontology.DCTIsPartOf}},
	{turnPlace, []quad.IRI{ontology.NIFReferenceContext, ontology.NIFBeginIndex, ontology.NIFEndIndex}},
}

// mentionsOf returns the mentions matching f's body and speaker, with the
// turns they sit in and those turns' speakers, dates, roles and questions.
// Turns outside f's dates and question are left out.
func (s *Store) mentionsOf(ctx context.Context, f Filter) ([]mentionRow, map[quad.Value]turnInfo, error) {
	rows, info, _, err := s.mentionsWith(ctx, f, turnBasic)
	return rows, info, err
}

// mentionsWith is mentionsOf that reads the fields of the turns asked (and
// those f needs) and, for each mention, one object (the first in lexical
// order) of each of props.
func (s *Store) mentionsWith(ctx context.Context, f Filter, fields turnFields, props ...quad.IRI) ([]mentionRow, map[quad.Value]turnInfo, map[quad.IRI]map[quad.Value]quad.Value, error) {
	var bodies, speakers, questions []quad.Value
	var err error
	if bodies, err = s.resolveBodies(ctx, f.Body); err != nil {
		return nil, nil, nil, err
	}
	if speakers, err = s.resolvePeople(ctx, f.Speaker, f.From, f.To); err != nil {
		return nil, nil, nil, err
	}
	if questions, err = s.resolveQuestions(ctx, f.Question); err != nil {
		return nil, nil, nil, err
	}
	var rows []map[string]quad.Value
	var mprops map[quad.IRI]map[quad.Value]quad.Value
	var mp *path.Path
	switch {
	case len(bodies) > 0 && s.kind != Postgres:
		// Only mentions link to a body with itsrdf:taIdentRef: they are
		// found in the bodies' object index, and their turns read with
		// the other properties asked, from each mention's quads once.
		var ms []quad.Value
		mbodies := map[quad.Value][]quad.Value{}
		err := s.eachSubject(ctx, bodies, ontology.ITSTaIdentRef, func(body, m quad.Value) {
			if len(mbodies[m]) == 0 {
				ms = append(ms, m)
			}
			mbodies[m] = append(mbodies[m], body)
		})
		if err != nil {
			return nil, nil, nil, s.queryErr(err)
		}
		all, err := s.objectsOf(ctx, ms, append([]quad.IRI{ontology.InTurn}, props...)...)
		if err != nil {
			return nil, nil, nil, s.queryErr(err)
		}
		for _, m := range ms {
			for _, b := range dedup(mbodies[m]) {
				for _, t := range all[0][m] {
					rows = append(rows, map[string]quad.Value{"m": m, "body": b, "turn": t})
				}
			}
		}
		mprops = make(map[quad.IRI]map[quad.Value]quad.Value, len(props))
		for i, p := range props {
			one := make(map[quad.Value]quad.Value, len(all[i+1]))
			for k, vs := range all[i+1] {
				one[k] = vs[0]
			}
			mprops[p] = one
		}
	case len(bodies) > 0:
		mp = path.StartPath(s.h.QuadStore, bodies...).Tag("body").In(ontology.ITSTaIdentRef).Tag("m").Out(ontology.InTurn).Tag("turn")
	case len(questions) > 0:
		// A turn's Acts (akg:LegislationMention) are no body's mentions.
		mp = path.StartPath(s.h.QuadStore, questions...).In(ontology.DCTIsPartOf).Tag("turn").
			In(ontology.InTurn).Has(ontology.RDFType, ontology.Mention).Tag("m").Save(ontology.ITSTaIdentRef, "body")
	case len(speakers) > 0:
		// From the speakers' turns: far fewer than all mentions.
		mp = path.StartPath(s.h.QuadStore, speakers...).In(ontology.SchemaCreator).Tag("turn").
			In(ontology.InTurn).Has(ontology.RDFType, ontology.Mention).Tag("m").Save(ontology.ITSTaIdentRef, "body")
	default:
		mp = s.ofType(ontology.Mention).Tag("m").Save(ontology.ITSTaIdentRef, "body").Out(ontology.InTurn).Tag("turn")
	}
	if mp != nil {
		if rows, err = s.tagRows(ctx, mp); err != nil {
			return nil, nil, nil, s.queryErr(err)
		}
	}
	var turns []quad.Value
	for _, r := range rows {
		turns = append(turns, r["turn"])
	}
	if len(speakers) > 0 {
		fields |= turnSpeaker
	}
	if len(questions) > 0 {
		fields |= turnQuestion
	}
	if f.From != "" || f.To != "" {
		fields |= turnDate
	}
	info, err := s.readTurns(ctx, nil, dedup(turns), fields)
	if err != nil {
		return nil, nil, nil, err
	}
	want := func(set []quad.Value, v quad.Value) bool { return len(set) == 0 || slices.Contains(set, v) }
	var out []mentionRow
	for _, r := range rows {
		ti := info[r["turn"]]
		if !want(speakers, ti.speaker) || !want(questions, ti.question) || !inRange(dateOf(ti.date), f.From, f.To) {
			continue
		}
		out = append(out, mentionRow{m: r["m"], body: r["body"], turn: r["turn"]})
	}
	if mprops == nil && len(props) > 0 {
		var ms []quad.Value
		for _, r := range out {
			ms = append(ms, r.m)
		}
		if mprops, err = s.oneOf(ctx, ms, props...); err != nil {
			return nil, nil, nil, s.queryErr(err)
		}
	}
	return out, info, mprops, nil
}

// turns reads the speaker, date, role and question of each turn.
func (s *Store) turns(ctx context.Context, turns []quad.Value) (map[quad.Value]turnInfo, error) {
	return s.readTurns(ctx, nil, turns, turnBasic)
}

// readTurns reads the fields of each turn that info (made when nil) lacks
// into it, in one pass over each turn.
func (s *Store) readTurns(ctx context.Context, info map[quad.Value]turnInfo, turns []quad.Value, fields turnFields) (map[quad.Value]turnInfo, error) {
	if info == nil {
		info = make(map[quad.Value]turnInfo, len(turns))
	}
	var todo []quad.Value
	var missing turnFields
	for _, t := range turns {
		if m := fields &^ info[t].read; m != 0 {
			todo, missing = append(todo, t), missing|m
		}
	}
	if len(todo) == 0 {
		return info, nil
	}
	var preds []quad.IRI
	for _, tp := range turnPreds {
		if missing&tp.field != 0 {
			preds = append(preds, tp.preds...)
		}
	}
	props, err := s.oneOf(ctx, todo, preds...)
	if err != nil {
		return nil, s.queryErr(err)
	}
	for _, t := range todo {
		ti := info[t]
		set := func(f turnFields, v *quad.Value, pred quad.IRI) {
			if missing&f != 0 {
				*v = props[pred][t]
			}
		}
		set(turnSpeaker, &ti.speaker, ontology.SchemaCreator)
		set(turnDate, &ti.date, ontology.DCTDate)
		set(turnRole, &ti.role, ontology.OpenGovRole)
		set(turnQuestion, &ti.question, ontology.DCTIsPartOf)
		set(turnPlace, &ti.text, ontology.NIFReferenceContext)
		set(turnPlace, &ti.begin, ontology.NIFBeginIndex)
		set(turnPlace, &ti.end, ontology.NIFEndIndex)
		ti.read |= missing
		info[t] = ti
	}
	return info, nil
}

// Mentions counts, for each speaker and body, the mentions of the body in
// the speaker's turns, with the dates of the first and last session.
// Mentions in undated transcripts count; their date is Undated, which sorts
// last.
//
// Without a question, the counts come from the summaries the loader keeps
// (one count per row); with one, or when the summaries are not current,
// from the mentions themselves.
func (s *Store) Mentions(ctx context.Context, f Filter) ([]MentionRow, error) {
	groups, err := s.mentionGroups(ctx, f)
	if err != nil {
		return nil, err
	}
	var people, orgs []quad.Value
	for _, g := range groups {
		people = append(people, g.speaker)
		orgs = append(orgs, g.body)
	}
	pname, err := s.label(ctx, people, ontology.FOAFName)
	if err != nil {
		return nil, s.queryErr(err)
	}
	bname, err := s.label(ctx, orgs, ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]MentionRow, 0, len(groups))
	for _, g := range groups {
		out = append(out, MentionRow{
			Speaker: iriOf(g.speaker), SpeakerName: pname[g.speaker],
			Body: iriOf(g.body), BodyName: bname[g.body],
			Mentions: g.mentions, First: g.first, Last: g.last,
		})
	}
	slices.SortFunc(out, func(a, b MentionRow) int {
		return cmp.Or(cmp.Compare(b.Mentions, a.Mentions), cmp.Compare(a.SpeakerName, b.SpeakerName),
			cmp.Compare(a.BodyName, b.BodyName), Natural(string(a.Speaker), string(b.Speaker)), Natural(string(a.Body), string(b.Body)))
	})
	return out, nil
}

// summaryFilter resolves f's body and speaker for a read of the
// summaries; ok is false when the summaries cannot serve f: it names a
// question (they are not kept by question), or a body or speaker that
// names no node.
func (s *Store) summaryFilter(ctx context.Context, f Filter) (bodies, speakers []quad.Value, ok bool, err error) {
	if f.Question != "" {
		return nil, nil, false, nil
	}
	if bodies, err = s.resolveBodies(ctx, f.Body); err != nil {
		return nil, nil, false, err
	}
	if speakers, err = s.resolvePeople(ctx, f.Speaker, f.From, f.To); err != nil {
		return nil, nil, false, err
	}
	ok = (f.Body == "" || len(bodies) > 0) && (f.Speaker == "" || len(speakers) > 0)
	return bodies, speakers, ok, nil
}

// mentionGroups counts the mentions f selects by speaker and body, from the
// summaries when they can answer.
func (s *Store) mentionGroups(ctx context.Context, f Filter) ([]sumMention, error) {
	bodies, speakers, ok, err := s.summaryFilter(ctx, f)
	if err != nil {
		return nil, err
	}
	if ok {
		groups, ok, err := s.summaryMentions(ctx, bodies, speakers, f.From, f.To)
		if err != nil {
			return nil, s.queryErr(err)
		}
		if ok {
			return groups, nil
		}
	}
	return s.countMentions(ctx, f)
}

// countMentions counts the mentions f selects by speaker and body, reading
// every mention.
func (s *Store) countMentions(ctx context.Context, f Filter) ([]sumMention, error) {
	rows, info, err := s.mentionsOf(ctx, f)
	if err != nil {
		return nil, err
	}
	type key struct{ speaker, body quad.Value }
	type agg struct {
		mentions    map[quad.Value]struct{}
		first, last string
	}
	groups := make(map[key]*agg)
	for _, r := range rows {
		ti := info[r.turn]
		date := dateOf(ti.date)
		k := key{ti.speaker, r.body}
		g := groups[k]
		if g == nil {
			g = &agg{mentions: make(map[quad.Value]struct{}), first: date, last: date}
			groups[k] = g
		}
		g.mentions[r.m] = struct{}{}
		g.first, g.last = min(g.first, date), max(g.last, date)
	}
	out := make([]sumMention, 0, len(groups))
	for k, g := range groups {
		out = append(out, sumMention{body: k.body, speaker: k.speaker, mentions: len(g.mentions), first: g.first, last: g.last})
	}
	return out, nil
}

// Quotes lists the mentions one per row, cited: the date, question,
// speaker and role, the body, the words used, the sentence around them,
// and the file with code-point offsets.
func (s *Store) Quotes(ctx context.Context, f Filter) ([]QuoteRow, error) {
	// Everything the rows need is read in the same passes as the keys.
	keys, info, err := s.quoteKeys(ctx, f, turnBasic|turnPlace, true)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(keys, quoteKey.compare)
	return s.cite(ctx, keys, info)
}

// LatestQuotes is one page of the rows Quotes lists, newest first:
// dated mentions from the latest date back, then the undated, each date's
// in the order of Quotes. Only the rows of the page are cited; total is
// the number of rows on all pages.
func (s *Store) LatestQuotes(ctx context.Context, f Filter, page Page) (rows []QuoteRow, total int, err error) {
	return s.quotesPage(ctx, f, page, newestFirst)
}

// QuotesPage is one page of the rows Quotes lists, in the same order: all
// of them when page.Limit is zero. Only the rows of the page are cited;
// total is the number of rows on all pages.
func (s *Store) QuotesPage(ctx context.Context, f Filter, page Page) (rows []QuoteRow, total int, err error) {
	if page.Limit <= 0 {
		rows, err := s.Quotes(ctx, f)
		if err != nil {
			return nil, 0, err
		}
		return rows[min(max(page.Offset, 0), len(rows)):], len(rows), nil
	}
	return s.quotesPage(ctx, f, page, func(a, b quoteKey) int { return cmp.Compare(a.date, b.date) })
}

// quotesPage is one page of quotes ordered by date with byDate, then as
// Quotes orders them.
func (s *Store) quotesPage(ctx context.Context, f Filter, page Page, byDate func(a, b quoteKey) int) (rows []QuoteRow, total int, err error) {
	if f.Speaker == "" && f.Question == "" && f.Body != "" {
		bodies, err := s.resolveBodies(ctx, f.Body)
		if err != nil {
			return nil, 0, err
		}
		rows, total, ok, err := s.indexedQuotes(ctx, bodies, f.From, f.To, page, byDate)
		if ok || err != nil {
			return rows, total, err
		}
	}
	// The dates of all the mentions place the page; only the mentions of
	// its dates are read further, to order them within a date.
	keys, info, err := s.quoteKeys(ctx, f, turnDate, false)
	if err != nil {
		return nil, 0, err
	}
	slices.SortFunc(keys, byDate)
	lo, hi := page.bounds(len(keys))
	if lo == hi {
		return []QuoteRow{}, len(keys), nil
	}
	from, to := lo, hi
	for from > 0 && keys[from-1].date == keys[lo].date {
		from--
	}
	for to < len(keys) && keys[to].date == keys[hi-1].date {
		to++
	}
	dates := keys[from:to]
	if err := s.readKeys(ctx, dates, info); err != nil {
		return nil, 0, err
	}
	slices.SortFunc(dates, func(a, b quoteKey) int { return cmp.Or(byDate(a, b), a.compare(b)) })
	rows, err = s.cite(ctx, keys[lo:hi], info)
	return rows, len(keys), err
}

// indexedQuotes is quotesPage for the mentions of bodies between the dates
// from and to, placed by the summaries: the mentions of each body per date
// (one key per date) place the page, and the index of mentions by body and
// date names those of the page's dates, which alone are read. ok is false
// when the summaries cannot answer.
func (s *Store) indexedQuotes(ctx context.Context, bodies []quad.Value, from, to string, page Page, byDate func(a, b quoteKey) int) (rows []QuoteRow, total int, ok bool, err error) {
	var found []datedNode
	base := 0 // the place of found[0] among all the rows
	ok, err = s.viewSummaries(ctx, func(tx sumTx) (err error) {
		found, base, total, err = indexPage(tx, "D", "M", bodies, from, to, page, func(a, b string) int {
			return byDate(quoteKey{date: a}, quoteKey{date: b})
		})
		return err
	})
	if errors.Is(err, errStale) || !ok {
		return nil, 0, false, nil
	}
	if err != nil {
		return nil, 0, false, s.queryErr(err)
	}
	keys := make([]quoteKey, len(found))
	ms := make([]quad.Value, len(found))
	for i, f := range found {
		keys[i] = quoteKey{m: f.node, body: f.body, date: f.date}
		ms[i] = f.node
	}
	turns, err := s.one(ctx, ms, ontology.InTurn)
	if err != nil {
		return nil, 0, false, s.queryErr(err)
	}
	for i := range keys {
		if keys[i].turn = turns[keys[i].m]; keys[i].turn == nil {
			return nil, 0, false, nil
		}
	}
	info := map[quad.Value]turnInfo{}
	if err := s.readKeys(ctx, keys, info); err != nil {
		return nil, 0, false, err
	}
	slices.SortFunc(keys, func(a, b quoteKey) int { return cmp.Or(byDate(a, b), a.compare(b)) })
	lo, hi := page.bounds(total)
	lo, hi = lo-base, hi-base
	if lo >= hi {
		return []QuoteRow{}, total, true, nil
	}
	rows, err = s.cite(ctx, keys[lo:hi], info)
	return rows, total, true, err
}

// errStale stops a read of summaries that do not match the quads.
var errStale = errors.New("the summaries do not match the store")

// datedNode is a node the summaries index by body and date: a mention, a
// claim.
type datedNode struct {
	node, body quad.Value
	date       string
}

// indexPage places page among the nodes the summaries index by body and
// date, for bodies between the dates from and to: the counts of each body
// per date (keys count, body, date) place the page, and the index (keys
// index, body, date, node) names the nodes of the page's dates, which alone
// are read. byDate orders the dates. It gives those nodes, the place of
// the first among all, and the number of all; errStale when the counts and
// the index disagree.
func indexPage(tx sumTx, count, index string, bodies []quad.Value, from, to string, page Page, byDate func(a, b string) int) (nodes []datedNode, base, total int, err error) {
	counts := map[string]int{}
	for _, b := range bodies {
		prefix := sumKey(count, nodeKey(b), "")
		err := tx.scan(prefix, false, func(k string, n int64) bool {
			if date := k[len(prefix):]; inRange(date, from, to) {
				counts[date] += int(n)
			}
			return true
		})
		if err != nil {
			return nil, 0, 0, err
		}
	}
	dates := make([]string, 0, len(counts))
	for d, n := range counts {
		dates, total = append(dates, d), total+n
	}
	slices.SortFunc(dates, byDate)
	lo, hi := page.bounds(total)
	at, want := 0, 0
	for _, d := range dates {
		n := counts[d]
		if at+n > lo && at < hi {
			if want == 0 {
				base = at
			}
			want += n
			for _, b := range bodies {
				prefix := sumKey(index, nodeKey(b), d, "")
				err := tx.scan(prefix, false, func(k string, _ int64) bool {
					nodes = append(nodes, datedNode{node: keyNode(k[len(prefix):]), body: b, date: d})
					return true
				})
				if err != nil {
					return nil, 0, 0, err
				}
			}
		}
		at += n
	}
	if len(nodes) != want {
		return nil, 0, 0, errStale
	}
	return nodes, base, total, nil
}

// newestFirst orders quotes by date, the latest first and the undated
// last.
func newestFirst(a, b quoteKey) int {
	if (a.date == Undated) != (b.date == Undated) {
		if a.date == Undated {
			return 1
		}
		return -1
	}
	return cmp.Compare(b.date, a.date)
}

// quoteKey is a mention to quote with what sorts it and, once read, what
// it says.
type quoteKey struct {
	m, body, turn quad.Value
	date          string
	question      quad.IRI
	begin, end    int
	surface       string
	read          bool // question, begin, end and surface are read
}

// compare orders quotes as Quotes lists them.
func (a quoteKey) compare(b quoteKey) int {
	return cmp.Or(cmp.Compare(a.date, b.date), Natural(string(a.question), string(b.question)), cmp.Compare(a.begin, b.begin),
		Natural(string(iriOf(a.m)), string(iriOf(b.m))), cmp.Compare(iriOf(a.body), iriOf(b.body)))
}

// quoteKeys returns the mentions f selects, once per mention and body,
// with their dates and the fields of their turns asked. With read, it
// reads all a key holds in the same passes; without, readKeys reads the
// rest.
func (s *Store) quoteKeys(ctx context.Context, f Filter, fields turnFields, read bool) ([]quoteKey, map[quad.Value]turnInfo, error) {
	var props []quad.IRI
	if read {
		fields |= turnQuestion
		props = []quad.IRI{ontology.NIFBeginIndex, ontology.NIFAnchorOf, ontology.NIFEndIndex}
	}
	rows, info, mprops, err := s.mentionsWith(ctx, f, fields|turnDate, props...)
	if err != nil {
		return nil, nil, err
	}
	out := make([]quoteKey, 0, len(rows))
	seen := map[[2]quad.Value]bool{}
	for _, r := range rows {
		if seen[[2]quad.Value{r.m, r.body}] {
			continue
		}
		seen[[2]quad.Value{r.m, r.body}] = true
		k := quoteKey{m: r.m, body: r.body, turn: r.turn, date: dateOf(info[r.turn].date)}
		if read {
			k.fill(mprops, info)
		}
		out = append(out, k)
	}
	return out, info, nil
}

// fill sets what k holds from its mention's properties and its turn.
func (k *quoteKey) fill(props map[quad.IRI]map[quad.Value]quad.Value, info map[quad.Value]turnInfo) {
	k.question = iriOf(info[k.turn].question)
	k.begin, _ = strconv.Atoi(Lexical(props[ontology.NIFBeginIndex][k.m]))
	k.end, _ = strconv.Atoi(Lexical(props[ontology.NIFEndIndex][k.m]))
	k.surface = Lexical(props[ontology.NIFAnchorOf][k.m])
	k.read = true
}

// readKeys reads what keys lack.
func (s *Store) readKeys(ctx context.Context, keys []quoteKey, info map[quad.Value]turnInfo) error {
	var ms, turns []quad.Value
	for _, k := range keys {
		if !k.read {
			ms, turns = append(ms, k.m), append(turns, k.turn)
		}
	}
	if len(ms) == 0 {
		return nil
	}
	props, err := s.oneOf(ctx, ms, ontology.NIFBeginIndex, ontology.NIFAnchorOf, ontology.NIFEndIndex)
	if err != nil {
		return s.queryErr(err)
	}
	if _, err := s.readTurns(ctx, info, dedup(turns), turnQuestion); err != nil {
		return err
	}
	for i := range keys {
		if !keys[i].read {
			keys[i].fill(props, info)
		}
	}
	return nil
}

// cite makes the rows of the quotes, in their order.
func (s *Store) cite(ctx context.Context, keys []quoteKey, info map[quad.Value]turnInfo) ([]QuoteRow, error) {
	if err := s.readKeys(ctx, keys, info); err != nil {
		return nil, err
	}
	var turns, bodies []quad.Value
	for _, k := range keys {
		turns, bodies = append(turns, k.turn), append(bodies, k.body)
	}
	ct, err := s.citations(ctx, dedup(turns), info)
	if err != nil {
		return nil, err
	}
	bname, err := s.label(ctx, bodies, ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]QuoteRow, 0, len(keys))
	for _, k := range keys {
		c := ct[k.turn]
		out = append(out, QuoteRow{
			Date: c.Date, Question: c.Question, Speaker: c.Speaker, Role: c.Role,
			Body: bname[k.body], Surface: k.surface,
			Sentence: c.text.sentence(k.begin, k.end, k.surface),
			File:     c.File, Begin: k.begin, End: k.end, IRI: c.QuestionIRI, Source: c.SourceURL,
			Mention: iriOf(k.m), SpeakerI: c.speaker, BodyI: iriOf(k.body),
		})
	}
	return out, nil
}

// cite is a turn's citation and its text, to cut sentences from.
type cite struct {
	Date, Question, Speaker, Role, File, SourceURL string
	QuestionIRI, speaker                           quad.IRI
	text                                           turnText
}

// turnText is the text of a turn as code points, cut from its source text
// ([]rune of the source's code points begin to end).
type turnText struct {
	runes []rune
	begin int
	ok    bool // false when the source or the turn's offsets are missing or out of range
}

// newTurnText cuts the code points [tb, te) out of src.
func newTurnText(src string, tb, te int) turnText {
	if src == "" || tb < 0 || tb > te {
		return turnText{}
	}
	// The byte offsets of code points tb and te, as []rune(src) counts
	// them (an invalid byte is one).
	n, bb, be := 0, -1, -1
	for i := range src {
		if n == tb {
			bb = i
		}
		if n == te {
			be = i
			break
		}
		n++
	}
	if n == te && be < 0 {
		be = len(src)
	}
	if n == tb && bb < 0 {
		bb = len(src)
	}
	if bb < 0 || be < 0 {
		return turnText{}
	}
	return turnText{runes: []rune(src[bb:be]), begin: tb, ok: true}
}

// Sentence boundaries, as the twin SPARQL queries find them: a line break,
// or . ! ? followed by a space, no-break space, tab or carriage return.
var (
	toLastLine     = regexp.MustCompile(`^[\s\S]*\n`)
	toLastSentence = regexp.MustCompile("^.*[.!?][ \u00a0\t\r]+")
	fromLineBreak  = regexp.MustCompile(`\n[\s\S]*$`)
	afterSentence  = regexp.MustCompile("^(.*?[.!?])[ \u00a0\t\r][\\s\\S]*$")
	outerSpace     = regexp.MustCompile("^[ \u00a0\t\r\n]+|[ \u00a0\t\r\n]+$")
)

// sentence returns the sentence around the source's code points [begin,
// end) within the turn: the text from the last boundary before begin to
// the first after end, trimmed.
func (t turnText) sentence(begin, end int, surface string) string {
	if !t.ok || t.begin > begin || begin > end || end > t.begin+len(t.runes) {
		return ""
	}
	left := toLastSentence.ReplaceAllString(toLastLine.ReplaceAllString(string(t.runes[:begin-t.begin]), ""), "")
	right := afterSentence.ReplaceAllString(fromLineBreak.ReplaceAllString(string(t.runes[end-t.begin:]), ""), "$1")
	return outerSpace.ReplaceAllString(left+surface+right, "")
}

// citations reads, for each turn, its question's title, file and IRI, its
// speaker's name, its role's label and its offsets in the source text.
func (s *Store) citations(ctx context.Context, turns []quad.Value, info map[quad.Value]turnInfo) (map[quad.Value]*cite, error) {
	// What the turns lack of their citations is read into info.
	var err error
	if info, err = s.readTurns(ctx, info, turns, turnBasic|turnPlace); err != nil {
		return nil, err
	}
	var questions, speakers, roles []quad.Value
	for _, t := range turns {
		ti := info[t]
		questions, speakers, roles = append(questions, ti.question), append(speakers, ti.speaker), append(roles, ti.role)
	}
	title, err := s.label(ctx, questions, ontology.DCTTitle)
	if err != nil {
		return nil, s.queryErr(err)
	}
	file, err := s.label(ctx, questions, ontology.DCTSource)
	if err != nil {
		return nil, s.queryErr(err)
	}
	urls, err := s.label(ctx, questions, ontology.SchemaURL)
	if err != nil {
		return nil, s.queryErr(err)
	}
	pname, err := s.label(ctx, speakers, ontology.FOAFName)
	if err != nil {
		return nil, s.queryErr(err)
	}
	rname, err := s.label(ctx, roles, ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	var ctxs []quad.Value
	for _, t := range turns {
		ctxs = append(ctxs, info[t].text)
	}
	docs, err := s.one(ctx, dedup(ctxs), ontology.NIFIsString)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make(map[quad.Value]*cite, len(turns))
	for _, t := range turns {
		ti := info[t]
		c := &cite{
			Date: dateOf(ti.date), Question: title[ti.question], Speaker: pname[ti.speaker], Role: rname[ti.role],
			File: file[ti.question], QuestionIRI: iriOf(ti.question), speaker: iriOf(ti.speaker), SourceURL: urls[ti.question],
		}
		tb, e1 := strconv.Atoi(Lexical(ti.begin))
		te, e2 := strconv.Atoi(Lexical(ti.end))
		if d := docs[ti.text]; d != nil && e1 == nil && e2 == nil {
			c.text = newTurnText(Lexical(d), tb, te)
		}
		out[t] = c
	}
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
	names, err := s.label(ctx, bodies, ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	kinds, err := s.label(ctx, bodies, ontology.OrgClassification)
	if err != nil {
		return nil, s.queryErr(err)
	}
	same, err := s.objects(ctx, bodies, ontology.SchemaSameAs)
	if err != nil {
		return nil, s.queryErr(err)
	}
	mentions, err := s.mentionCounts(ctx)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]BodyRow, 0, len(bodies))
	for _, b := range bodies {
		kind := kinds[b]
		if i := strings.LastIndexAny(kind, "/#"); i >= 0 {
			kind = kind[i+1:]
		}
		n := mentions(b)
		out = append(out, BodyRow{Body: iriOf(b), Name: names[b], Kind: kind, SameAs: texts(same[b]), Mentions: n})
	}
	slices.SortFunc(out, func(a, b BodyRow) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), Natural(string(a.Body), string(b.Body)))
	})
	return out, nil
}

// People lists the people with their names, numbers of speech turns and
// equivalent IRIs.
func (s *Store) People(ctx context.Context) ([]PersonRow, error) {
	people, err := s.nodes(ctx, s.ofType(ontology.FOAFPerson))
	if err != nil {
		return nil, s.queryErr(err)
	}
	names, err := s.label(ctx, people, ontology.FOAFName)
	if err != nil {
		return nil, s.queryErr(err)
	}
	same, err := s.objects(ctx, people, ontology.SchemaSameAs)
	if err != nil {
		return nil, s.queryErr(err)
	}
	turns, ok, err := s.summaryCounts(ctx, "t")
	if err != nil {
		return nil, s.queryErr(err)
	}
	if ok {
		// Summaries are keyed by IRI: rekey them by the nodes read.
		byNode := make(map[quad.Value]int, len(people))
		for _, p := range people {
			byNode[p] = turns[keyNode(nodeKey(p))]
		}
		turns = byNode
	} else if len(people) > 0 {
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
	slices.SortFunc(out, func(a, b PersonRow) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), Natural(string(a.Person), string(b.Person)))
	})
	return out, nil
}

// Sessions lists the sessions with their dates and numbers of question
// items, turns and mentions; the question items of undated transcripts
// make one last row, dated Undated. The counts come from the summaries the
// loader keeps (three per session) when they are current, else from the
// items, turns and mentions themselves.
func (s *Store) Sessions(ctx context.Context) ([]SessionRow, error) {
	counts, ok, err := s.summarySessions(ctx)
	switch {
	case err == nil && ok:
		counts, err = s.sessionsOf(ctx, counts)
	case err == nil:
		counts, err = s.countSessions(ctx)
	}
	if err != nil {
		return nil, s.queryErr(err)
	}
	var sessions []quad.Value
	for sess := range counts {
		if sess != nil {
			sessions = append(sessions, sess)
		}
	}
	dates, err := s.one(ctx, sessions, ontology.SchemaStartDate)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]SessionRow, 0, len(counts))
	for sess, c := range counts {
		out = append(out, SessionRow{Session: iriOf(sess), Date: dateOf(dates[sess]), Questions: c.questions, Turns: c.turns, Mentions: c.mentions})
	}
	slices.SortFunc(out, func(a, b SessionRow) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), Natural(string(a.Session), string(b.Session)))
	})
	return out, nil
}

// sessionsOf picks the sessions out of the counts of each whole question
// items are part of, and counts the items in no session: all less those in
// one (an item is part of one session at most).
func (s *Store) sessionsOf(ctx context.Context, wholes map[quad.Value]*sumSession) (map[quad.Value]*sumSession, error) {
	var nodes []quad.Value
	for w := range wholes {
		if w != nil {
			nodes = append(nodes, w)
		}
	}
	types, err := s.objects(ctx, nodes, ontology.RDFType)
	if err != nil {
		return nil, err
	}
	out := map[quad.Value]*sumSession{}
	var rest sumSession
	if all := wholes[nil]; all != nil {
		rest = *all
	}
	for _, w := range nodes {
		if c := wholes[w]; slices.Contains(types[w], quad.Value(ontology.SchemaEvent)) {
			out[w] = c
			rest.questions -= c.questions
			rest.turns -= c.turns
			rest.mentions -= c.mentions
		}
	}
	if rest.questions > 0 {
		out[nil] = &rest
	}
	return out, nil
}

// countSessions counts the question items of each session (under nil: the
// items in no session), their speech turns and the mentions in those,
// reading every item, turn and mention.
func (s *Store) countSessions(ctx context.Context) (map[quad.Value]*sumSession, error) {
	out := map[quad.Value]*sumSession{}
	questions, err := s.nodes(ctx, s.ofType(ontology.SchemaQuestion))
	if err != nil || len(questions) == 0 {
		return out, err
	}
	parts, err := s.objects(ctx, questions, ontology.DCTIsPartOf)
	if err != nil {
		return nil, err
	}
	sessions, err := s.nodes(ctx, path.StartPath(s.h.QuadStore, questions...).Out(ontology.DCTIsPartOf).Has(ontology.RDFType, ontology.SchemaEvent))
	if err != nil {
		return nil, err
	}
	turnsOf, err := s.countDistinct(ctx, path.StartPath(s.h.QuadStore, questions...).Tag("q").
		In(ontology.DCTIsPartOf).Has(ontology.RDFType, ontology.OpenGovSpeech).Tag("t"), "q", "t")
	if err != nil {
		return nil, err
	}
	mentionsOf, err := s.countDistinct(ctx, path.StartPath(s.h.QuadStore, questions...).Tag("q").
		In(ontology.DCTIsPartOf).Has(ontology.RDFType, ontology.OpenGovSpeech).In(ontology.InTurn).Has(ontology.RDFType, ontology.Mention).Tag("m"), "q", "m")
	if err != nil {
		return nil, err
	}
	isSession := make(map[quad.Value]bool, len(sessions))
	for _, v := range sessions {
		isSession[v] = true
	}
	for _, q := range questions {
		var sess quad.Value
		for _, p := range parts[q] {
			if isSession[p] {
				sess = p
				break
			}
		}
		r := out[sess]
		if r == nil {
			r = &sumSession{}
			out[sess] = r
		}
		r.questions++
		r.turns += turnsOf[q]
		r.mentions += mentionsOf[q]
	}
	return out, nil
}

// Claims lists the claims made in turns, cited, with the figure, unit and
// period of numeric claims: all of them, or those about a body, by a
// speaker, in a question or between dates.
func (s *Store) Claims(ctx context.Context, f Filter) ([]ClaimRow, error) {
	bodies, err := s.resolveBodies(ctx, f.Body)
	if err != nil {
		return nil, err
	}
	speakers, err := s.resolvePeople(ctx, f.Speaker, f.From, f.To)
	if err != nil {
		return nil, err
	}
	questions, err := s.resolveQuestions(ctx, f.Question)
	if err != nil {
		return nil, err
	}
	claims, err := s.claimsOf(ctx, bodies, speakers)
	if err != nil {
		return nil, s.queryErr(err)
	}
	return s.claimRows(ctx, f, claims, bodies, speakers, questions)
}

// claimsOf returns the claims about the bodies, else by the speakers, else
// every claim; those about the bodies from the summaries' index of claims
// by body and date when it is current.
func (s *Store) claimsOf(ctx context.Context, bodies, speakers []quad.Value) ([]quad.Value, error) {
	if len(bodies) > 0 {
		var claims []quad.Value
		ok, err := s.viewSummaries(ctx, func(tx sumTx) error {
			for _, b := range bodies {
				prefix := sumKey("N", nodeKey(b), "")
				err := tx.scan(prefix, false, func(k string, _ int64) bool {
					if _, c, found := strings.Cut(k[len(prefix):], "\x00"); found {
						claims = append(claims, keyNode(c))
					}
					return true
				})
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil || ok {
			return dedup(claims), err
		}
	}
	return s.nodes(ctx, s.claimsPath(bodies, speakers))
}

// ClaimsPage is one page of the rows Claims lists, in the same order: all
// of them when page.Limit is zero. The claims' turns, dates and questions
// place the page; only the claims on it are read further and cited. total
// is the number of rows on all pages.
func (s *Store) ClaimsPage(ctx context.Context, f Filter, page Page) (rows []ClaimRow, total int, err error) {
	if page.Limit <= 0 {
		rows, err := s.Claims(ctx, f)
		if err != nil {
			return nil, 0, err
		}
		return rows[min(max(page.Offset, 0), len(rows)):], len(rows), nil
	}
	bodies, err := s.resolveBodies(ctx, f.Body)
	if err != nil {
		return nil, 0, err
	}
	speakers, err := s.resolvePeople(ctx, f.Speaker, f.From, f.To)
	if err != nil {
		return nil, 0, err
	}
	questions, err := s.resolveQuestions(ctx, f.Question)
	if err != nil {
		return nil, 0, err
	}
	if len(bodies) == 1 && len(speakers) == 0 && len(questions) == 0 {
		// (A claim about several bodies is one row: the counts of
		// several bodies cannot be added up.)
		rows, total, ok, err := s.indexedClaims(ctx, f, bodies, page)
		if ok || err != nil {
			return rows, total, err
		}
	}
	claims, err := s.nodes(ctx, s.claimsPath(bodies, speakers))
	if err != nil {
		return nil, 0, s.queryErr(err)
	}
	all, err := s.objectsOf(ctx, claims, ontology.SchemaAppearance, ontology.SchemaAuthor, ontology.SchemaAbout)
	if err != nil {
		return nil, 0, s.queryErr(err)
	}
	var turns []quad.Value
	for _, c := range claims {
		if t := all[0][c]; len(t) > 0 {
			turns = append(turns, t[0])
		}
	}
	info, err := s.readTurns(ctx, nil, dedup(turns), turnDate|turnQuestion)
	if err != nil {
		return nil, 0, err
	}
	type key struct {
		claim          quad.Value
		date, question string
	}
	want := func(set []quad.Value, v quad.Value) bool { return len(set) == 0 || slices.Contains(set, v) }
	first := func(vs []quad.Value) quad.Value {
		if len(vs) == 0 {
			return nil
		}
		return vs[0]
	}
	var keys []key
	for _, c := range claims {
		turn := first(all[0][c])
		ti := info[turn]
		if !want(speakers, first(all[1][c])) || !want(questions, ti.question) || !inRange(dateOf(ti.date), f.From, f.To) {
			continue
		}
		if len(bodies) > 0 && !slices.ContainsFunc(all[2][c], func(v quad.Value) bool { return slices.Contains(bodies, v) }) {
			continue
		}
		k := key{claim: c, date: Undated}
		if turn != nil {
			k.date, k.question = dateOf(ti.date), string(iriOf(ti.question))
		}
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.date, b.date), Natural(a.question, b.question), Natural(string(iriOf(a.claim)), string(iriOf(b.claim))))
	})
	lo, hi := page.bounds(len(keys))
	var onPage []quad.Value
	for _, k := range keys[lo:hi] {
		onPage = append(onPage, k.claim)
	}
	rows, err = s.claimRows(ctx, f, onPage, bodies, speakers, questions)
	return rows, len(keys), err
}

// indexedClaims is ClaimsPage for the claims about one body between f's
// dates, placed by the summaries: the claims about each body per date (one
// key per date) place the page, and the index of claims by body and date
// names those of the page's dates, which alone are read. ok is false when
// the summaries cannot answer.
func (s *Store) indexedClaims(ctx context.Context, f Filter, bodies []quad.Value, page Page) (rows []ClaimRow, total int, ok bool, err error) {
	type key struct {
		claim          quad.Value
		date, question string
	}
	var found []datedNode
	base := 0 // the place of found[0] among all the rows
	ok, err = s.viewSummaries(ctx, func(tx sumTx) (err error) {
		found, base, total, err = indexPage(tx, "E", "N", bodies, f.From, f.To, page, strings.Compare)
		return err
	})
	if errors.Is(err, errStale) || !ok {
		return nil, 0, false, nil
	}
	if err != nil {
		return nil, 0, false, s.queryErr(err)
	}
	keys := make([]key, len(found))
	for i, n := range found {
		keys[i] = key{claim: n.node, date: n.date}
	}
	claims := make([]quad.Value, len(keys))
	for i, k := range keys {
		claims[i] = k.claim
	}
	turnOf, err := s.one(ctx, claims, ontology.SchemaAppearance)
	if err != nil {
		return nil, 0, false, s.queryErr(err)
	}
	var turns []quad.Value
	for _, t := range turnOf {
		turns = append(turns, t)
	}
	info, err := s.readTurns(ctx, nil, dedup(turns), turnQuestion)
	if err != nil {
		return nil, 0, false, err
	}
	for i := range keys {
		if t := turnOf[keys[i].claim]; t != nil {
			keys[i].question = string(iriOf(info[t].question))
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		return cmp.Or(cmp.Compare(a.date, b.date), Natural(a.question, b.question), Natural(string(iriOf(a.claim)), string(iriOf(b.claim))))
	})
	lo, hi := page.bounds(total)
	if lo >= hi {
		return []ClaimRow{}, total, true, nil
	}
	var onPage []quad.Value
	for _, k := range keys[lo-base : hi-base] {
		onPage = append(onPage, k.claim)
	}
	rows, err = s.claimRows(ctx, f, onPage, bodies, nil, nil)
	return rows, total, true, err
}

// claimsPath starts at the claims about the bodies, else by the speakers,
// else at every claim.
func (s *Store) claimsPath(bodies, speakers []quad.Value) *path.Path {
	switch {
	case len(bodies) > 0:
		return path.StartPath(s.h.QuadStore, bodies...).In(ontology.SchemaAbout).Has(ontology.RDFType, ontology.Statement)
	case len(speakers) > 0:
		return path.StartPath(s.h.QuadStore, speakers...).In(ontology.SchemaAuthor).Has(ontology.RDFType, ontology.Statement)
	}
	return s.ofType(ontology.Statement)
}

// claimRows makes the rows of the claims f selects among claims, sorted.
func (s *Store) claimRows(ctx context.Context, f Filter, claims, bodies, speakers, questions []quad.Value) ([]ClaimRow, error) {
	if len(claims) == 0 {
		return []ClaimRow{}, nil
	}
	// Each claim's quads, then each quantity's, are read once for all
	// the predicates.
	preds := []quad.IRI{ontology.RDFType, ontology.SchemaAbout, ontology.SchemaAuthor, ontology.SchemaText,
		ontology.Quantity, ontology.SchemaAppearance, ontology.SchemaTemporalCoverage}
	all, err := s.objectsOf(ctx, claims, preds...)
	if err != nil {
		return nil, s.queryErr(err)
	}
	props := make(map[quad.IRI]map[quad.Value][]quad.Value)
	one := make(map[quad.IRI]map[quad.Value]quad.Value)
	addOne := func(pred quad.IRI, vals map[quad.Value][]quad.Value) {
		m := make(map[quad.Value]quad.Value, len(vals))
		for k, vs := range vals {
			m[k] = vs[0]
		}
		one[pred] = m
	}
	for i, pred := range preds {
		props[pred] = all[i]
		addOne(pred, all[i])
	}
	var quantities, about, turns []quad.Value
	for _, c := range claims {
		quantities = append(quantities, one[ontology.Quantity][c])
		about = append(about, props[ontology.SchemaAbout][c]...)
		turns = append(turns, one[ontology.SchemaAppearance][c])
	}
	turns = dedup(turns)
	info, err := s.readTurns(ctx, nil, turns, turnBasic|turnPlace)
	if err != nil {
		return nil, err
	}
	ct, err := s.citations(ctx, turns, info)
	if err != nil {
		return nil, err
	}
	qpreds := []quad.IRI{ontology.SchemaValue, ontology.SchemaUnitText, ontology.SchemaUnitCode, ontology.SchemaCurrency}
	if all, err = s.objectsOf(ctx, dedup(quantities), qpreds...); err != nil {
		return nil, s.queryErr(err)
	}
	for i, pred := range qpreds {
		addOne(pred, all[i])
	}
	bname, err := s.label(ctx, about, ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	want := func(set []quad.Value, v quad.Value) bool { return len(set) == 0 || slices.Contains(set, v) }
	out := make([]ClaimRow, 0, len(claims))
	for _, c := range claims {
		turn := one[ontology.SchemaAppearance][c]
		ti := info[turn]
		author := one[ontology.SchemaAuthor][c]
		if !want(speakers, author) || !want(questions, ti.question) || !inRange(dateOf(ti.date), f.From, f.To) {
			continue
		}
		if len(bodies) > 0 && !slices.ContainsFunc(props[ontology.SchemaAbout][c], func(v quad.Value) bool { return slices.Contains(bodies, v) }) {
			continue
		}
		r := ClaimRow{Claim: iriOf(c), Kind: []string{}, About: []string{}, SpeakerI: iriOf(author),
			Sentence: Lexical(one[ontology.SchemaText][c]), Period: Lexical(one[ontology.SchemaTemporalCoverage][c])}
		if cc := ct[turn]; cc != nil {
			r.Date, r.Question, r.Role, r.File, r.IRI, r.Source = cc.Date, cc.Question, cc.Role, cc.File, cc.QuestionIRI, cc.SourceURL
			r.Begin, r.End = cc.text.find(r.Sentence)
		} else {
			r.Date = Undated
		}
		names, err := s.label(ctx, []quad.Value{author}, ontology.FOAFName)
		if err != nil {
			return nil, s.queryErr(err)
		}
		r.Speaker = names[author]
		for _, t := range props[ontology.RDFType][c] {
			if t != ontology.SchemaClaim && t != ontology.Statement {
				k := Lexical(t)
				r.Kind = append(r.Kind, k[strings.LastIndexAny(k, "/#")+1:])
			}
		}
		if q := one[ontology.Quantity][c]; q != nil {
			r.Value = Decimal(Lexical(one[ontology.SchemaValue][q]))
			r.Unit = cmp.Or(Lexical(one[ontology.SchemaUnitText][q]), Lexical(one[ontology.SchemaCurrency][q]), percent(Lexical(one[ontology.SchemaUnitCode][q])))
		}
		for _, b := range props[ontology.SchemaAbout][c] {
			r.About = append(r.About, cmp.Or(bname[b], Lexical(b)))
		}
		slices.Sort(r.About)
		slices.Sort(r.Kind)
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b ClaimRow) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), Natural(string(a.IRI), string(b.IRI)), Natural(string(a.Claim), string(b.Claim)))
	})
	return out, nil
}

// find returns the code-point offsets of the first occurrence of sentence
// within the turn [tb, te), or nil when it does not occur verbatim.
func (t turnText) find(sentence string) (*int, *int) {
	if !t.ok || sentence == "" {
		return nil, nil
	}
	turn := string(t.runes)
	i := strings.Index(turn, sentence)
	if i < 0 {
		return nil, nil
	}
	b := t.begin + len([]rune(turn[:i]))
	e := b + len([]rune(sentence))
	return &b, &e
}

// Answers lists who answered about a body: the speakers of turns that
// mention the body and who are recorded as answering the question item the
// turn belongs to. An empty body means any body. Without a question, the
// counts come from the summaries (a few keys per row, or per row and date
// between dates) when they are current.
func (s *Store) Answers(ctx context.Context, f Filter) ([]AnswerRow, error) {
	bodies, speakers, ok, err := s.summaryFilter(ctx, f)
	if err != nil {
		return nil, err
	}
	if ok {
		rows, ok, err := s.summaryAnswers(ctx, bodies, speakers, f.From, f.To)
		if err != nil {
			return nil, s.queryErr(err)
		}
		if ok {
			var people []quad.Value
			for _, r := range rows {
				people = append(people, r.Speaker)
			}
			names, err := s.label(ctx, people, ontology.FOAFName)
			if err != nil {
				return nil, s.queryErr(err)
			}
			for i := range rows {
				rows[i].SpeakerName = names[rows[i].Speaker]
			}
			sortAnswers(rows)
			return rows, nil
		}
	}
	rows, info, err := s.mentionsOf(ctx, f)
	if err != nil {
		return nil, err
	}
	var questions []quad.Value
	for _, r := range rows {
		questions = append(questions, info[r.turn].question)
	}
	answerers, err := s.objects(ctx, dedup(questions), ontology.AnsweredBy)
	if err != nil {
		return nil, s.queryErr(err)
	}
	type agg struct {
		turns, items map[quad.Value]struct{}
		first, last  string
	}
	groups := make(map[quad.Value]*agg)
	for _, r := range rows {
		ti := info[r.turn]
		if ti.speaker == nil || !slices.Contains(answerers[ti.question], ti.speaker) {
			continue
		}
		date := dateOf(ti.date)
		g := groups[ti.speaker]
		if g == nil {
			g = &agg{turns: map[quad.Value]struct{}{}, items: map[quad.Value]struct{}{}, first: date, last: date}
			groups[ti.speaker] = g
		}
		g.turns[r.turn] = struct{}{}
		g.items[ti.question] = struct{}{}
		g.first, g.last = min(g.first, date), max(g.last, date)
	}
	people := make([]quad.Value, 0, len(groups))
	for k := range groups {
		people = append(people, k)
	}
	names, err := s.label(ctx, people, ontology.FOAFName)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]AnswerRow, 0, len(groups))
	for k, g := range groups {
		out = append(out, AnswerRow{Speaker: iriOf(k), SpeakerName: names[k], Turns: len(g.turns),
			Questions: len(g.items), First: g.first, Last: g.last})
	}
	sortAnswers(out)
	return out, nil
}

func sortAnswers(out []AnswerRow) {
	slices.SortFunc(out, func(a, b AnswerRow) int {
		return cmp.Or(cmp.Compare(b.Turns, a.Turns), cmp.Compare(a.SpeakerName, b.SpeakerName), cmp.Compare(a.Speaker, b.Speaker))
	})
}

// mentionCounts returns a function giving the distinct mentions (subjects
// of itsrdf:taIdentRef) of a body: from the summaries when they are
// current, else counted over the predicate's index, comparing refs so that
// no node is read back from the backend.
func (s *Store) mentionCounts(ctx context.Context) (func(body quad.Value) int, error) {
	if counts, ok, err := s.summaryCounts(ctx, "b"); err != nil || ok {
		return func(b quad.Value) int { return counts[keyNode(nodeKey(b))] }, err
	}
	counts, err := s.countMentionsByRef(ctx)
	if err != nil {
		return nil, err
	}
	return func(b quad.Value) int {
		if ref, err := s.h.QuadStore.ValueOf(b); err == nil && ref != nil {
			return counts[refs.ToKey(ref)]
		}
		return 0
	}, nil
}

func (s *Store) countMentionsByRef(ctx context.Context) (map[any]int, error) {
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

// Natural compares strings so that runs of digits compare as numbers:
// claim/2 before claim/10.
func Natural(a, b string) int {
	for a != "" && b != "" {
		da, db := digits(a), digits(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := cmp.Or(cmp.Compare(len(na), len(nb)), strings.Compare(na, nb)); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digits(s string) int {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}

func (s *Store) queryErr(err error) error {
	return &Error{Op: "query", Store: s.name(), Err: err}
}
