package store

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

// What the explorer reads besides the catalogue's queries: one node's
// description, a transcript with its turns and highlighted spans, the
// memberships and questions of people, and a search over names.

// labelPreds name a node for people: the first one a node has is its label.
var labelPreds = []quad.IRI{ontology.FOAFName, ontology.SKOSPrefLabel, ontology.DCTTitle, ontology.SchemaName}

// MaxLinked is the most linked nodes whose labels a description carries.
const MaxLinked = 1000

// Describe returns the quads whose subject is iri, in every graph that
// holds them, followed by the quads that name (foaf:name, skos:prefLabel,
// dct:title, schema:name) each IRI they link to, at most MaxLinked of
// them: a description that reads well alone. It is a NotFoundError when
// the store says nothing about iri.
func (s *Store) Describe(ctx context.Context, iri quad.IRI) ([]quad.Quad, error) {
	var own []quad.Quad
	seen := map[quad.Quad]bool{}
	add := func(out *[]quad.Quad) func(quad.Quad) {
		return func(q quad.Quad) {
			if !seen[q] {
				seen[q] = true
				*out = append(*out, q)
			}
		}
	}
	if err := s.eachQuad(ctx, quad.Subject, iri, add(&own)); err != nil {
		return nil, s.queryErr(err)
	}
	if len(own) == 0 {
		return nil, &NotFoundError{What: "resource", Name: string(iri)}
	}
	sortQuads(own)
	var linked []quad.Quad
	done := map[quad.Value]bool{iri: true}
	for _, q := range own {
		o, ok := q.Object.(quad.IRI)
		if !ok || done[o] || q.Predicate == ontology.RDFType || len(done) > MaxLinked {
			continue
		}
		done[o] = true
		for _, p := range labelPreds {
			rows, err := s.tagRows(ctx, path.StartPath(s.h.QuadStore, o).Out(p).Tag("o"))
			if err != nil {
				return nil, s.queryErr(err)
			}
			for _, r := range rows {
				add(&linked)(quad.Quad{Subject: o, Predicate: p, Object: r["o"]})
			}
		}
	}
	sortQuads(linked)
	return append(own, linked...), nil
}

func sortQuads(qs []quad.Quad) {
	slices.SortFunc(qs, func(a, b quad.Quad) int {
		return cmp.Or(cmp.Compare(a.Subject.String(), b.Subject.String()), cmp.Compare(a.Predicate.String(), b.Predicate.String()),
			cmp.Compare(a.Object.String(), b.Object.String()), cmp.Compare(labelString(a.Label), labelString(b.Label)))
	})
}

func labelString(v quad.Value) string {
	if v == nil {
		return ""
	}
	return v.String()
}

