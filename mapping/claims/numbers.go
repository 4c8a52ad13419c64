package claims

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// figure is a quantity found in a sentence, before it becomes a Claim.
type figure struct {
	value    float64
	unit     string
	currency string
	b, e     int // code points of the figure
	first    int // token index where the figure (or its range) starts
	last     int // token index of the last token consumed by the figure
	words    bool
	bare     bool // no unit, currency or percent
}

var monthNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// Words after which a number names a thing rather than counting it.
var identifierWords = map[string]bool{
	"section": true, "sections": true, "phase": true, "question": true, "questions": true,
	"mq": true, "no": true, "nos": true, "number": true, "part": true, "stage": true,
	"route": true, "routes": true, "page": true, "pages": true, "paragraph": true, "para": true,
	"clause": true, "article": true, "chapter": true, "item": true, "level": true, "tier": true,
	"band": true, "zone": true, "zones": true, "grade": true, "version": true, "option": true,
	"table": true, "figure": true, "appendix": true, "schedule": true, "annex": true,
	"junction": true, "platform": true, "line": true, "room": true, "act": true, "bus": true,
	"euro": true, "step": true, "box": true, "floor": true, "unit": true, "ref": true,
	"reference": true, "code": true, "category": true, "priority": true, "term": true,
	"supplementary": true, "year": true, "key": true, "motion": true, "amendment": true,
	"recommendation": true, "objective": true, "policy": true, "standard": true, "pillar": true,
}

// Small words that end the noun phrase after a figure.
var functionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "in": true, "on": true, "at": true, "to": true,
	"for": true, "from": true, "by": true, "with": true, "and": true, "or": true, "but": true,
	"nor": true, "as": true, "than": true, "that": true, "which": true, "who": true, "whom": true,
	"whose": true, "this": true, "these": true, "those": true, "is": true, "are": true, "was": true,
	"were": true, "be": true, "been": true, "being": true, "have": true, "has": true, "had": true,
	"do": true, "does": true, "did": true, "will": true, "would": true, "shall": true,
	"should": true, "can": true, "could": true, "may": true, "might": true, "must": true,
	"it": true, "its": true, "they": true, "them": true, "their": true, "we": true, "our": true,
	"us": true, "you": true, "your": true, "he": true, "she": true, "his": true, "her": true,
	"i": true, "my": true, "me": true, "not": true, "no": true, "so": true, "if": true,
	"per": true, "each": true, "every": true, "up": true, "down": true, "out": true, "into": true,
	"across": true, "about": true, "around": true, "between": true, "within": true, "since": true,
	"during": true, "before": true, "after": true, "while": true, "whilst": true, "where": true,
	"when": true, "there": true, "here": true, "against": true, "under": true, "over": true,
	"through": true, "throughout": true, "until": true, "till": true, "via": true, "because": true,
	"all": true, "both": true, "only": true, "just": true, "also": true, "still": true,
	"already": true, "now": true, "then": true, "yet": true, "ago": true, "later": true,
	"earlier": true,
}

// Words that qualify a figure ("around 300", "nearly 45 per cent").
var quantityModifiers = map[string]bool{
	"around": true, "about": true, "approximately": true, "roughly": true, "some": true,
	"nearly": true, "almost": true, "over": true, "under": true, "only": true, "just": true,
	"exactly": true, "precisely": true, "another": true, "fewer": true, "more": true,
	"less": true, "at": true, "least": true, "most": true, "up": true, "circa": true,
	"than": true, "last": true, "since": true, "of": true, "between": true, "another's": true,
	"additionally": true, "overall": true, "today": true, "yesterday": true, "currently": true,
	"now": true, "altogether": true, "together": true, "again": true, "further": true,
}

// Adjectives skipped before the counted noun ("16 other zones").
var leadingAdjectives = map[string]bool{
	"other": true, "new": true, "more": true, "further": true, "additional": true,
	"extra": true, "fewer": true, "less": true, "separate": true, "different": true,
	"whole": true, "total": true, "existing": true, "current": true, "individual": true,
	"active": true, "such": true, "recorded": true, "reported": true,
}

// Counted things that are items of the talk itself, not of the world.
var discourseNouns = map[string]bool{
	"categories": true, "points": true, "questions": true, "things": true, "issues": true,
	"ways": true, "reasons": true, "options": true, "aspects": true, "words": true,
	"matters": true, "examples": true, "elements": true, "kinds": true, "types": true,
	"sorts": true, "sides": true, "comments": true, "remarks": true, "observations": true,
	"answers": true, "thoughts": true, "supplementaries": true,
}

