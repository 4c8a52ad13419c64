package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

// Summaries are counts the named queries need, kept by the loader as named
// graphs are added, replaced and removed, so that a query reads one count
// per row instead of walking every mention. Each is a key holding a count:
//
//	n␀body␀speaker        mentions of the body in the speaker's turns
//	s␀speaker␀body        the same count, found by speaker
//	d␀body␀speaker␀date   those mentions in turns of that date
//	b␀body                all mentions of the body
//	y␀body␀year           mentions of the body in turns of that year
//	t␀person              speech turns the person gave
//	g␀group␀year␀body     mentions of the body in the questions asked on
//	                      behalf of the group in that year (the question's date)
//	q␀group␀year␀body     those questions
//	G␀body␀group␀year     the same as g, found by body
//	Q␀body␀group␀year     the same as q, found by body
//	w␀body␀year           question items naming the body in turns of that year
//	r␀body␀role           mentions of the body in turns spoken in the role
//	R␀body␀role           those turns
//	e␀whole               question items part of the whole (a session)
//	f␀whole               their speech turns
//	h␀whole               the mentions in those turns
//	e␀, f␀, h␀            the same for all question items
//	a␀body␀speaker        turns of the speaker mentioning the body in
//	                      question items the speaker answered
//	A␀body␀speaker        those question items
//	x␀body␀speaker␀date   those turns of that date
//	a␀␀speaker...         the same for a mention of any body
//	C␀body␀year           claims about the body made in turns of the year
//	K␀body␀speaker        those made in turns of the speaker
//	L␀body␀role           those made in turns spoken in the role
//	P␀body␀group␀year     those made in question items asked on behalf of
//	                      the group in the year (the item's date)
//	C␀␀year...            the same for every claim
//	Y␀body␀date, W␀body␀date, o␀body␀role␀date, O␀body␀role␀date,
//	j␀body␀group␀year␀date, J␀body␀group␀year␀date, X␀body␀speaker␀date,
//	c␀body␀date, k␀body␀speaker␀date, l␀body␀role␀date,
//	p␀body␀group␀year␀date
//	                      y (by the turns' date), w, r, R, G, Q, A, C, K,
//	                      L and P counted by the date of the turns, for
//	                      counts between two dates (an item's turns share
//	                      its date, so its count per date adds up)
//	D␀body␀date           mentions of the body whose turn is of the date
//	M␀body␀date␀mention   1: the mention is one of those (an index that
//	                      places a page of quotes by date)
//	E␀body␀date           claims about the body made in turns of the date
//	N␀body␀date␀claim     1: the claim is one of those (the same for
//	                      claims)
//
// (Sessions are typed in the register graph, not in the graphs of their
// items, so summaries, made graph by graph, cannot tell a session from
// anything else an item is part of: the sessions query does, and the items
// in no session are all items less those in one.)
// Mentions are the akg:Mention nodes: an Act's mention links to its Act by
// the same itsrdf:taIdentRef but is no body's and is not counted (except
// by D and M, which hold every node linked with itsrdf:taIdentRef and in a
// turn, as the quotes query lists them, under the turn and date it picks:
// the first in lexical order).
// Bodies, people, roles and sessions are IRIs (blank nodes in their
// N-Quads form); a turn with no speaker counts under the empty speaker, one
// with no date under Undated and one with no role under the empty role.
// Where a turn has several speakers, dates, roles or question items, the
// one the queries pick is counted: the smallest. The first
// and last session of a speaker's mentions of a body are
// the first and last d key of the pair. Two marks sit beside them: !version,
// written once the summaries match the store, and !dirty, written before
// the quads of a batch and removed with the batch's counts in one
// transaction. A store opened for writing whose summaries lack the first or
// hold the second (a load was killed part way, or the store predates
// summaries) has them recounted from its quads; a reader that finds them so
// answers from the quads instead.
const (
	sumVersion = "!version"
	sumDirty   = "!dirty"
	// sumFormat is the value of !version: summaries of another format are
	// recounted, like missing ones.
	sumFormat = 7
)

func sumKey(parts ...string) string { return strings.Join(parts, "\x00") }

// nodeKey is the text a node is summarised under.
func nodeKey(v quad.Value) string {
	switch v := v.(type) {
	case nil:
		return ""
	case quad.IRI:
		return string(v)
	}
	return v.String()
}

// keyNode is the node a key part stands for.
func keyNode(s string) quad.Value {
	switch {
	case s == "":
		return nil
	case strings.HasPrefix(s, "_:"):
		return quad.BNode(s[2:])
	}
	return quad.IRI(s)
}