// subjects returns the distinct subjects of quads with predicate pred and
// one of objs as object, read from the object index (a path's In may scan
// the predicate's quads instead).
func (s *Store) subjects(ctx context.Context, objs []quad.Value, pred quad.IRI) ([]quad.Value, error) {
	var out []quad.Value
	seen := map[quad.Value]bool{}
	for _, o := range objs {
		err := s.eachQuad(ctx, quad.Object, o, func(q quad.Quad) {
			if q.Predicate == pred && !seen[q.Subject] {
				seen[q.Subject] = true
				out = append(out, q.Subject)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Referrers returns up to limit distinct subjects that link to iri with
// pred, sorted naturally.
func (s *Store) Referrers(ctx context.Context, iri quad.IRI, pred quad.IRI, limit int) ([]quad.IRI, error) {
	vals, err := s.subjects(ctx, []quad.Value{iri}, pred)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]quad.IRI, 0, len(vals))
	for _, v := range vals {
		if i, ok := v.(quad.IRI); ok {
			out = append(out, i)
		}
	}
	slices.SortFunc(out, func(a, b quad.IRI) int { return Natural(string(a), string(b)) })
	return out[:min(len(out), limit)], nil
}

// Labels returns the label of each node: its foaf:name, skos:prefLabel,
// dct:title or schema:name, the first of them it has ("" when none).
func (s *Store) Labels(ctx context.Context, nodes []quad.IRI) (map[quad.IRI]string, error) {
	vals := make([]quad.Value, len(nodes))
	for i, n := range nodes {
		vals[i] = n
	}
	out := make(map[quad.IRI]string, len(nodes))
	for _, p := range labelPreds {
		names, err := s.label(ctx, vals, p)
		if err != nil {
			return nil, s.queryErr(err)
		}
		for _, n := range nodes {
			if out[n] == "" {
				out[n] = names[n]
			}
		}
	}
	return out, nil
}

// Ref is a node with its label.
type Ref struct {
	IRI  quad.IRI
	Name string
}

// Turn is a speech turn of a transcript, with code-point offsets into the
// transcript's text.
type Turn struct {
	IRI         quad.IRI
	Position    int
	Speaker     Ref
	Attribution string // the speaker as printed: name and capacity
	Begin, End  int
}

// Span is a stretch of a transcript's text that a mention or a claim
// covers.
type Span struct {
	IRI        quad.IRI // the mention or claim
	Kind       string   // "mention" or "claim"
	Begin, End int      // code-point offsets into the text
	Target     Ref      // the body mentioned; for a claim, the first body it is about (if any)
	Note       string   // the words of a mention; the kinds of a claim
}

// Transcript is a question item with its text, turns and spans.
type Transcript struct {
	IRI                          quad.IRI
	Title, Date, File, SourceURL string
	Session                      quad.IRI
	TextNode                     quad.IRI // the node whose nif:isString is Text
	Text                         string
	Askers, AskedOf, AnsweredBy  []Ref
	Groups                       []Ref // on whose behalf the question was asked
	Turns                        []Turn
	Spans                        []Span // sorted by Begin, longer first
}

// ReadTranscript reads a question item, its text, its turns in order and
// the spans of its mentions and claims. It is a NotFoundError when the item
// is not in the store.
func (s *Store) ReadTranscript(ctx context.Context, question quad.IRI) (*Transcript, error) {
	q := []quad.Value{question}
	one := map[quad.IRI]map[quad.Value]quad.Value{}
	for _, p := range []quad.IRI{ontology.DCTTitle, ontology.DCTDate, ontology.DCTSource, ontology.SchemaURL} {
		m, err := s.one(ctx, q, p)
		if err != nil {
			return nil, s.queryErr(err)
		}
		one[p] = m
	}
	parts, err := s.objects(ctx, q, ontology.DCTIsPartOf)
	if err != nil {
		return nil, s.queryErr(err)
	}
	t := &Transcript{IRI: question, Title: Lexical(one[ontology.DCTTitle][question]), Date: dateOf(one[ontology.DCTDate][question]),
		File: Lexical(one[ontology.DCTSource][question]), SourceURL: Lexical(one[ontology.SchemaURL][question])}
	if len(parts[question]) > 0 {
		t.Session = iriOf(parts[question][0])
	}
	for _, rel := range []struct {
		pred quad.IRI
		to   *[]Ref
	}{{ontology.SchemaAuthor, &t.Askers}, {ontology.AskedOf, &t.AskedOf}, {ontology.AnsweredBy, &t.AnsweredBy}, {ontology.OpenGovOnBehalfOf, &t.Groups}} {
		objs, err := s.objects(ctx, q, rel.pred)
		if err != nil {
			return nil, s.queryErr(err)
		}
		if *rel.to, err = s.refs(ctx, objs[question]); err != nil {
			return nil, err
		}
	}
	// What is part of a question item are its turns (a filter on their
	// type would read every turn of the store).
	turns, err := s.subjects(ctx, []quad.Value{question}, ontology.DCTIsPartOf)
	if err != nil {
		return nil, s.queryErr(err)
	}
	if t.Title == "" && len(turns) == 0 {
		return nil, &NotFoundError{What: "question", Name: string(question)}
	}
	tp := map[quad.IRI]map[quad.Value]quad.Value{}
	for _, p := range []quad.IRI{ontology.SchemaPosition, ontology.SchemaCreator, ontology.AttributionText, ontology.NIFBeginIndex, ontology.NIFEndIndex, ontology.NIFReferenceContext} {
		if tp[p], err = s.one(ctx, turns, p); err != nil {
			return nil, s.queryErr(err)
		}
	}
	var speakers []quad.Value
	for _, v := range turns {
		speakers = append(speakers, tp[ontology.SchemaCreator][v])
		if t.TextNode == "" && tp[ontology.NIFReferenceContext][v] != nil {
			t.TextNode = iriOf(tp[ontology.NIFReferenceContext][v])
		}
	}
	names, err := s.label(ctx, speakers, ontology.FOAFName)
	if err != nil {
		return nil, s.queryErr(err)
	}
	for _, v := range turns {
		sp := tp[ontology.SchemaCreator][v]
		t.Turns = append(t.Turns, Turn{IRI: iriOf(v), Position: atoi(tp[ontology.SchemaPosition][v]),
			Speaker: Ref{IRI: iriOf(sp), Name: names[sp]}, Attribution: Lexical(tp[ontology.AttributionText][v]),
			Begin: atoi(tp[ontology.NIFBeginIndex][v]), End: atoi(tp[ontology.NIFEndIndex][v])})
	}
	slices.SortFunc(t.Turns, func(a, b Turn) int { return cmp.Compare(a.Position, b.Position) })
	if t.TextNode != "" {
		txt, err := s.one(ctx, []quad.Value{t.TextNode}, ontology.NIFIsString)
		if err != nil {
			return nil, s.queryErr(err)
		}
		t.Text = Lexical(txt[t.TextNode])
	}
	if len(turns) == 0 {
		return t, nil
	}
	// Mentions and claims of the turns.
	mentions, err := s.subjects(ctx, turns, ontology.InTurn)
	if err != nil {
		return nil, s.queryErr(err)
	}
	claims, err := s.subjects(ctx, turns, ontology.SchemaAppearance)
	if err != nil {
		return nil, s.queryErr(err)
	}
	nodes := append(slices.Clone(mentions), claims...)
	sp := map[quad.IRI]map[quad.Value]quad.Value{}
	for _, p := range []quad.IRI{ontology.NIFBeginIndex, ontology.NIFEndIndex, ontology.ITSTaIdentRef, ontology.NIFAnchorOf} {
		if sp[p], err = s.one(ctx, nodes, p); err != nil {
			return nil, s.queryErr(err)
		}
	}
	about, err := s.objects(ctx, claims, ontology.SchemaAbout)
	if err != nil {
		return nil, s.queryErr(err)
	}
	kinds, err := s.objects(ctx, claims, ontology.RDFType)
	if err != nil {
		return nil, s.queryErr(err)
	}
	var targets []quad.Value
	for _, m := range mentions {
		targets = append(targets, sp[ontology.ITSTaIdentRef][m])
	}
	for _, c := range claims {
		targets = append(targets, about[c]...)
	}
	bnames, err := s.label(ctx, targets, ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	// An Act (schema:Legislation) has a schema:name, not a label.
	var unlabelled []quad.Value
	for _, tgt := range targets {
		if bnames[tgt] == "" {
			unlabelled = append(unlabelled, tgt)
		}
	}
	if len(unlabelled) > 0 {
		names, err := s.label(ctx, unlabelled, ontology.SchemaName)
		if err != nil {
			return nil, s.queryErr(err)
		}
		for n, name := range names {
			bnames[n] = name
		}
	}
	for _, m := range mentions {
		b, e, ok := offsets(sp, m)
		if !ok {
			continue
		}
		tgt := sp[ontology.ITSTaIdentRef][m]
		t.Spans = append(t.Spans, Span{IRI: iriOf(m), Kind: "mention", Begin: b, End: e,
			Target: Ref{IRI: iriOf(tgt), Name: bnames[tgt]}, Note: Lexical(sp[ontology.NIFAnchorOf][m])})
	}
	for _, c := range claims {
		b, e, ok := offsets(sp, c)
		if !ok {
			continue
		}
		var ks []string
		for _, k := range kinds[c] {
			if k != ontology.SchemaClaim && k != ontology.Statement {
				ks = append(ks, localName(Lexical(k)))
			}
		}
		span := Span{IRI: iriOf(c), Kind: "claim", Begin: b, End: e, Note: strings.Join(ks, ", ")}
		if len(about[c]) > 0 {
			span.Target = Ref{IRI: iriOf(about[c][0]), Name: bnames[about[c][0]]}
		}
		t.Spans = append(t.Spans, span)
	}
	slices.SortFunc(t.Spans, func(a, b Span) int {
		return cmp.Or(cmp.Compare(a.Begin, b.Begin), cmp.Compare(b.End, a.End), cmp.Compare(a.Kind, b.Kind), Natural(string(a.IRI), string(b.IRI)))
	})
	return t, nil
}

func offsets(props map[quad.IRI]map[quad.Value]quad.Value, n quad.Value) (int, int, bool) {
	b, e1 := strconv.Atoi(Lexical(props[ontology.NIFBeginIndex][n]))
	e, e2 := strconv.Atoi(Lexical(props[ontology.NIFEndIndex][n]))
	return b, e, e1 == nil && e2 == nil && b <= e
}

func atoi(v quad.Value) int {
	n, _ := strconv.Atoi(Lexical(v))
	return n
}

func localName(s string) string { return s[strings.LastIndexAny(s, "/#")+1:] }

// refs labels nodes, sorted by name.
func (s *Store) refs(ctx context.Context, nodes []quad.Value) ([]Ref, error) {
	iris := make([]quad.IRI, 0, len(nodes))
	for _, n := range nodes {
		if i, ok := n.(quad.IRI); ok {
			iris = append(iris, i)
		}
	}
	names, err := s.Labels(ctx, iris)
	if err != nil {
		return nil, err
	}
	out := make([]Ref, 0, len(iris))
	for _, i := range iris {
		out = append(out, Ref{IRI: i, Name: names[i]})
	}
	slices.SortFunc(out, func(a, b Ref) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.IRI, b.IRI)) })
	return out, nil
}

// Membership is a person's membership of an organisation or tenure of a
// post, with its dates when known.
type Membership struct {
	IRI          quad.IRI
	Organisation Ref // the organisation (an Assembly group, a party...), when one
	Post         Ref // the post held, when one
	Role         Ref
	Kind         string // the organisation's classification (assembly-group...)
	From, Until  string // yyyy-mm-dd, "" when open
}

// During reports whether the membership covers date (an Undated date is
// covered only by a membership without dates).
func (m Membership) During(date string) bool {
	if date == Undated {
		return m.From == "" && m.Until == ""
	}
	return (m.From == "" || m.From <= date) && (m.Until == "" || date <= m.Until)
}

// Memberships returns the memberships and posts of each person, sorted by
// start date. Each person's are read once and kept until the next load.
func (s *Store) Memberships(ctx context.Context, people []quad.IRI) (map[quad.IRI][]Membership, error) {
	out := map[quad.IRI][]Membership{}
	var todo []quad.IRI
	for _, p := range people {
		if _, done := out[p]; done {
			continue
		}
		if v, ok := s.members.Load(p); ok {
			if ms := v.([]Membership); len(ms) > 0 {
				out[p] = ms
			}
			continue
		}
		todo = append(todo, p)
	}
	read, err := s.memberships(ctx, dedupIRIs(todo))
	if err != nil {
		return nil, err
	}
	for _, p := range dedupIRIs(todo) {
		s.members.Store(p, read[p])
		if len(read[p]) > 0 {
			out[p] = read[p]
		}
	}
	return out, nil
}

func dedupIRIs(is []quad.IRI) []quad.IRI {
	return slices.Compact(slices.Sorted(slices.Values(is)))
}

// memberships reads the memberships and posts of each person from the
// store.
func (s *Store) memberships(ctx context.Context, people []quad.IRI) (map[quad.IRI][]Membership, error) {
	out := map[quad.IRI][]Membership{}
	if len(people) == 0 {
		return out, nil
	}
	vals := make([]quad.Value, len(people))
	for i, p := range people {
		vals[i] = p
	}
	// The memberships from the (object, predicate) index: a person is the
	// object of many more quads (every turn they spoke) than memberships.
	type row struct{ p, m quad.Value }
	var rows []row
	if err := s.eachSubject(ctx, vals, ontology.OrgMember, func(p, m quad.Value) { rows = append(rows, row{p, m}) }); err != nil {
		return nil, s.queryErr(err)
	}
	var ms []quad.Value
	for _, r := range rows {
		ms = append(ms, r.m)
	}
	ms = dedup(ms)
	props, err := s.oneOf(ctx, ms, ontology.OrgOrganizationP, ontology.OpenGovPost, ontology.OrgRoleP, ontology.SchemaValidFrom, ontology.SchemaValidUntil)
	if err != nil {
		return nil, s.queryErr(err)
	}
	var named []quad.Value
	for _, m := range ms {
		named = append(named, props[ontology.OrgOrganizationP][m], props[ontology.OpenGovPost][m], props[ontology.OrgRoleP][m])
	}
	names, err := s.label(ctx, named, ontology.SKOSPrefLabel)
	if err != nil {
		return nil, s.queryErr(err)
	}
	kinds, err := s.label(ctx, named, ontology.OrgClassification)
	if err != nil {
		return nil, s.queryErr(err)
	}
	ref := func(v quad.Value) Ref {
		if v == nil {
			return Ref{}
		}
		return Ref{IRI: iriOf(v), Name: names[v]}
	}
	for _, r := range rows {
		m := r.m
		org := props[ontology.OrgOrganizationP][m]
		mem := Membership{IRI: iriOf(m), Organisation: ref(org), Post: ref(props[ontology.OpenGovPost][m]), Role: ref(props[ontology.OrgRoleP][m]),
			From: Lexical(props[ontology.SchemaValidFrom][m]), Until: Lexical(props[ontology.SchemaValidUntil][m])}
		if org != nil {
			mem.Kind = localName(kinds[org])
		}
		p := iriOf(r.p)
		out[p] = append(out[p], mem)
	}
	for p, list := range out {
		slices.SortFunc(list, func(a, b Membership) int {
			return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.IRI, b.IRI))
		})
		out[p] = slices.CompactFunc(list, func(a, b Membership) bool { return a.IRI == b.IRI })
	}
	return out, nil
}

