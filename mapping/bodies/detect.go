package bodies

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/assemblykg/assemblykg/mapping/slug"
)

// Mention is a body named in a span of text. Begin and End count code
// points within the text given to Find (begin inclusive, end exclusive);
// ByteBegin and ByteEnd are the same span in bytes.
type Mention struct {
	Body               *Body
	Surface            string
	Begin, End         int
	ByteBegin, ByteEnd int
}

// pattern is one surface form in the trie.
type pattern struct {
	body          *Body    // nil for a phrase that is known not to be a body
	act           *Act     // the Act of a legislation list's title
	exact         []string // tokens as written, checked when caseSensitive
	caseSensitive bool
	headCap       bool // the head word is printed with a capital in the registry
	order         int  // smaller wins a tie between patterns of the same span
}

// node is a state of the word-level trie. Edges are keyed by the gap before
// a token and its folded form, so that "Health and Environment Committee"
// and "health & environment committee" reach the same node: one map of
// folded forms for each kind of gap.
type node struct {
	next [gapKinds]map[string]*node
	pats []*pattern
}

// gapKinds is the number of kinds of gap an edge may follow: gapStart,
// gapJoined, gapSpace and gapComma.
const gapKinds = 4

// edgeIndex is the index in node.next of the edges that follow gap g.
func edgeIndex(g byte) int {
	switch g {
	case gapStart:
		return 0
	case gapJoined:
		return 1
	case gapSpace:
		return 2
	case gapComma:
		return 3
	}
	panic("bodies: no trie edge follows gap " + string(g))
}

// child is the node reached from n by the token fold after gap g, or nil.
func (n *node) child(g byte, fold string) *node { return n.next[edgeIndex(g)][fold] }

// add inserts form as a pattern; it reports false for a form that no text
// can match (empty, or broken by punctuation other than & ' - and commas).
func (n *node) add(form string, p *pattern) bool {
	toks := tokenize(form)
	if len(toks) == 0 || !toks[0].word {
		return false
	}
	var lastWord *token
	for i := range toks {
		t := &toks[i]
		if i > 0 && t.gap == gapBreak {
			return false
		}
		if t.word {
			lastWord = t
		}
		p.exact = append(p.exact, t.raw)
	}
	p.headCap = lastWord.upper
	cur := n
	for i, t := range toks {
		g := byte(gapStart)
		if i > 0 {
			g = t.gap
		}
		edges := &cur.next[edgeIndex(g)]
		if *edges == nil {
			*edges = map[string]*node{}
		}
		nx := (*edges)[t.fold]
		if nx == nil {
			nx = &node{}
			(*edges)[t.fold] = nx
		}
		cur = nx
	}
	cur.pats = append(cur.pats, p)
	return true
}

// match is a candidate span of tokens [start, end).
type match struct {
	start, end int
	body       *Body
	pat        *pattern
}

// longest finds the longest accepted pattern starting at token i.
func (n *node) longest(toks []token, i int) (match, bool) {
	var best match
	found := false
	type state struct {
		n *node
		j int // next token
	}
	first := n.child(gapStart, toks[i].fold)
	if first == nil {
		return best, false
	}
	var room [8]state // deep enough for most names without allocating
	stack := append(room[:0], state{first, i + 1})
	for len(stack) > 0 {
		st := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, p := range st.n.pats {
			if !accepts(p, toks[i:st.j]) {
				continue
			}
			if !found || st.j > best.end || (st.j == best.end && p.order < best.pat.order) {
				best = match{start: i, end: st.j, body: p.body, pat: p}
				found = true
			}
		}
		if st.j >= len(toks) {
			continue
		}
		t := toks[st.j]
		if t.bracket {
			continue
		}
		switch t.gap {
		case gapJoined, gapComma:
			if nx := st.n.child(t.gap, t.fold); nx != nil {
				stack = append(stack, state{nx, st.j + 1})
			}
		case gapSpace:
			// a comma in a registered name may be left out
			for _, g := range [...]byte{gapSpace, gapComma} {
				if nx := st.n.child(g, t.fold); nx != nil {
					stack = append(stack, state{nx, st.j + 1})
				}
			}
		}
	}
	return best, found
}