// tally gathers the quads the summaries are made of and counts them. Nodes
// are quad values (val gives a node's value).
type tally struct {
	val      func(any) (quad.Value, error)
	bodies   map[any][]any // mention -> bodies
	turns    map[any][]any // mention -> turns
	creators map[any][]any // turn -> speakers
	dates    map[any][]any // subject -> dates
	speech   map[any]bool  // speech turns
	question map[any]bool  // question items
	mention  map[any]bool  // subjects typed akg:Mention (an Act's mention is not one)
	partOf   map[any][]any // turn -> questions (and anything else it is part of)
	groups   map[any][]any // question -> groups it was asked on behalf of
	roles    map[any][]any // turn -> roles
	answered map[any][]any // question -> who answered it
	claim    map[any]bool  // claims (akg:Statement)
	appear   map[any][]any // claim -> turns it was made in
	about    map[any][]any // claim -> bodies it is about
}

func newTally() *tally {
	return &tally{val: valueOf, bodies: map[any][]any{}, turns: map[any][]any{},
		creators: map[any][]any{}, dates: map[any][]any{}, speech: map[any]bool{},
		question: map[any]bool{}, mention: map[any]bool{},
		partOf: map[any][]any{}, groups: map[any][]any{}, roles: map[any][]any{},
		answered: map[any][]any{}, claim: map[any]bool{}, appear: map[any][]any{}, about: map[any][]any{}}
}

// summarised are the predicates summaries are made of.
var summarised = []quad.IRI{ontology.ITSTaIdentRef, ontology.InTurn, ontology.SchemaCreator, ontology.DCTDate, ontology.RDFType,
	ontology.DCTIsPartOf, ontology.OpenGovOnBehalfOf, ontology.OpenGovRole, ontology.AnsweredBy,
	ontology.SchemaAppearance, ontology.SchemaAbout}

// add adds a quad; class is its object when that is an IRI (the classes
// whose members summaries tell apart are speech turns, questions, mentions
// and claims).
func (t *tally) add(pred quad.IRI, s, o any, class quad.IRI) {
	switch pred {
	case ontology.ITSTaIdentRef:
		t.bodies[s] = append(t.bodies[s], o)
	case ontology.InTurn:
		t.turns[s] = append(t.turns[s], o)
	case ontology.SchemaCreator:
		t.creators[s] = append(t.creators[s], o)
	case ontology.DCTDate:
		t.dates[s] = append(t.dates[s], o)
	case ontology.DCTIsPartOf:
		t.partOf[s] = append(t.partOf[s], o)
	case ontology.OpenGovOnBehalfOf:
		t.groups[s] = append(t.groups[s], o)
	case ontology.OpenGovRole:
		t.roles[s] = append(t.roles[s], o)
	case ontology.AnsweredBy:
		t.answered[s] = append(t.answered[s], o)
	case ontology.SchemaAppearance:
		t.appear[s] = append(t.appear[s], o)
	case ontology.SchemaAbout:
		t.about[s] = append(t.about[s], o)
	case ontology.RDFType:
		switch class {
		case ontology.OpenGovSpeech:
			t.speech[s] = true
		case ontology.SchemaQuestion:
			t.question[s] = true
		case ontology.Mention:
			t.mention[s] = true
		case ontology.Statement:
			t.claim[s] = true
		}
	}
}

func (t *tally) addQuads(qs []quad.Quad) {
	for _, q := range qs {
		if p, ok := q.Predicate.(quad.IRI); ok {
			class, _ := q.Object.(quad.IRI)
			t.add(p, q.Subject, q.Object, class)
		}
	}
}

// least returns the node of vs whose N-Quads form is smallest (the one the
// queries pick), or nil.
func (t *tally) least(vs []any) (quad.Value, error) {
	var best quad.Value
	for _, v := range vs {
		x, err := t.val(v)
		if err != nil {
			return nil, err
		}
		if x != nil && (best == nil || x.String() < best.String()) {
			best = x
		}
	}
	return best, nil
}