// QuestionRef is a question item a person asked or answered.
type QuestionRef struct {
	IRI             quad.IRI
	Title, Date     string
	Asked, Answered bool
}

// QuestionsOf lists the question items person asked (schema:author) or
// answered (akg:answeredBy), newest first.
func (s *Store) QuestionsOf(ctx context.Context, person quad.IRI) ([]QuestionRef, error) {
	by := map[quad.Value]*QuestionRef{}
	var qs []quad.Value
	for _, rel := range []quad.IRI{ontology.SchemaAuthor, ontology.AnsweredBy} {
		found, err := s.subjects(ctx, []quad.Value{person}, rel)
		if err != nil {
			return nil, s.queryErr(err)
		}
		for _, q := range found {
			r := by[q]
			if r == nil {
				r = &QuestionRef{IRI: iriOf(q)}
				by[q] = r
				qs = append(qs, q)
			}
			if rel == ontology.SchemaAuthor {
				r.Asked = true
			} else {
				r.Answered = true
			}
		}
	}
	titles, err := s.label(ctx, qs, ontology.DCTTitle)
	if err != nil {
		return nil, s.queryErr(err)
	}
	dates, err := s.one(ctx, qs, ontology.DCTDate)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]QuestionRef, 0, len(qs))
	for _, q := range qs {
		if titles[q] == "" {
			continue // a claim, which has an author too
		}
		r := by[q]
		r.Title, r.Date = titles[q], dateOf(dates[q])
		out = append(out, *r)
	}
	slices.SortFunc(out, func(a, b QuestionRef) int {
		return cmp.Or(undatedLast(b.Date, a.Date), Natural(string(a.IRI), string(b.IRI)))
	})
	return out, nil
}