// accepts checks the case rules of p against the tokens it spans.
func accepts(p *pattern, span []token) bool {
	if p.caseSensitive {
		if len(span) != len(p.exact) {
			return false
		}
		for i, t := range span {
			if t.raw != p.exact[i] {
				return false
			}
		}
		return true
	}
	anyUpper := false
	var head *token
	for i := range span {
		if span[i].word {
			head = &span[i]
			if span[i].hasUpper {
				anyUpper = true
			}
		}
	}
	if !anyUpper {
		return false // "labour", "the met", "london councils" in lower case are common nouns
	}
	if p.headCap && head != nil && !head.upper {
		// "London councils": the head noun lost its capital. A longer name
		// that opens with a capital and lost one capital only is a slip
		// of the pen ("Transport for london").
		return len(p.exact) >= 3 && span[0].upper && lostCapitals(p, span) == 1
	}
	return true
}

// lostCapitals counts the words that p prints with a capital and span
// prints without.
func lostCapitals(p *pattern, span []token) int {
	if len(span) != len(p.exact) {
		return len(span) // "," was skipped: no slip of the pen
	}
	n := 0
	for i, t := range span {
		if t.word && !t.upper {
			if r, _ := utf8.DecodeRuneInString(p.exact[i]); unicode.IsUpper(r) {
				n++
			}
		}
	}
	return n
}

// notBodies are phrases that hold a registry name but name a place, a policy
// or a thing, not an organisation. Matching them blocks the shorter match.
var notBodies = []string{
	"Green Belt", "Green Park", "Green Line", "Green Deal", "Green New Deal", "Green Flag",
	"Green Paper", "Green Book", "Green Bridge", "Green Lanes", "Green Chain", "Green Grid",
	"Green Fund", "Green Street", "Green Wall", "Green Roof", "Green Man", "Bethnal Green",
	"Parsons Green", "Turnham Green", "Golders Green", "Kensal Green", "Palmers Green",
	"Stepney Green", "Newington Green", "Shepherd's Bush Green", "Labour Day", "Labour Market",
	"City Hall", "London Bridge", "Westminster Bridge", "Tower Bridge", "Westminster Abbey",
	"Westminster Hall", "Metropolitan line", "Metro-land", "Times Square", "Standard Chartered",
	"City of London School", "Royal Parks Foundation",
}

// Detector finds registry bodies in text. Build it once with NewDetector and
// share it: it is safe for concurrent use. Per transcript, take a Scanner.
type Detector struct {
	reg  *Registry
	root *node
	// Unmatchable lists registry forms that no text can match (they hold
	// punctuation that breaks a name); the registry tests keep it empty.
	Unmatchable []string
	// places holds the folded words of the places the registry's councils
	// are named after ("Camden", "Kingston", "Thames").
	places map[string]bool
}

// NewDetector builds the matcher for every name, alias and acronym of reg.
func NewDetector(reg *Registry) *Detector {
	d := &Detector{reg: reg, root: &node{}, places: councilPlaces(reg)}
	order := 0
	for _, b := range reg.bodies {
		for _, f := range b.Acronyms {
			order++
			if !d.root.add(f, &pattern{body: b, caseSensitive: true, order: order}) {
				d.Unmatchable = append(d.Unmatchable, f)
			}
		}
	}
	for _, b := range reg.bodies {
		for _, f := range append([]string{b.Name}, b.Aliases...) {
			order++
			if !d.root.add(f, &pattern{body: b, order: order}) {
				d.Unmatchable = append(d.Unmatchable, f)
			}
		}
	}
	for _, f := range notBodies {
		order++
		d.root.add(f, &pattern{order: order})
	}
	return d
}

// Registry returns the registry the detector was built from.
func (d *Detector) Registry() *Registry { return d.reg }

// Scanner holds what one transcript teaches: acronyms defined in it
// ("Police and Crime Committee (P&C)") and bodies found by their form.
// Feed it the transcript's spans in order. A Scanner is not safe for
// concurrent use.
type Scanner struct {
	d       *Detector
	learned *node
	order   int
	minted  map[string]*Body
	found   []*Body
	taught  map[string]bool // initials already taught
	*scanBuffers
}

// scanBuffers are the buffers a Scanner splits and matches its texts in.
// A Scanner that is closed hands them on to the next one, so that each
// transcript's scan does not grow them anew.
type scanBuffers struct {
	tokens tokenCache
	root   rootMatches
}

var scanBufferPool = sync.Pool{New: func() any { return new(scanBuffers) }}