// Units of calendar time; a count of them used as a time frame ("two years
// later", "every two weeks") is not a claim.
var calendarUnits = map[string]bool{
	"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true,
	"day": true, "days": true, "decade": true, "decades": true, "century": true,
	"centuries": true, "fortnight": true, "fortnights": true, "years'": true, "months'": true,
	"weeks'": true, "days'": true, "year's": true, "years’": true, "months’": true,
	"weeks’": true, "days’": true, "year’s": true,
}

var timeFrameBefore = map[string]bool{
	"every": true, "within": true, "in": true, "for": true, "over": true, "after": true,
	"next": true, "last": true, "past": true, "first": true, "each": true, "per": true,
	"few": true, "coming": true, "recent": true, "following": true, "previous": true,
}

var timeFrameAfter = map[string]bool{
	"later": true, "ago": true, "earlier": true, "before": true, "after": true, "old": true,
	"time": true, "running": true, "on": true, "since": true, "previously": true, "hence": true,
}

var multipliers = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12,
}

var currencySigns = map[string]string{"£": "GBP", "$": "USD", "€": "EUR"}

var unitWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tensWords = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

var fractionWords = map[string]float64{
	"half": 0.5, "halves": 0.5, "third": 1.0 / 3, "thirds": 1.0 / 3, "quarter": 0.25, "quarters": 0.25,
}

var fractionCounts = map[string]float64{"a": 1, "one": 1, "two": 2, "three": 3}

// Auxiliaries that open a question, and the subjects that follow them in a
// question head ("Is it", "Will you", "Are there").
var questionAux = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "do": true, "does": true, "did": true,
	"has": true, "have": true, "had": true, "will": true, "would": true, "can": true,
	"could": true, "should": true, "shall": true, "may": true, "might": true, "must": true,
	"isn't": true, "aren't": true, "wasn't": true, "don't": true, "doesn't": true,
	"didn't": true, "won't": true, "wouldn't": true, "can't": true, "couldn't": true,
	"isn’t": true, "aren’t": true, "wasn’t": true, "don’t": true, "doesn’t": true,
	"didn’t": true, "won’t": true, "wouldn’t": true, "can’t": true, "couldn’t": true,
}

var questionSubjects = map[string]bool{
	"you": true, "there": true, "it": true, "we": true, "they": true, "he": true, "she": true,
	"this": true, "that": true, "i": true,
}

var clauseOpeners = map[string]bool{
	"and": true, "but": true, "or": true, "so": true, "then": true, "well": true, "now": true,
	"please": true, "therefore": true, "also": true, "again": true,
}

// Words after a question head that turn what follows into presupposed
// content ("Are you happy that ...", "Can you explain why ...").
var complementizers = map[string]bool{
	"that": true, "why": true, "because": true, "since": true, "given": true, "although": true,
	"though": true, "when": true, "where": true, "which": true, "who": true, "how": true,
	"whilst": true, "while": true, "after": true, "as": true,
}

var hypotheticalOpeners = map[string]bool{
	"if": true, "suppose": true, "supposing": true, "imagine": true, "unless": true, "hypothetically": true,
}

// isWord reports whether t is a word, and one of w when w is given.
func isWord(t token, w ...string) bool {
	if t.kind != wordToken {
		return false
	}
	if len(w) == 0 {
		return true
	}
	for _, x := range w {
		if t.lower == x {
			return true
		}
	}
	return false
}

func isPunct(t token, p ...string) bool {
	if t.kind != punctToken {
		return false
	}
	for _, x := range p {
		if t.text == x {
			return true
		}
	}
	return false
}

func isCapitalised(t token) bool {
	if t.kind != wordToken {
		return false
	}
	for _, c := range t.text {
		return unicode.IsUpper(c)
	}
	return false
}

// plural reports whether a word looks like a plural noun.
func plural(w string) bool {
	w = strings.TrimRight(w, "'’")
	if len(w) < 3 || !strings.HasSuffix(w, "s") {
		return false
	}
	for _, end := range []string{"ss", "us", "is", "'s", "’s"} {
		if strings.HasSuffix(w, end) {
			return false
		}
	}
	return true
}

// sentenceScan holds what the figure rules need to know about a sentence.
type sentenceScan struct {
	t        *runeText
	s        Sentence
	toks     []token
	question bool
	tableRow bool
	asked    []bool // token index -> inside a question head's scope
	hypo     []bool // token index -> inside an if-clause
}