// undatedLast compares dates for a newest-first order that keeps undated
// items last: a and b are given swapped by the caller.
func undatedLast(b, a string) int {
	switch {
	case a == b:
		return 0
	case a == Undated:
		return 1
	case b == Undated:
		return -1
	}
	return cmp.Compare(b, a)
}

// Hit is a node found by a search.
type Hit struct {
	IRI  quad.IRI
	Name string // the name that matched
	Kind string // "person", "body" or "question"
}

// NameIndex holds the names, aliases and titles of the people, bodies and
// question items of a store, for searching as people type.
type NameIndex struct {
	entries []nameEntry
}

type nameEntry struct {
	Hit
	folded string
}

// Names reads the names of the people (foaf:name, skos:altLabel), bodies
// (skos:prefLabel, skos:altLabel, skos:notation) and question items
// (dct:title) into an index. Keep it while the store does not change.
func (s *Store) Names(ctx context.Context) (*NameIndex, error) {
	idx := &NameIndex{}
	for _, c := range []struct {
		kind  string
		class quad.IRI
		preds []quad.IRI
	}{{"body", ontology.OrgOrganization, bodyNames}, {"person", ontology.FOAFPerson, personNames}, {"question", ontology.SchemaQuestion, []quad.IRI{ontology.DCTTitle}}} {
		// From the class through the subject index: no scan of a
		// predicate's quads.
		nodes, err := s.nodes(ctx, s.ofType(c.class))
		if err != nil || len(nodes) == 0 {
			if err != nil {
				return nil, s.queryErr(err)
			}
			continue
		}
		preds := make([]any, len(c.preds))
		for i, p := range c.preds {
			preds[i] = p
		}
		rows, err := s.tagRows(ctx, path.StartPath(s.h.QuadStore, nodes...).Tag("n").Out(preds...).Tag("o"))
		if err != nil {
			return nil, s.queryErr(err)
		}
		for _, r := range rows {
			if !isLiteral(r["o"]) {
				continue
			}
			name := Lexical(r["o"])
			idx.entries = append(idx.entries, nameEntry{Hit{IRI: iriOf(r["n"]), Name: name, Kind: c.kind}, foldName(name)})
		}
	}
	slices.SortFunc(idx.entries, func(a, b nameEntry) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.IRI, b.IRI))
	})
	return idx, nil
}