// distinct returns the keys of the nodes of vs, each once.
func (t *tally) distinct(vs []any) ([]string, error) {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		x, err := t.val(v)
		if err != nil {
			return nil, err
		}
		if x != nil {
			out = append(out, nodeKey(x))
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// counts returns the summary counts of the quads added.
func (t *tally) counts() (map[string]int64, error) {
	out := map[string]int64{}
	var questions []string // q keys, each followed by the question
	// Keys counting distinct items (question items, turns) rather than
	// mentions.
	sets := map[string]map[any]struct{}{}
	addSet := func(k string, item any) {
		if sets[k] == nil {
			sets[k] = map[any]struct{}{}
		}
		sets[k][item] = struct{}{}
	}
	type turnKey struct {
		speaker, date, role string
		question            any
	}
	turnInfo := map[any]turnKey{}
	answerers := map[any][]string{}
	// answers reports whether the turn's speaker answered its question.
	answers := func(k turnKey) (bool, error) {
		if k.speaker == "" || k.question == nil {
			return false, nil
		}
		a, ok := answerers[k.question]
		if !ok {
			var err error
			if a, err = t.distinct(t.answered[k.question]); err != nil {
				return false, err
			}
			answerers[k.question] = a
		}
		_, found := slices.BinarySearch(a, k.speaker)
		return found, nil
	}
	infoOf := func(turn any) (turnKey, error) {
		if k, ok := turnInfo[turn]; ok {
			return k, nil
		}
		sp, err := t.least(t.creators[turn])
		if err != nil {
			return turnKey{}, err
		}
		d, err := t.least(t.dates[turn])
		if err != nil {
			return turnKey{}, err
		}
		r, err := t.least(t.roles[turn])
		if err != nil {
			return turnKey{}, err
		}
		q, err := t.smallest(t.partOf[turn], nquads)
		if err != nil {
			return turnKey{}, err
		}
		k := turnKey{nodeKey(sp), Undated, nodeKey(r), q}
		if d != nil {
			k.date = Lexical(d)
		}
		turnInfo[turn] = k
		return k, nil
	}
	if err := t.quoteIndex(out); err != nil {
		return nil, err
	}
	for m, bs := range t.bodies {
		if !t.mention[m] {
			continue
		}
		bodies, err := t.distinct(bs)
		if err != nil {
			return nil, err
		}
		var keys []string // the mention's keys: counted once each
		for _, b := range bodies {
			keys = append(keys, sumKey("b", b))
			for _, turn := range t.turns[m] {
				k, err := infoOf(turn)
				if err != nil {
					return nil, err
				}
				year := Undated
				if k.date != Undated && len(k.date) >= 4 {
					year = k.date[:4]
				}
				keys = append(keys, sumKey("n", b, k.speaker), sumKey("s", k.speaker, b),
					sumKey("d", b, k.speaker, k.date), sumKey("y", b, year), sumKey("r", b, k.role),
					sumKey("Y", b, k.date), sumKey("o", b, k.role, k.date))
				addSet(sumKey("w", b, year), k.question)
				addSet(sumKey("R", b, k.role), turn)
				addSet(sumKey("W", b, k.date), k.question)
				addSet(sumKey("O", b, k.role, k.date), turn)
				answered, err := answers(k)
				if err != nil {
					return nil, err
				}
				if answered {
					for _, bk := range []string{b, ""} {
						addSet(sumKey("a", bk, k.speaker), turn)
						addSet(sumKey("A", bk, k.speaker), k.question)
						addSet(sumKey("x", bk, k.speaker, k.date), turn)
						addSet(sumKey("X", bk, k.speaker, k.date), k.question)
					}
				}
				for _, q := range t.partOf[turn] {
					asked, err := t.asked(q)
					if err != nil {
						return nil, err
					}
					for _, a := range asked {
						keys = append(keys, sumKey("g", a.group, a.year, b), sumKey("G", b, a.group, a.year),
							sumKey("j", b, a.group, a.year, k.date))
						questions = append(questions, sumKey("q", a.group, a.year, b)+"\x00"+a.question,
							sumKey("Q", b, a.group, a.year)+"\x00"+a.question, sumKey("J", b, a.group, a.year, k.date)+"\x00"+a.question)
					}
				}
			}
		}
		slices.Sort(keys)
		for _, k := range slices.Compact(keys) {
			out[k]++
		}
	}
	slices.Sort(questions)
	for _, q := range slices.Compact(questions) {
		out[q[:strings.LastIndexByte(q, 0)]]++
	}
	for turn := range t.speech {
		people, err := t.distinct(t.creators[turn])
		if err != nil {
			return nil, err
		}
		for _, p := range people {
			out[sumKey("t", p)]++
		}
	}
	if err := t.sessions(addSet); err != nil {
		return nil, err
	}
	// Claims, by the turn they were made in (the smallest, as the
	// queries pick it); a claim made in none is not counted, but for E
	// and N (undated).
	for c := range t.claim {
		turn, err := t.smallest(t.appear[c], Lexical)
		if err != nil {
			return nil, err
		}
		date := Undated
		if turn != nil {
			if date, err = t.dateOf(turn); err != nil {
				return nil, err
			}
		}
		bodies, err := t.distinct(t.about[c])
		if err != nil {
			return nil, err
		}
		cv, err := t.val(c)
		if err != nil {
			return nil, err
		}
		for _, b := range bodies {
			out[sumKey("E", b, date)]++
			out[sumKey("N", b, date, nodeKey(cv))]++
		}
	}
	for c := range t.claim {
		turn, err := t.smallest(t.appear[c], nquads)
		if err != nil {
			return nil, err
		}
		if turn == nil {
			continue
		}
		k, err := infoOf(turn)
		if err != nil {
			return nil, err
		}
		year := Undated
		if k.date != Undated && len(k.date) >= 4 {
			year = k.date[:4]
		}
		var asked []askedKey
		if k.question != nil {
			if asked, err = t.asked(k.question); err != nil {
				return nil, err
			}
		}
		bodies, err := t.distinct(t.about[c])
		if err != nil {
			return nil, err
		}
		for _, b := range append(bodies, "") {
			out[sumKey("C", b, year)]++
			out[sumKey("K", b, k.speaker)]++
			out[sumKey("L", b, k.role)]++
			out[sumKey("c", b, k.date)]++
			out[sumKey("k", b, k.speaker, k.date)]++
			out[sumKey("l", b, k.role, k.date)]++
			for _, a := range asked {
				out[sumKey("P", b, a.group, a.year)]++
				out[sumKey("p", b, a.group, a.year, k.date)]++
			}
		}
	}
	for k, items := range sets {
		out[k] += int64(len(items))
	}
	return out, nil
}

// quoteIndex adds the D and M keys: each node linked to a body with
// itsrdf:taIdentRef and in a turn, under the date of the turn.
func (t *tally) quoteIndex(out map[string]int64) error {
	for m, bs := range t.bodies {
		turn, err := t.smallest(t.turns[m], Lexical)
		if err != nil {
			return err
		}
		if turn == nil {
			continue
		}
		date, err := t.dateOf(turn)
		if err != nil {
			return err
		}
		mv, err := t.val(m)
		if err != nil {
			return err
		}
		bodies, err := t.distinct(bs)
		if err != nil {
			return err
		}
		for _, b := range bodies {
			out[sumKey("D", b, date)]++
			out[sumKey("M", b, date, nodeKey(mv))]++
		}
	}
	return nil
}

// dateOf returns the date of a turn the quotes and claims queries pick
// (the first in lexical order), or Undated.
func (t *tally) dateOf(turn any) (string, error) {
	d, err := t.smallest(t.dates[turn], Lexical)
	if err != nil || d == nil {
		return Undated, err
	}
	dv, err := t.val(d)
	if err != nil || dv == nil {
		return Undated, err
	}
	return Lexical(dv), nil
}

// smallest returns the node of vs whose form by key is smallest, or nil:
// by N-Quads form (quad.Value.String) the node the queries pick, by
// Lexical the one the quotes query picks. One node is returned without
// reading its value.
func (t *tally) smallest(vs []any, key func(quad.Value) string) (any, error) {
	if len(vs) <= 1 {
		if len(vs) == 0 {
			return nil, nil
		}
		return vs[0], nil
	}
	var best any
	var bestKey string
	for _, v := range vs {
		x, err := t.val(v)
		if err != nil {
			return nil, err
		}
		if x == nil {
			continue
		}
		if k := key(x); best == nil || k < bestKey {
			best, bestKey = v, k
		}
	}
	return best, nil
}

// nquads is a node's N-Quads form, the key of smallest the queries pick by.
func nquads(v quad.Value) string { return v.String() }

// sessions counts the question items part of each whole (a session), and
// all of them, with their speech turns and the mentions in those, per item
// as the sessions query does.
func (t *tally) sessions(addSet func(k string, item any)) error {
	turnsOf := map[any][]any{} // question item -> speech turns
	for turn := range t.speech {
		for _, q := range t.partOf[turn] {
			turnsOf[q] = append(turnsOf[q], turn)
		}
	}
	mentionsIn := map[any][]any{} // turn -> mentions
	for m := range t.mention {
		for _, turn := range t.turns[m] {
			mentionsIn[turn] = append(mentionsIn[turn], m)
		}
	}
	for q := range t.question {
		wholes, err := t.distinct(t.partOf[q])
		if err != nil {
			return err
		}
		for _, w := range append(wholes, "") {
			addSet(sumKey("e", w), q)
			// Turns and mentions are counted per item, so an item is
			// their second part.
			for _, turn := range turnsOf[q] {
				addSet(sumKey("f", w), [2]any{q, turn})
				for _, m := range mentionsIn[turn] {
					addSet(sumKey("h", w), [2]any{q, m})
				}
			}
		}
	}
	return nil
}

// askedKey is a question asked on behalf of a group in a year.
type askedKey struct{ question, group, year string }

// asked returns, for a node a turn is part of, the groups it was asked on
// behalf of with the years of its dates: none unless it is such a question.
func (t *tally) asked(q any) ([]askedKey, error) {
	if len(t.groups[q]) == 0 || len(t.dates[q]) == 0 {
		return nil, nil
	}
	qv, err := t.val(q)
	if err != nil || qv == nil {
		return nil, err
	}
	groups, err := t.distinct(t.groups[q])
	if err != nil {
		return nil, err
	}
	var years []string
	for _, d := range t.dates[q] {
		v, err := t.val(d)
		if err != nil {
			return nil, err
		}
		if y := Lexical(v); len(y) >= 4 {
			years = append(years, y[:4])
		}
	}
	slices.Sort(years)
	var out []askedKey
	for _, g := range groups {
		for _, y := range slices.Compact(years) {
			out = append(out, askedKey{nodeKey(qv), g, y})
		}
	}
	return out, nil
}

func valueOf(v any) (quad.Value, error) { q, _ := v.(quad.Value); return q, nil }

// graphCounts returns the summary counts of one graph's quads.
func graphCounts(qs []quad.Quad) (map[string]int64, error) {
	t := newTally()
	t.addQuads(qs)
	return t.counts()
}

// addCounts adds the counts of after less those of before to into.
func addCounts(into map[string]int64, before, after []quad.Quad) error {
	if len(before) == 0 && len(after) == 0 {
		return nil
	}
	b, err := graphCounts(before)
	if err != nil {
		return err
	}
	a, err := graphCounts(after)
	if err != nil {
		return err
	}
	for k, n := range a {
		into[k] += n
	}
	for k, n := range b {
		into[k] -= n
	}
	for k, n := range into {
		if n == 0 {
			delete(into, k)
		}
	}
	return nil
}

// openSummaries opens the summaries of s and, unless read-only, recounts
// them when they are not known to match the quads.
func (s *Store) openSummaries(ctx context.Context, readOnly bool) error {
	db, err := openSumDB(s, readOnly)
	if err != nil || db == nil {
		return err
	}
	s.sum = db
	if readOnly {
		return nil
	}
	ok, err := s.summariesCurrent(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return s.rebuildSummaries(ctx)
	}
	return nil
}

// summariesCurrent reports whether the summaries match the quads.
func (s *Store) summariesCurrent(ctx context.Context) (bool, error) {
	return s.viewSummaries(ctx, func(sumTx) error { return nil })
}

// markDirty records that a batch is being written: until its counts are
// added, the summaries may not match the quads.
func (s *Store) markDirty(ctx context.Context) error {
	if s.sum == nil {
		return nil
	}
	// The mark is written whole even when the load is being stopped.
	return s.sum.update(context.WithoutCancel(ctx), func(tx sumTx) error {
		if n, err := tx.get(sumDirty); err != nil || n > 0 {
			return err
		}
		return tx.add(map[string]int64{sumDirty: 1})
	})
}

// addSummaries adds the counts of a written batch and clears the dirty
// mark; if the counts do not fit (the summaries were already out of step),
// it recounts them instead.
func (s *Store) addSummaries(ctx context.Context, deltas map[string]int64) error {
	if s.sum == nil {
		return nil
	}
	if s.sumStale {
		return s.rebuildSummaries(ctx)
	}
	// The quads are written: their counts are too, even when the load is
	// being stopped.
	err := s.sum.update(context.WithoutCancel(ctx), func(tx sumTx) error {
		d, err := tx.get(sumDirty)
		if err != nil {
			return err
		}
		deltas[sumDirty] -= d
		defer delete(deltas, sumDirty)
		return tx.add(deltas)
	})
	if errors.Is(err, errNegative) {
		return s.rebuildSummaries(ctx)
	}
	return err
}

// stageSummaries adds the counts of a batch of a first load, which is
// not in the store yet: the dirty mark stays until the load is built
// (Store.finishBoltBulk clears it).
func (s *Store) stageSummaries(ctx context.Context, deltas map[string]int64) error {
	if s.sum == nil || s.sumStale {
		return nil
	}
	err := s.sum.update(context.WithoutCancel(ctx), func(tx sumTx) error { return tx.add(deltas) })
	if errors.Is(err, errNegative) {
		s.sumStale = true // recounted when the load is built
		return nil
	}
	return err
}

// CheckSummaries recounts the summaries from the quads and reports the
// first counts that differ from those kept, or an error if the summaries
// are not current.
func (s *Store) CheckSummaries(ctx context.Context) error {
	ok, err := s.summariesCurrent(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return errors.New("the summaries are not current")
	}
	want, err := s.recount(ctx)
	if err != nil {
		return err
	}
	want[sumVersion] = sumFormat
	got := map[string]int64{}
	err = s.sum.view(ctx, func(tx sumTx) error {
		return tx.scan("", false, func(k string, n int64) bool { got[k] = n; return true })
	})
	if err != nil {
		return err
	}
	var diffs []string
	for k, n := range want {
		if got[k] != n {
			diffs = append(diffs, fmt.Sprintf("%q: kept %d, counted %d", k, got[k], n))
		}
	}
	for k, n := range got {
		if _, ok := want[k]; !ok {
			diffs = append(diffs, fmt.Sprintf("%q: kept %d, counted 0", k, n))
		}
	}
	if len(diffs) > 0 {
		slices.Sort(diffs)
		return fmt.Errorf("%d summary counts differ from a recount: %s", len(diffs), strings.Join(diffs[:min(len(diffs), 5)], "; "))
	}
	return nil
}

// viewSummaries runs fn on the summaries if they match the quads, and
// reports whether they did.
func (s *Store) viewSummaries(ctx context.Context, fn func(tx sumTx) error) (bool, error) {
	if s.sum == nil || s.sumStale {
		return false, nil
	}
	var ok bool
	err := s.sum.view(ctx, func(tx sumTx) error {
		v, err := tx.get(sumVersion)
		if err != nil {
			return err
		}
		d, err := tx.get(sumDirty)
		if err != nil || v != sumFormat || d != 0 {
			return err
		}
		ok = true
		return fn(tx)
	})
	if errors.Is(err, errNoSummaries) {
		return false, nil
	}
	return ok && err == nil, err
}

// sumMention is one speaker's mentions of one body, from the summaries.
type sumMention struct {
	body, speaker quad.Value
	mentions      int
	first, last   string
}

// summaryMentions counts, from the summaries, the mentions of each body in
// each speaker's turns, of the given bodies and speakers (all when none),
// in turns dated from..to (inclusive; either may be empty, and then undated
// turns count too), with the first and last dates. It reads one key per
// row, or one per row and date when dates are given. ok is false when the
// summaries cannot answer.
func (s *Store) summaryMentions(ctx context.Context, bodies, speakers []quad.Value, from, to string) (rows []sumMention, ok bool, err error) {
	wantSpeaker := map[string]bool{}
	for _, v := range speakers {
		wantSpeaker[nodeKey(v)] = true
	}
	ok, err = s.viewSummaries(ctx, func(tx sumTx) error {
		type pair struct{ body, speaker string }
		var pairs []pair
		var counts []int64
		each := func(prefix string, fn func(rest []string, n int64)) error {
			return tx.scan(prefix, false, func(k string, n int64) bool {
				fn(strings.Split(k[len(prefix):], "\x00"), n)
				return true
			})
		}
		var err error
		switch {
		case len(bodies) > 0:
			for _, b := range bodies {
				bk := nodeKey(b)
				err = each(sumKey("n", bk, ""), func(rest []string, n int64) {
					if len(speakers) == 0 || wantSpeaker[rest[0]] {
						pairs, counts = append(pairs, pair{bk, rest[0]}), append(counts, n)
					}
				})
				if err != nil {
					return err
				}
			}
		case len(speakers) > 0:
			for sk := range wantSpeaker {
				err = each(sumKey("s", sk, ""), func(rest []string, n int64) {
					pairs, counts = append(pairs, pair{rest[0], sk}), append(counts, n)
				})
				if err != nil {
					return err
				}
			}
		default:
			err = each("n\x00", func(rest []string, n int64) {
				if len(rest) == 2 {
					pairs, counts = append(pairs, pair{rest[0], rest[1]}), append(counts, n)
				}
			})
			if err != nil {
				return err
			}
		}
		for i, p := range pairs {
			prefix := sumKey("d", p.body, p.speaker, "")
			r := sumMention{body: keyNode(p.body), speaker: keyNode(p.speaker)}
			if from == "" && to == "" {
				r.mentions = int(counts[i])
				if err := tx.scan(prefix, false, func(k string, _ int64) bool { r.first = k[len(prefix):]; return false }); err != nil {
					return err
				}
				if err := tx.scan(prefix, true, func(k string, _ int64) bool { r.last = k[len(prefix):]; return false }); err != nil {
					return err
				}
			} else {
				err := tx.scan(prefix, false, func(k string, n int64) bool {
					date := k[len(prefix):]
					if !inRange(date, from, to) {
						return true
					}
					if r.mentions == 0 {
						r.first = date
					}
					r.mentions += int(n)
					r.last = date
					return true
				})
				if err != nil {
					return err
				}
				if r.mentions == 0 {
					continue
				}
			}
			rows = append(rows, r)
		}
		return nil
	})
	return rows, ok, err
}

// summaryCounts returns the counts of the summary keys kind␀X, by X (a
// body, or a person): kind "b" gives the mentions of each body, "t" the
// speech turns of each person. ok is false when the summaries cannot
// answer.
func (s *Store) summaryCounts(ctx context.Context, kind string) (map[quad.Value]int, bool, error) {
	out := map[quad.Value]int{}
	ok, err := s.viewSummaries(ctx, func(tx sumTx) error {
		prefix := kind + "\x00"
		return tx.scan(prefix, false, func(k string, n int64) bool {
			out[keyNode(k[len(prefix):])] = int(n)
			return true
		})
	})
	return out, ok, err
}

// sumBy is a count of mentions of a body, and of the items (question items
// or turns) they sit in, under the rest of a summary key.
type sumBy struct {
	body     quad.Value
	rest     []string
	mentions int
	items    int
}

// summaryBy reads, from the summaries, the counts of the body-first kinds
// mk (mentions) and ik (items; none when empty) for the given bodies (all
// when none; a nil body stands for the keys of any body): one key per row. ok is false when the summaries cannot answer.
func (s *Store) summaryBy(ctx context.Context, bodies []quad.Value, mk, ik string) (rows []*sumBy, ok bool, err error) {
	ok, err = s.viewSummaries(ctx, func(tx sumTx) error {
		byKey := map[string]*sumBy{}
		for i, kind := range []string{mk, ik} {
			if kind == "" {
				continue
			}
			prefixes := []string{kind + "\x00"}
			if len(bodies) > 0 {
				prefixes = prefixes[:0]
				for _, b := range bodies {
					prefixes = append(prefixes, sumKey(kind, nodeKey(b), ""))
				}
			}
			for _, prefix := range prefixes {
				err := tx.scan(prefix, false, func(k string, n int64) bool {
					rest := k[len(kind)+1:]
					r := byKey[rest]
					if r == nil {
						parts := strings.Split(rest, "\x00")
						r = &sumBy{body: keyNode(parts[0]), rest: parts[1:]}
						byKey[rest] = r
						rows = append(rows, r)
					}
					if i == 0 {
						r.mentions = int(n)
					} else {
						r.items = int(n)
					}
					return true
				})
				if err != nil {
					return err
				}
			}
		}
		return nil
	})
	return rows, ok, err
}

// datedKinds are the kinds counted by the date of the turns (the last part
// of their keys) for the kinds that are not.
var datedKinds = map[string]string{"y": "Y", "w": "W", "r": "o", "R": "O", "G": "j", "Q": "J",
	"C": "c", "K": "k", "L": "l", "P": "p"}

// summaryBetween is summaryBy for the turns dated from..to (either may be
// empty; undated turns are left out): it reads the kinds' dated kinds, one
// key per row and date. The rows of a by-year kind (y, C) name the year of
// the date, the others the rest of their kind's keys.
func (s *Store) summaryBetween(ctx context.Context, bodies []quad.Value, mk, ik, from, to string) (rows []*sumBy, ok bool, err error) {
	dk, di := datedKinds[mk], datedKinds[ik]
	if dk == "" || (ik != "" && di == "") {
		return nil, false, nil
	}
	dated, ok, err := s.summaryBy(ctx, bodies, dk, di)
	if err != nil || !ok {
		return nil, ok, err
	}
	byYear := mk == "y" || mk == "C"
	byKey := map[string]*sumBy{}
	for _, r := range dated {
		date := r.rest[len(r.rest)-1]
		if !inRange(date, from, to) {
			continue
		}
		rest := r.rest[:len(r.rest)-1]
		if byYear {
			rest = []string{yearOf(date)}
		}
		k := sumKey(append([]string{nodeKey(r.body)}, rest...)...)
		if byKey[k] == nil {
			byKey[k] = &sumBy{body: r.body, rest: rest}
			rows = append(rows, byKey[k])
		}
		byKey[k].mentions += r.mentions
		byKey[k].items += r.items
	}
	return rows, true, nil
}

// answersBetween reads the turns of the speaker sp mentioning the body bk
// (any body when empty) in items they answered, dated from..to, and those
// items, from the counts per date.
func answersBetween(tx sumTx, bk, sp, from, to string) (AnswerRow, error) {
	r := AnswerRow{Speaker: iriOf(keyNode(sp))}
	for _, kind := range []string{"x", "X"} {
		prefix := sumKey(kind, bk, sp, "")
		err := tx.scan(prefix, false, func(k string, n int64) bool {
			date := k[len(prefix):]
			if !inRange(date, from, to) {
				return true
			}
			if kind == "X" {
				r.Questions += int(n)
				return true
			}
			if r.Turns == 0 {
				r.First = date
			}
			r.Turns += int(n)
			r.Last = date
			return true
		})
		if err != nil {
			return r, err
		}
	}
	return r, nil
}

// sumSession is a session's counts from the summaries.
type sumSession struct{ questions, turns, mentions int }

// summarySessions reads, from the summaries, the question items, turns and
// mentions part of each whole an item is part of (under nil: of all the
// items). ok is false when the summaries cannot answer.
func (s *Store) summarySessions(ctx context.Context) (map[quad.Value]*sumSession, bool, error) {
	out := map[quad.Value]*sumSession{}
	ok, err := s.viewSummaries(ctx, func(tx sumTx) error {
		for _, kind := range []string{"e", "f", "h"} {
			prefix := kind + "\x00"
			err := tx.scan(prefix, false, func(k string, n int64) bool {
				sess := keyNode(k[len(prefix):])
				r := out[sess]
				if r == nil {
					r = &sumSession{}
					out[sess] = r
				}
				switch kind {
				case "e":
					r.questions = int(n)
				case "f":
					r.turns = int(n)
				default:
					r.mentions = int(n)
				}
				return true
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	return out, ok, err
}

// summaryAnswers reads, from the summaries, the turns each speaker gave
// mentioning the body (any body when bodies is empty) in question items
// they answered, those items, and the first and last dates, for the given
// speakers (all when none): a key per row and two seeks, or, for the turns
// dated from..to (either may be empty; undated turns are then left out),
// two keys per row and date. ok is false when the summaries cannot answer
// (or several bodies are asked for, whose turns cannot be added up).
func (s *Store) summaryAnswers(ctx context.Context, bodies, speakers []quad.Value, from, to string) (rows []AnswerRow, ok bool, err error) {
	if len(bodies) > 1 {
		return nil, false, nil
	}
	bk := ""
	if len(bodies) == 1 {
		bk = nodeKey(bodies[0])
	}
	want := map[string]bool{}
	for _, v := range speakers {
		want[nodeKey(v)] = true
	}
	rows = []AnswerRow{}
	ok, err = s.viewSummaries(ctx, func(tx sumTx) error {
		prefix := sumKey("a", bk, "")
		var found []string
		var turns []int
		err := tx.scan(prefix, false, func(k string, n int64) bool {
			if sp := k[len(prefix):]; len(speakers) == 0 || want[sp] {
				found, turns = append(found, sp), append(turns, int(n))
			}
			return true
		})
		if err != nil {
			return err
		}
		for i, sp := range found {
			if from != "" || to != "" {
				r, err := answersBetween(tx, bk, sp, from, to)
				if err != nil {
					return err
				}
				if r.Turns > 0 {
					rows = append(rows, r)
				}
				continue
			}
			r := AnswerRow{Speaker: iriOf(keyNode(sp)), Turns: turns[i]}
			n, err := tx.get(sumKey("A", bk, sp))
			if err != nil {
				return err
			}
			r.Questions = int(n)
			dates := sumKey("x", bk, sp, "")
			if err := tx.scan(dates, false, func(k string, _ int64) bool { r.First = k[len(dates):]; return false }); err != nil {
				return err
			}
			if err := tx.scan(dates, true, func(k string, _ int64) bool { r.Last = k[len(dates):]; return false }); err != nil {
				return err
			}
			rows = append(rows, r)
		}
		return nil
	})
	return rows, ok, err
}