// scan tokenises the sentence for the figure rules. The tokens and marks
// live in buffers of t that the next scan reuses.
func (t *runeText) scan(st *sentenceText) *sentenceScan {
	s := st.sentence
	lower := ""
	if !st.folds {
		lower = st.lower
	}
	t.toks = t.tokenize(t.toks[:0], s.Begin, s.End, lower)
	sc := &sentenceScan{t: t, s: s, toks: t.toks}
	sc.question = isQuestion(s.Text)
	sc.tableRow = !endsWithTerminal(s.Text)
	sc.asked = falses(&t.asked, len(sc.toks))
	sc.hypo = falses(&t.hypo, len(sc.toks))
	if sc.question {
		sc.markAsked()
	}
	sc.markHypothetical()
	return sc
}

// falses returns n false values in the buffer *buf, grown as needed.
func falses(buf *[]bool, n int) []bool {
	if cap(*buf) < n {
		*buf = make([]bool, n)
	}
	b := (*buf)[:n]
	clear(b)
	return b
}

func isQuestion(s string) bool {
	s = strings.TrimRightFunc(s, func(c rune) bool { return unicode.IsSpace(c) || isClosing(c) || c == '.' })
	return strings.HasSuffix(s, "?")
}

func endsWithTerminal(s string) bool {
	s = strings.TrimRightFunc(s, func(c rune) bool { return unicode.IsSpace(c) || isClosing(c) })
	if s == "" {
		return false
	}
	for _, suffix := range []string{".", "!", "?", "…", ":", ";"} {
		if strings.HasSuffix(s, suffix) {
			return true
		}
	}
	return false
}

// markAsked marks the tokens a question asks about: from a question head
// (an auxiliary and a subject at the start of a clause) up to a word that
// opens presupposed content.
func (sc *sentenceScan) markAsked() {
	toks := sc.toks
	in := false
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		if tk.kind == wordToken && questionAux[tk.lower] && i+1 < len(toks) && isWord(toks[i+1]) && questionSubjects[toks[i+1].lower] && sc.clauseStart(i) {
			in = true
		} else if tk.kind == wordToken && complementizers[tk.lower] {
			in = false
		}
		sc.asked[i] = in
	}
}

func (sc *sentenceScan) clauseStart(i int) bool {
	for j := i - 1; j >= 0; j-- {
		p := sc.toks[j]
		if p.kind == punctToken {
			return !isPunct(p, "'", "’")
		}
		if clauseOpeners[p.lower] {
			continue
		}
		return false
	}
	return true
}

// markHypothetical marks the tokens of if-clauses: from "if" up to the next
// comma, semicolon, colon, dash or "then".
func (sc *sentenceScan) markHypothetical() {
	in := false
	for i, tk := range sc.toks {
		switch {
		case tk.kind == wordToken && hypotheticalOpeners[tk.lower]:
			in = !(i > 0 && isWord(sc.toks[i-1], "as", "even", "only")) || in
		case tk.kind == wordToken && tk.lower == "then":
			in = false
		case isPunct(tk, ",", ";", ":", "–", "—", "(", "?"):
			in = false
		case isPunct(tk, "-") && tk.space:
			in = false
		}
		sc.hypo[i] = in
	}
}

// figures returns the quantities of the sentence.
func (sc *sentenceScan) figures() []figure {
	var out []figure
	toks := sc.toks
	for i := 0; i < len(toks); i++ {
		var f figure
		var ok bool
		switch toks[i].kind {
		case numberToken:
			f, ok = sc.digitFigure(i)
		case wordToken:
			f, ok = sc.wordFigure(i)
		}
		if !ok {
			continue
		}
		if sc.asked[f.first] || sc.hypo[f.first] || sc.alternative(f) {
			if f.words {
				i = f.last
			}
			continue
		}
		if f.bare && f.currency == "" {
			// take the unit of the figure before it ("a further 11")
			for k := len(out) - 1; k >= 0; k-- {
				if u := out[k].unit; u != "" && u != "percent" && u != "fraction" && out[k].currency == "" {
					f.unit = u
					break
				}
			}
		}
		out = append(out, f)
		if f.words {
			i = f.last
		}
	}
	return out
}

// rangeOf returns the token span of the number group holding the number at
// i: "11-16" and "from 15 to 10" are one group.
func (sc *sentenceScan) rangeOf(i int) (first, last int) {
	toks := sc.toks
	first, last = i, i
	// "11-16"
	if i+2 < len(toks) && isPunct(toks[i+1], "-", "–") && !toks[i+1].space && toks[i+2].kind == numberToken && !toks[i+2].space {
		last = i + 2
	}
	if i-2 >= 0 && isPunct(toks[i-1], "-", "–") && !toks[i-1].space && !toks[i].space && toks[i-2].kind == numberToken {
		first = i - 2
	}
	// "from 15 to 10", "between 10 and 12"
	if i+2 < len(toks) && i-1 >= 0 && isWord(toks[i-1], "from", "between") && isWord(toks[i+1], "to", "and") && toks[i+2].kind == numberToken {
		last = i + 2
	}
	if i-3 >= 0 && isWord(toks[i-1], "to", "and") && toks[i-2].kind == numberToken && isWord(toks[i-3], "from", "between") {
		first = i - 2
	}
	return first, last
}