// Search finds the people, bodies and question items whose names, aliases
// or titles contain text, compared as lookups do (case, accents and
// punctuation do not count): names equal to text first, then names
// starting with it, then names with a word starting with it, then the
// rest, each by name, one hit per node. At most limit hits are returned,
// with the number found.
func (idx *NameIndex) Search(text string, limit int) ([]Hit, int) {
	key := foldName(text)
	if key == "" {
		return nil, 0
	}
	type scored struct {
		Hit
		rank int
	}
	best := map[quad.IRI]scored{}
	for _, e := range idx.entries {
		i := strings.Index(e.folded, key)
		if i < 0 {
			continue
		}
		rank := 3
		switch {
		case e.folded == key:
			rank = 0
		case i == 0:
			rank = 1
		case e.folded[i-1] == ' ':
			rank = 2
		}
		if b, ok := best[e.IRI]; !ok || rank < b.rank {
			best[e.IRI] = scored{e.Hit, rank}
		}
	}
	all := make([]scored, 0, len(best))
	for _, h := range best {
		all = append(all, h)
	}
	slices.SortFunc(all, func(a, b scored) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(a.Name, b.Name), cmp.Compare(a.IRI, b.IRI))
	})
	out := make([]Hit, 0, min(limit, len(all)))
	for _, h := range all[:min(limit, len(all))] {
		out = append(out, h.Hit)
	}
	return out, len(all)
}