// rootMatches holds the registry's longest match at each token of one
// text, found once: the rules for names found by their form ask for the
// same tokens as the scan.
type rootMatches struct {
	root *node
	toks []token
	res  []rootMatch
}

type rootMatch struct {
	m        match
	ok, done bool
}

func (r *rootMatches) reset(root *node, toks []token) {
	r.root, r.toks = root, toks
	r.res = slices.Grow(r.res[:0], len(toks))[:len(toks)]
	clear(r.res)
}

// longest is root.longest(toks, i).
func (r *rootMatches) longest(i int) (match, bool) {
	x := &r.res[i]
	if !x.done {
		x.m, x.ok = r.root.longest(r.toks, i)
		x.done = true
	}
	return x.m, x.ok
}

// initials returns the capital initials of a name's words, small words and
// possessives skipped ("Mayor's Cycling Taskforce" is "MCT"), or "" when a
// word is not capitalised or there are fewer than three.
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if connectors[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || r > unicode.MaxASCII {
			return ""
		}
		b.WriteRune(r)
	}
	if b.Len() < 3 {
		return ""
	}
	return b.String()
}

// Scanner starts the scan of one transcript.
func (d *Detector) Scanner() *Scanner {
	return &Scanner{d: d, learned: &node{}, minted: map[string]*Body{}, scanBuffers: scanBufferPool.Get().(*scanBuffers)}
}

// Close lets later Scanners reuse the buffers of s. Neither s nor the
// ActScanner made from it may be used after.
func (s *Scanner) Close() {
	b := s.scanBuffers
	s.scanBuffers = nil
	b.tokens.reset()
	clear(b.root.res[:cap(b.root.res)]) // the bodies the transcript minted
	b.root = rootMatches{res: b.root.res[:0]}
	scanBufferPool.Put(b)
}

// ActScanner starts the scan of the same transcript for the Acts of a: it
// splits each text into words once for both, when both are given the same
// texts.
func (s *Scanner) ActScanner(a *Acts) *ActScanner {
	as := a.Scanner()
	as.tokens = &s.tokens
	return as
}

// Minted returns the bodies found by their form so far, in order of first
// mention.
func (s *Scanner) Minted() []*Body { return append([]*Body(nil), s.found...) }

// Find returns the bodies named in text, in order, without overlaps.
func (s *Scanner) Find(text string) []Mention {
	toks := s.tokens.tokens(text)
	s.root.reset(s.d.root, toks)
	forms := s.d.formCandidates(text, toks, &s.root)
	var out []Mention
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.word || t.bracket {
			i++
			continue
		}
		m, ok := s.root.longest(i)
		if ok && t.fold == "the" && i+1 < len(toks) {
			// "the Met" must not take "the Met Office"
			if m2, ok2 := s.root.longest(i + 1); ok2 && m2.end > m.end {
				m = m2
			}
		}
		if lm, lok := s.learned.longest(toks, i); lok && (!ok || lm.end >= m.end) {
			m, ok = lm, true
		}
		byForm := false
		if fe, fok := forms[i]; fok && (!ok || fe > m.end) {
			m, ok, byForm = match{start: i, end: fe}, true, true
		}
		if !ok {
			i++
			continue
		}
		if (m.body == nil && !byForm) || namesALaw(toks, m.end) || inJobTitle(toks, m.start) {
			i = m.end
			continue
		}
		if byForm {
			m.body = s.mint(text, toks, m.start, m.end)
		}
		start := m.start
		if m.pat != nil && m.pat.exact[0] == "The" && toks[start].raw == "the" && start+1 < m.end {
			start++ // "the Guardian" for "The Guardian": the article is not part of the name
		} else if start > 0 {
			p := toks[start-1]
			if p.word && p.raw == "The" && toks[start].gap == gapSpace && !p.bracket &&
				(!p.sentStart || strings.HasPrefix(m.body.Name, "The ")) {
				start--
			}
		}
		b0, b1 := toks[start].b0, toks[m.end-1].b1
		out = append(out, Mention{
			Body: m.body, Surface: text[b0:b1],
			Begin: toks[start].r0, End: toks[m.end-1].r1,
			ByteBegin: b0, ByteEnd: b1,
		})
		s.learn(text, toks, m)
		i = m.end
	}
	return out
}