// prevWords returns up to n word tokens before index i, nearest first.
func (sc *sentenceScan) prevWords(i, n int) []token {
	out := make([]token, 0, 4) // n is at most 4: room on the caller's stack
	for j := i - 1; j >= 0 && len(out) < n; j-- {
		if sc.toks[j].kind == wordToken {
			out = append(out, sc.toks[j])
		}
	}
	return out
}

func (sc *sentenceScan) tok(i int) token {
	if i < 0 || i >= len(sc.toks) {
		return token{kind: punctToken}
	}
	return sc.toks[i]
}

// firstWordIndex returns the index of the first word or number token.
func (sc *sentenceScan) firstWordIndex() int {
	for i, tk := range sc.toks {
		if tk.kind != punctToken {
			return i
		}
	}
	return -1
}

// lastContentIndex returns the index of the last word or number token.
func (sc *sentenceScan) lastContentIndex() int {
	for i := len(sc.toks) - 1; i >= 0; i-- {
		if sc.toks[i].kind != punctToken {
			return i
		}
	}
	return -1
}

// tail reads what follows a figure's number: multipliers, percent or
// currency words, and the counted noun. It fills in f and reports false
// when what follows says the number is no quantity.
func (sc *sentenceScan) tail(f *figure, j int) bool {
	toks := sc.toks
	// multiplier words
	for j < len(toks) && toks[j].kind == wordToken {
		m, ok := multipliers[toks[j].lower]
		if !ok || len(toks[j].lower) < 4 {
			break
		}
		f.value *= m
		f.last = j
		j++
	}
	switch {
	case isPunct(sc.tok(j), "%"):
		f.unit = "percent"
		f.last = j
		return true
	case isWord(sc.tok(j), "percent", "per-cent", "pc"):
		f.unit = "percent"
		f.last = j
		return true
	case isWord(sc.tok(j), "per") && isWord(sc.tok(j+1), "cent"):
		f.unit = "percent"
		f.last = j + 1
		return true
	case isWord(sc.tok(j), "percentage") && isWord(sc.tok(j+1), "points", "point"):
		f.unit = "percentage points"
		f.last = j + 1
		return true
	case isWord(sc.tok(j), "pounds", "pound", "quid"):
		f.currency = "GBP"
		f.unit = "GBP"
		f.last = j
		return true
	}
	if f.currency != "" {
		f.unit = f.currency
		return true
	}
	// a compound adjective: "10-year", "18-year-olds", "24-hour"
	if isPunct(sc.tok(j), "-", "‐", "‑") && !sc.tok(j).space && isWord(sc.tok(j+1)) && !sc.tok(j+1).space {
		return false
	}
	// time of day
	if isWord(sc.tok(j), "am", "pm", "o'clock", "o’clock", "hrs", "gmt", "bst") ||
		(isWord(sc.tok(j), "a", "p") && isPunct(sc.tok(j+1), ".") && isWord(sc.tok(j+2), "m")) {
		return false
	}
	// the counted noun
	k := j
	for k < len(toks) && toks[k].kind == wordToken && leadingAdjectives[toks[k].lower] {
		k++
	}
	var words []string
	head := ""
	for ; k < len(toks) && len(words) < 3; k++ {
		tk := toks[k]
		if tk.kind != wordToken || functionWords[tk.lower] || (len(words) > 0 && !tk.space) {
			break
		}
		words = append(words, tk.text)
		if plural(tk.lower) {
			head = tk.lower
			break
		}
	}
	switch {
	case head != "":
		f.unit = strings.Join(words, " ")
	case len(words) > 0:
		f.unit = words[0]
		head = strings.ToLower(words[0])
	default:
		f.bare = true
	}
	if discourseNouns[head] {
		return false
	}
	// ages: "11-16 year olds", "18 years old"
	if isWord(sc.tok(j), "year", "years", "year-olds", "year-old", "yr", "yrs") &&
		(isWord(sc.tok(j+1), "olds", "old") || strings.HasPrefix(sc.tok(j).lower, "year-old")) {
		return false
	}
	// time frames: "two years later", "every two weeks"
	if calendarUnits[sc.tok(j).lower] {
		before := sc.prevWords(f.first, 2)
		if len(before) > 1 && isWord(before[0], "the", "a", "an") {
			before = before[1:]
		}
		asserted := isWord(sc.tok(j+1), "since") && sc.assertsDuration(f.first)
		if !asserted && ((len(before) > 0 && timeFrameBefore[before[0].lower]) || timeFrameAfter[sc.tok(j+1).lower] ||
			isPunct(sc.tok(j+1), "'", "’")) {
			return false
		}
	}
	return true
}