// MintedBase guesses the base under which the store's resources were
// minted, from the IRI of the register graph (BASE + "graph/register") or
// of any transcript's graph: "" when the store holds none. It reads the
// graphs of the first few speech turns, questions and mentions (from the
// object index, a few keys), then, for a store holding none, of the first
// quads in the store.
func (s *Store) MintedBase(ctx context.Context) (string, error) {
	qs := s.h.QuadStore
	base := func(it iterator.Scanner) (string, error) {
		defer it.Close()
		seen := map[any]bool{}
		for n := 0; it.Next(ctx) && n < 100000; n++ {
			l, err := qs.QuadDirection(it.Result(), quad.Label)
			if err != nil {
				return "", err
			}
			if l == nil || seen[refs.ToKey(l)] {
				continue
			}
			seen[refs.ToKey(l)] = true
			v, err := qs.NameOf(l)
			if err != nil {
				return "", err
			}
			if l, ok := v.(quad.IRI); ok {
				if i := strings.LastIndex(string(l), "/"+ontology.GraphPath); i >= 0 {
					return string(l[:i+1]), nil
				}
			}
		}
		return "", it.Err()
	}
	for _, class := range []quad.IRI{ontology.OpenGovSpeech, ontology.SchemaQuestion, ontology.Mention} {
		ref, err := qs.ValueOf(class)
		if err != nil {
			return "", err
		}
		if ref == nil {
			continue
		}
		if b, err := base(qs.QuadIterator(quad.Object, ref).Iterate()); b != "" || err != nil {
			return b, err
		}
	}
	return base(qs.QuadsAllIterator().Iterate())
}