// namesALaw reports whether the match is followed by "Act" or "Bill", as in
// "Greater London Authority Act 1999": a law, not the body; or by a word
// that makes it a plan or an event ("National Action Plan", "Democratic
// Party Convention" is not, "Fire Safety Week" is).
func namesALaw(toks []token, end int) bool {
	if end >= len(toks) || toks[end].gap != gapSpace {
		return false
	}
	switch toks[end].raw {
	case "Act", "Acts", "Bill", "Bills", "Plan", "Plans", "Strategy", "Strategies", "Programme",
		"Scheme", "Charter", "Framework", "Day", "Week", "Awards":
		return true
	}
	return false
}

// inJobTitle reports whether the match completes a post's title, as in
// "Secretary of State for Housing, Communities and Local Government" or
// "Minister for London": the post is named, not the body.
func inJobTitle(toks []token, start int) bool {
	if start < 2 || toks[start-1].fold != "for" || toks[start].gap != gapSpace || toks[start-1].gap != gapSpace {
		return false
	}
	switch toks[start-2].raw {
	case "State", "Minister", "Secretary", "Mayor", "Commissioner":
		return true
	}
	return false
}

// learn reads "Name (ACR)" after a match and teaches the scanner ACR. A
// body found by its form teaches its initials too ("Olympic Legacy
// Partnership ... the OLP"), when they are three letters or more and no
// registry acronym.
func (s *Scanner) learn(text string, toks []token, m match) {
	if m.body.FoundByForm {
		acr := initials(m.body.Name)
		if acr == "" && acronymShape(m.body.Name) {
			acr = m.body.Name // an acronym spoken of as an organisation names it from then on
		}
		if acr != "" && s.d.reg.byAcr[acr] == nil && !s.taught[acr] {
			if s.taught == nil {
				s.taught = map[string]bool{}
			}
			s.taught[acr] = true
			s.order--
			s.learned.add(acr, &pattern{body: m.body, caseSensitive: true, order: s.order})
		}
	}
	last := toks[m.end-1]
	if last.bracket {
		return
	}
	rest := text[last.b1:]
	rest = strings.TrimLeft(rest, " \t\u00a0")
	if !strings.HasPrefix(rest, "(") {
		return
	}
	closing := strings.IndexByte(rest, ')')
	if closing < 0 || closing > 40 {
		return
	}
	acr := rest[1:closing]
	if !acronymShape(acr) {
		return
	}
	for _, a := range m.body.Acronyms {
		if a == acr {
			return
		}
	}
	s.order--
	if s.learned.add(acr, &pattern{body: m.body, caseSensitive: true, order: s.order}) && m.body.FoundByForm {
		m.body.Acronyms = append(m.body.Acronyms, acr)
	}
}

// acronymShape accepts "MPS", "P&C", "TfL", "LSP5", "SO15", "HMICFRS".
func acronymShape(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 12 {
		return false
	}
	uppers := 0
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			uppers++
		case unicode.IsLower(r), unicode.IsDigit(r):
			if i == 0 {
				return false
			}
		case r == '&' || r == '-':
		default:
			return false
		}
	}
	return uppers >= 2
}

// mint returns the body named by the form-found span [i, e): a registry body
// with that name, the body minted earlier in this transcript, or a new one.
func (s *Scanner) mint(text string, toks []token, i, e int) *Body {
	name := cleanSpace(strings.ReplaceAll(text[toks[i].b0:toks[e-1].b1], "’", "'"))
	k := Key(name)
	if b := s.d.reg.byKey[k]; b != nil {
		return b
	}
	if b := s.minted[k]; b != nil {
		return b
	}
	b := &Body{ID: slug.Of(name), Name: name, Kind: KindOther, FoundByForm: true}
	s.minted[k] = b
	s.found = append(s.found, b)
	return b
}

// councilPlaces returns the folded words of the places the registry's
// councils are named after: "London Borough of Camden" gives "camden",
// "Royal Borough of Kingston upon Thames" "kingston" and "thames".
func councilPlaces(reg *Registry) map[string]bool {
	out := map[string]bool{}
	for _, b := range reg.bodies {
		if b.Kind != "council" {
			continue
		}
		for _, t := range tokenize(b.Name) {
			if t.word && t.upper && !headNouns[t.fold] && !genericModifiers[t.fold] && !connectors[t.fold] &&
				t.fold != "london" && t.fold != "greater" && t.fold != "borough" {
				out[t.fold] = true
			}
		}
	}
	return out
}