// assertsDuration reports a span of time stated as a fact ("it is now three
// years since the station closed", "it has been two years since"): "is",
// "been" or "now" among the words right before the figure.
func (sc *sentenceScan) assertsDuration(first int) bool {
	for _, w := range sc.prevWords(first, 3) {
		if isWord(w, "is", "been", "now", "it's", "it’s", "was") {
			return true
		}
	}
	return false
}

// excludedBefore applies the rules that look at the words before a figure.
func (sc *sentenceScan) excludedBefore(first int) bool {
	before := sc.prevWords(first, 4)
	if len(before) > 0 {
		p := before[0]
		adjacent := sc.tok(first-1).kind == wordToken
		if adjacent && (p.lower == "these" || p.lower == "those") {
			return true // points back
		}
		if adjacent && identifierWords[p.lower] {
			return true
		}
		// "No. 10"
		if isPunct(sc.tok(first-1), ".") && identifierWords[p.lower] {
			return true
		}
	}
	for _, w := range before {
		if w.lower == "age" || w.lower == "aged" || w.lower == "ages" {
			return true
		}
	}
	return false
}

// digitFigure reads the figure whose number token is at i.
func (sc *sentenceScan) digitFigure(i int) (figure, bool) {
	toks := sc.toks
	tk := toks[i]
	f := figure{value: tk.value, b: tk.b, e: tk.e, first: i, last: i}
	first, last := sc.rangeOf(i)
	f.first = first
	prev := sc.tok(i - 1)
	if sign, ok := currencySigns[prev.text]; ok && prev.kind == punctToken && !tk.space {
		f.currency = sign
		f.b = prev.b
		if first == i {
			f.first = i - 1
		}
	}
	if tk.suffix != "" {
		m, ok := multipliers[tk.suffix]
		if !ok {
			return f, false // "10.02am", "2nd", "4x4"
		}
		// "£5m", "1.2m people", "3bn"; a bare "18m" may be metres
		if nx := sc.tok(i + 1); f.currency == "" && len(tk.suffix) == 1 &&
			!(isWord(nx) && nx.space && (plural(nx.lower) || nx.lower == "people")) {
			return f, false
		}
		f.value *= m
	}
	// "2453/2012", "MQ 1769 / 2015", "2013/14", "10:30"
	for _, k := range []int{i - 1, i + 1} {
		if isPunct(sc.tok(k), "/", "\\") {
			return f, false
		}
	}
	if isPunct(sc.tok(i+1), ":") && !sc.tok(i+1).space && sc.tok(i+2).kind == numberToken {
		return f, false
	}
	if isPunct(prev, ":") && !tk.space && sc.tok(i-2).kind == numberToken {
		return f, false
	}
	// "COVID-19", "A-12": a number hyphened onto a word
	if isPunct(prev, "-", "‐", "‑") && !tk.space && !prev.space && isWord(sc.tok(i-2)) {
		return f, false
	}
	// "2017-18", "1914-1918": a span of years
	if last > first && sc.toks[first].kind == numberToken && sc.toks[last].kind == numberToken && isPunct(sc.tok(first+1), "-", "–") {
		if a, b := sc.toks[first], sc.toks[last]; yearLike(a) && (yearLike(b) || (len(b.text) == 2 && !b.comma && !b.dot)) {
			return f, false
		}
	}
	// "1 in 4": a share, read at its first number
	if isWord(sc.tok(i+1), "in") && sc.tok(i+2).kind == numberToken && !tk.comma && !tk.dot && tk.suffix == "" && sc.tok(i+2).value > tk.value && sc.tok(i+2).suffix == "" {
		f.value = tk.value / sc.toks[i+2].value
		f.unit = "fraction"
		f.last = i + 2
		f.e = sc.toks[i+2].e
		if sc.excludedBefore(first) {
			return f, false
		}
		return f, true
	}
	if isWord(prev, "in") && sc.tok(i-2).kind == numberToken && sc.tok(i-2).value < tk.value && sc.tok(i-2).suffix == "" && !sc.tok(i-2).comma && !sc.tok(i-2).dot {
		return f, false // the "4" of "1 in 4"
	}
	// "1. Item", "1) Item" at the start of a line
	if i == sc.firstWordIndex() && isPunct(sc.tok(i+1), ".", ")") && !sc.tok(i+1).space {
		return f, false
	}
	// "(1)", "[3]"; but "a third of households (34,000)" gives the count
	// the fraction stands for
	if isPunct(prev, "(", "[") && isPunct(sc.tok(i+1), ")", "]") && !((tk.comma || tk.value >= 10) && sc.shareBefore(i)) {
		return f, false
	}
	// dates: "6 May 2012", "May 2012", "July 4"
	if nx := sc.tok(i + 1); (isCapitalised(prev) && monthNames[prev.lower]) || (isCapitalised(nx) && monthNames[nx.lower]) {
		return f, false
	}
	if sc.excludedBefore(first) {
		return f, false
	}
	// the tail after the whole range
	if !sc.tail(&f, last+1) {
		return f, false
	}
	if f.last < i {
		f.last = i
	}
	// years
	if f.currency == "" && f.unit != "percent" && !tk.comma && !tk.dot && tk.value >= 1800 && tk.value <= 2100 && tk.suffix == "" {
		nx := sc.tok(last + 1)
		if !(nx.kind == wordToken && !isCapitalised(nx) && plural(nx.lower) && !functionWords[nx.lower]) {
			return f, false
		}
	}
	// identifiers: a name right before a bare number ("Euro 6", "Act
	// 1999", "Crossrail 2"), except in a table row whose last cell is the
	// number; a capitalised small word opening the sentence ("Around 300")
	// is no name
	if p := sc.tok(first - 1); isCapitalised(p) && !functionWords[p.lower] && !quantityModifiers[p.lower] && f.currency == "" && f.unit != "percent" {
		if !(sc.tableRow && (last == sc.lastContentIndex() || sc.numericCells(first))) {
			return f, false
		}
	}
	// a signed change in a row of figures: "Wardens 60 55 -5"
	if sign := sc.tok(first - 1); f.currency == "" && first == i && isPunct(sign, "-", "+", "−", "–") && sign.space && !tk.space &&
		(sc.tok(first-2).kind == numberToken || sc.tableRow && sc.numericCells(first)) {
		if sign.text != "+" {
			f.value = -f.value
		}
		f.b = sign.b
	}
	f.e = sc.toks[f.last].e
	return f, true
}