// DatedMentions counts the mentions of a body in one speaker's turns of
// one date.
type DatedMentions struct {
	Speaker  Ref    // empty when the turns name no speaker
	Date     string // yyyy-mm-dd, or Undated
	Mentions int
}

// MentionDates counts the mentions of body by speaker and date, sorted by
// speaker and date: what a body's page counts by speaker, by year and by
// the speakers' groups on the day. The counts come from the summaries the
// loader keeps (one key per row) or, when they are not current, from the
// mentions themselves.
func (s *Store) MentionDates(ctx context.Context, body quad.IRI) ([]DatedMentions, error) {
	type key struct {
		speaker quad.Value
		date    string
	}
	counts := map[key]int{}
	prefix := sumKey("d", nodeKey(body), "")
	ok, err := s.viewSummaries(ctx, func(tx sumTx) error {
		return tx.scan(prefix, false, func(k string, n int64) bool {
			if sp, date, found := strings.Cut(k[len(prefix):], "\x00"); found {
				counts[key{keyNode(sp), date}] += int(n)
			}
			return true
		})
	})
	if err != nil {
		return nil, s.queryErr(err)
	}
	if !ok {
		clear(counts)
		rows, info, err := s.mentionsOf(ctx, Filter{Body: string(body)})
		if err != nil {
			return nil, err
		}
		seen := map[quad.Value]bool{}
		for _, r := range rows {
			if !seen[r.m] {
				seen[r.m] = true
				ti := info[r.turn]
				counts[key{ti.speaker, dateOf(ti.date)}]++
			}
		}
	}
	var speakers []quad.Value
	for k := range counts {
		speakers = append(speakers, k.speaker)
	}
	names, err := s.label(ctx, speakers, ontology.FOAFName)
	if err != nil {
		return nil, s.queryErr(err)
	}
	out := make([]DatedMentions, 0, len(counts))
	for k, n := range counts {
		out = append(out, DatedMentions{Speaker: Ref{IRI: iriOf(k.speaker), Name: names[k.speaker]}, Date: k.date, Mentions: n})
	}
	slices.SortFunc(out, func(a, b DatedMentions) int {
		return cmp.Or(cmp.Compare(a.Speaker.IRI, b.Speaker.IRI), cmp.Compare(a.Date, b.Date))
	})
	return out, nil
}