// numericCells reports whether the tokens from i to the end of a table row
// are two or more figures, with their signs and percent marks only: the
// cells of a row such as "Wardens 60 55 -5".
func (sc *sentenceScan) numericCells(i int) bool {
	numbers := 0
	for j := sc.firstNumberOfRow(); j < len(sc.toks); j++ {
		tk := sc.toks[j]
		switch {
		case tk.kind == numberToken && tk.suffix == "":
			numbers++
		case isPunct(tk, "-", "+", "−", "–", "%", "£"):
		default:
			return false
		}
	}
	return numbers >= 2 && i >= sc.firstNumberOfRow()
}

// firstNumberOfRow returns the index of the first figure of the sentence.
func (sc *sentenceScan) firstNumberOfRow() int {
	for j, tk := range sc.toks {
		if tk.kind == numberToken || (isPunct(tk, "-", "+", "−", "–", "£") && sc.tok(j+1).kind == numberToken && !sc.tok(j+1).space) {
			return j
		}
	}
	return len(sc.toks)
}

// wordNumber reads a number written in words starting at i ("seven",
// "twenty-five", "two hundred", "a thousand") and returns its value and the
// index of its last token.
func (sc *sentenceScan) wordNumber(i int) (float64, int, bool) {
	toks := sc.toks
	small := func(w string) (float64, bool) {
		if v, ok := unitWords[w]; ok {
			return v, true
		}
		if v, ok := tensWords[w]; ok {
			return v, true
		}
		if a, b, ok := strings.Cut(w, "-"); ok {
			if t, ok := tensWords[a]; ok {
				if b == "one" {
					return t + 1, true
				}
				if u, ok := unitWords[b]; ok && u < 10 {
					return t + u, true
				}
			}
		}
		return 0, false
	}
	w := toks[i].lower
	v, ok := small(w)
	scale := func(j int) bool {
		if j >= len(toks) || toks[j].kind != wordToken {
			return false
		}
		switch toks[j].lower {
		case "hundred", "thousand", "million", "billion", "dozen":
			return true
		}
		return false
	}
	if !ok {
		if (w == "a" || w == "one") && scale(i+1) {
			v, ok = 1, true
		} else {
			return 0, i, false
		}
	}
	total, cur := 0.0, v
	last := i
	for j := i + 1; j < len(toks); j++ {
		tk := toks[j]
		if tk.kind != wordToken {
			break
		}
		switch tk.lower {
		case "hundred":
			cur *= 100
		case "dozen":
			cur *= 12
		case "thousand", "million", "billion":
			total += cur * multipliers[tk.lower]
			cur = 0
		case "and":
			if n, ok := small(sc.tok(j + 1).lower); ok && j+1 < len(toks) && (cur >= 100 || total > 0) {
				cur += n
				j++
				last = j
			}
			continue
		default:
			if n, ok := small(tk.lower); ok && cur >= 100 && n < 100 {
				cur += n
			} else {
				return total + cur, last, true
			}
		}
		last = j
		if tk.lower != "hundred" && tk.lower != "dozen" && tk.lower != "thousand" && tk.lower != "million" && tk.lower != "billion" {
			break
		}
	}
	return total + cur, last, true
}

// wordFigure reads a figure written in words at i.
func (sc *sentenceScan) wordFigure(i int) (figure, bool) {
	toks := sc.toks
	tk := toks[i]
	if f, ok := sc.fraction(i); ok {
		return f, true
	}
	v, last, ok := sc.wordNumber(i)
	if !ok {
		return figure{}, false
	}
	// "one or two", "two or three": a vague amount
	if isWord(sc.tok(last+1), "or") {
		if _, _, ok := sc.wordNumberOrOne(last + 2); ok {
			return figure{}, false
		}
	}
	if isWord(sc.tok(i-1), "or") {
		if _, _, ok := sc.wordNumberOrOne(i - 2); ok {
			return figure{}, false
		}
	}
	f := figure{value: v, b: tk.b, e: toks[last].e, first: i, last: last, words: true}
	prev := sc.tok(i - 1)
	if sign, ok := currencySigns[prev.text]; ok && prev.kind == punctToken {
		f.currency = sign
		f.b = prev.b
	}
	if sc.excludedBefore(i) {
		return f, false
	}
	if !sc.tail(&f, last+1) || f.bare {
		return f, false
	}
	f.e = toks[f.last].e
	return f, true
}

// wordNumberOrOne is wordNumber that also takes "one" (for "one or two").
func (sc *sentenceScan) wordNumberOrOne(i int) (float64, int, bool) {
	if i < 0 || i >= len(sc.toks) {
		return 0, i, false
	}
	if isWord(sc.toks[i], "one") {
		return 1, i, true
	}
	if sc.toks[i].kind == numberToken {
		return sc.toks[i].value, i, true
	}
	return sc.wordNumber(i)
}

// fraction reads "a half", "one-third", "two thirds", "half" at i when it
// measures a change ("by a half") or a share ("a third of"). Fractions in a
// question are taken as asked.
func (sc *sentenceScan) fraction(i int) (figure, bool) {
	if sc.question {
		return figure{}, false
	}
	toks := sc.toks
	tk := toks[i]
	if f, ok := sc.share(i); ok {
		return f, true
	}
	var v float64
	last := i
	if a, b, ok := strings.Cut(tk.lower, "-"); ok {
		n, ok1 := fractionCounts[a]
		d, ok2 := fractionWords[b]
		if !ok1 || !ok2 {
			return figure{}, false
		}
		v = n * d
	} else if n, ok := fractionCounts[tk.lower]; ok {
		nx := sc.tok(i + 1)
		d, ok := fractionWords[nx.lower]
		if !ok || nx.kind != wordToken {
			return figure{}, false
		}
		v = n * d
		last = i + 1
	} else if tk.lower == "half" {
		if isWord(sc.tok(i-1), "a", "one", "two", "three") {
			return figure{}, false // read from the count word
		}
		v = 0.5
	} else {
		return figure{}, false
	}
	if math.IsNaN(v) || v <= 0 {
		return figure{}, false
	}
	// "nearly a quarter of a million homes", "half a million people": an
	// amount, not a share
	m := last + 1
	if isWord(sc.tok(m), "of") {
		m++
	}
	if isWord(sc.tok(m), "a") && isWord(sc.tok(m+1), "hundred", "thousand", "million", "billion") {
		f := figure{value: v * multipliers[sc.tok(m+1).lower], b: tk.b, first: i, last: m + 1, words: true}
		if !sc.tail(&f, m+2) {
			return figure{}, false
		}
		f.e = toks[f.last].e
		return f, true
	}
	if !(isWord(sc.tok(i-1), "by", "down", "up", "nearly", "almost", "around", "about", "roughly", "over", "under", "just", "some") || isWord(sc.tok(last+1), "of")) {
		return figure{}, false
	}
	return figure{value: v, unit: "fraction", b: tk.b, e: toks[last].e, first: i, last: last, words: true}, true
}

// share reads "one in four" (0.25) and the verbs "halve", "halved" and
// "halving" (0.5) at i.
func (sc *sentenceScan) share(i int) (figure, bool) {
	tk := sc.toks[i]
	if isWord(tk, "halve", "halved", "halving") {
		return figure{value: 0.5, unit: "fraction", b: tk.b, e: tk.e, first: i, last: i, words: true}, true
	}
	n, ok := unitWords[tk.lower]
	if tk.lower == "one" {
		n, ok = 1, true
	}
	if !ok || !isWord(sc.tok(i+1), "in") {
		return figure{}, false
	}
	d, last := 0.0, i+2
	switch x := sc.tok(i + 2); {
	case x.kind == numberToken && x.suffix == "" && !x.dot:
		d = x.value
	case x.kind == wordToken:
		v, l, ok := sc.wordNumber(i + 2)
		if !ok {
			return figure{}, false
		}
		d, last = v, l
	}
	if d <= n {
		return figure{}, false
	}
	return figure{value: n / d, unit: "fraction", b: tk.b, e: sc.toks[last].e, first: i, last: last, words: true}, true
}

// alternative reports a figure offered as one of two ("it might take two
// weeks or twenty years") or under "might": a guess, not a fact.
func (sc *sentenceScan) alternative(f figure) bool {
	for _, w := range sc.prevWords(f.first, 3) {
		if isWord(w, "might") {
			return true
		}
	}
	isNumber := func(j int) bool {
		tk := sc.tok(j)
		if tk.kind == numberToken {
			return true
		}
		_, ok := unitWords[tk.lower]
		_, tens := tensWords[tk.lower]
		return tk.kind == wordToken && (ok || tens)
	}
	for j := f.last + 1; j <= f.last+3 && j < len(sc.toks); j++ {
		if isWord(sc.toks[j], "or") {
			return isNumber(j+1) || isPunct(sc.tok(j+1), "£") && isNumber(j+2)
		}
		if sc.toks[j].kind != wordToken {
			break
		}
	}
	if isWord(sc.tok(f.first-1), "or") {
		for j := f.first - 2; j >= f.first-4 && j >= 0; j-- {
			if isNumber(j) {
				return true
			}
		}
	}
	return false
}

// numericClaims returns the numeric claims of a sentence.
func (t *runeText) numericClaims(st *sentenceText) []Claim {
	s := st.sentence
	if !mayHoldFigure(st) {
		return nil
	}
	sc := t.scan(st)
	figs := sc.figures()
	if len(figs) == 0 {
		return nil
	}
	ps := st.periods()
	out := make([]Claim, 0, len(figs))
	for _, f := range figs {
		out = append(out, Claim{
			Kind:     Numeric,
			Sentence: s,
			Value:    f.value,
			Unit:     f.unit,
			Currency: f.currency,
			Figure:   t.slice(f.b, f.e),
			Begin:    f.b,
			End:      f.e,
			Period:   nearestPeriod(t, ps, f.b, f.e),
		})
	}
	return out
}

// figureWords are the words a figure printed in words needs one of: a
// number (alone or either side of a hyphen, "twenty-one", "two-thirds"), a
// share, or a scale after "a" or "one" ("a hundred").
var figureWords = func() map[string]bool {
	m := map[string]bool{"halve": true, "halved": true, "halving": true,
		"hundred": true, "thousand": true, "million": true, "billion": true, "dozen": true}
	for _, words := range []map[string]float64{unitWords, tensWords, fractionWords} {
		for w := range words {
			m[w] = true
		}
	}
	return m
}()

// mayHoldFigure reports whether a sentence may hold a figure: a digit, or
// one of figureWords among its runs of ASCII letters. A sentence without
// either is not split into tokens for figures.
func mayHoldFigure(st *sentenceText) bool {
	text, ascii := st.sentence.Text, true
	for i := 0; i < len(text); i++ {
		if c := text[i]; '0' <= c && c <= '9' {
			return true
		} else if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	if !ascii && strings.IndexFunc(text, unicode.IsDigit) >= 0 {
		return true // digits of other scripts
	}
	lower := st.lower
	for i := 0; i < len(lower); {
		if !isASCIILetter(lower[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(lower) && isASCIILetter(lower[j]) {
			j++
		}
		if figureWords[lower[i:j]] {
			return true
		}
		i = j
	}
	return false
}

// shareBefore reports a fraction or a percentage among the few words
// before token i.
func (sc *sentenceScan) shareBefore(i int) bool {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		tk := sc.toks[j]
		if isPunct(tk, "%") || isWord(tk, "percent", "cent") || (tk.kind == wordToken && fractionWords[tk.lower] > 0) {
			return true
		}
	}
	return false
}

// yearLike reports a number printed as a year: four digits from 1800 to 2100.
func yearLike(t token) bool {
	return t.kind == numberToken && !t.comma && !t.dot && t.suffix == "" && len(t.text) == 4 && t.value >= 1800 && t.value <= 2100
}
