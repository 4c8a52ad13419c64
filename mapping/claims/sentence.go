package claims

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a text. Text is trimmed of white space
// (no-break spaces included); Begin and End are the code-point offsets of
// Text within the text it came from, ByteBegin and ByteEnd the byte offsets.
type Sentence struct {
	Text      string `json:"text"`
	Begin     int    `json:"begin"`
	End       int    `json:"end"`
	ByteBegin int    `json:"byteBegin"`
	ByteEnd   int    `json:"byteEnd"`
}

// runeText is a text decoded to code points, with the byte offset of each
// code point (and of the end) for converting offsets.
type runeText struct {
	s     string
	r     []rune
	bytes []int // len(r)+1 entries

	// buffers that scan reuses from sentence to sentence
	toks        []token
	asked, hypo []bool
	st          sentenceText // the sentence being read, reused
}

func newRuneText(s string) *runeText {
	return new(runeText).reset(s)
}

// reset makes t the runeText of s, reusing its buffers.
func (t *runeText) reset(s string) *runeText {
	n := utf8.RuneCountInString(s)
	t.s = s
	if cap(t.r) < n {
		t.r = make([]rune, 0, n)
	}
	if cap(t.bytes) < n+1 {
		t.bytes = make([]int, 0, n+1)
	}
	t.r, t.bytes = t.r[:0], t.bytes[:0]
	for i, c := range s {
		t.r = append(t.r, c)
		t.bytes = append(t.bytes, i)
	}
	t.bytes = append(t.bytes, len(s))
	return t
}

// runeTexts holds runeTexts between calls of Find, whose buffers would
// otherwise be allocated afresh for every text.
var runeTexts = sync.Pool{New: func() any { return new(runeText) }}

// release returns t to runeTexts, holding no strings of its text.
func (t *runeText) release() {
	t.s = ""
	clear(t.toks[:cap(t.toks)])
	t.st = sentenceText{words: t.st.words[:0]}
	runeTexts.Put(t)
}

// at returns the code point at i, or 0 outside the text.
func (t *runeText) at(i int) rune {
	if i < 0 || i >= len(t.r) {
		return 0
	}
	return t.r[i]
}

// slice returns the text between code points b and e.
func (t *runeText) slice(b, e int) string { return t.s[t.bytes[b]:t.bytes[e]] }

// sentence builds the trimmed Sentence for the code-point range [b, e), and
// reports false when nothing but space is left.
func (t *runeText) sentence(b, e int) (Sentence, bool) {
	for b < e && unicode.IsSpace(t.r[b]) {
		b++
	}
	for e > b && unicode.IsSpace(t.r[e-1]) {
		e--
	}
	if b >= e {
		return Sentence{}, false
	}
	return Sentence{Text: t.slice(b, e), Begin: b, End: e, ByteBegin: t.bytes[b], ByteEnd: t.bytes[e]}, true
}

// Abbreviations after which a full stop does not end a sentence, whatever
// follows (lower case, without the stop).
var neverEnds = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "messrs": true, "dr": true, "st": true,
	"prof": true, "rev": true, "revd": true, "cllr": true, "sgt": true, "insp": true,
	"supt": true, "ch": true, "det": true, "hon": true, "rt": true,
	"gen": true, "col": true, "capt": true, "lt": true, "mt": true, "jr": true,
	"sr": true, "e.g": true, "i.e": true, "eg": true, "ie": true, "vs": true,
	"v": true, "cf": true, "approx": true, "ca": true, "fig": true, "vol": true,
	"pp": true, "para": true, "paras": true, "art": true, "sec": true, "cl": true,
	"nb": true, "n.b": true, "viz": true,
}

// Abbreviations that keep the sentence going only before a number ("No. 10",
// "p. 4").
var endsUnlessNumber = map[string]bool{"no": true, "nos": true, "p": true}

func isClosing(c rune) bool {
	switch c {
	case '"', '\'', '’', '”', '»', ')', ']', '}':
		return true
	}
	return false
}

func isTerminal(c rune) bool { return c == '.' || c == '!' || c == '?' || c == '…' }

// startsSentence reports whether c can open a new sentence.
func startsSentence(c rune) bool {
	if unicode.IsUpper(c) || unicode.IsDigit(c) || unicode.IsTitle(c) {
		return true
	}
	switch c {
	case '"', '\'', '‘', '“', '«', '(', '[', '£', '$', '€', '-', '–', '—', '•', '*':
		return true
	}
	return false
}

// isBlankLineAfter reports whether the line break at i (a '\n') is followed
// by a line holding only white space, or by the end of the text.
func (t *runeText) isBlankLineAfter(i int) bool {
	for j := i + 1; j < len(t.r); j++ {
		switch c := t.r[j]; {
		case c == '\n':
			return true
		case unicode.IsSpace(c):
		default:
			return false
		}
	}
	return true
}

// nextVisible returns the index of the first code point at or after i that
// is not white space, or len(r).
func (t *runeText) nextVisible(i int) int {
	for i < len(t.r) && unicode.IsSpace(t.r[i]) {
		i++
	}
	return i
}

// wordBefore returns the run of letters and inner full stops that ends just
// before the full stop at i ("Mr", "e.g", "J").
func (t *runeText) wordBefore(i int) string {
	j := i
	for j > 0 {
		c := t.r[j-1]
		if unicode.IsLetter(c) || (c == '.' && j-2 >= 0 && unicode.IsLetter(t.r[j-2])) {
			j--
			continue
		}
		break
	}
	return string(t.r[j:i])
}

// MaxSentence is the most code points a sentence holds: a longer run of
// text without a sentence break (a list printed on one line, a text that
// lost its full stops) is cut at the last space before the limit.
const MaxSentence = 1000

// Sentences splits text into sentences, in order and without overlap.
func Sentences(text string) []Sentence {
	return newRuneText(text).sentences()
}

func (t *runeText) sentences() []Sentence {
	var out []Sentence
	r := t.r
	start := 0
	depth := 0 // open brackets
	emit := func(end int) {
		for end-start > MaxSentence {
			// a run of text without a sentence break: cut it at the last
			// space before the limit, so that no sentence, and no claim
			// that quotes it, grows with the text
			cut := start + MaxSentence
			for k := cut; k > start+MaxSentence/2; k-- {
				if unicode.IsSpace(r[k]) {
					cut = k
					break
				}
			}
			if s, ok := t.sentence(start, cut); ok {
				out = append(out, s)
			}
			start = cut
		}
		if s, ok := t.sentence(start, end); ok {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(r); i++ {
		c := r[i]
		switch {
		case c == '\n':
			depth = 0
			if t.isBlankLineAfter(i) {
				emit(i)
				continue
			}
			// A single line break goes on only into a lower-case line.
			j := i + 1
			for j < len(r) && r[j] != '\n' && unicode.IsSpace(r[j]) {
				j++
			}
			if j < len(r) && !unicode.IsLower(r[j]) {
				emit(i)
			}
		case c == '[' || c == '(':
			depth++
		case c == ']' || c == ')':
			if depth > 0 {
				depth--
			}
		case isTerminal(c):
			if depth > 0 {
				// "(This is an aside.) Next": the sentence ends after the
				// bracket that closes it.
				end, closes := i+1, 0
				for end < len(r) && isTerminal(r[end]) {
					end++
				}
				for end < len(r) && isClosing(r[end]) {
					if r[end] == ')' || r[end] == ']' {
						closes++
					}
					end++
				}
				if closes >= depth && end < len(r) && unicode.IsSpace(r[end]) {
					if next := t.nextVisible(end); next < len(r) && startsSentence(r[next]) && r[next] != '-' {
						depth = 0
						emit(end)
						i = end - 1
					}
				}
				continue
			}
			// The run of terminal marks and closing quotes or brackets.
			end := i + 1
			dots := 0
			if c == '.' {
				dots = 1
			}
			for end < len(r) && isTerminal(r[end]) {
				if r[end] == '.' {
					dots++
				}
				end++
			}
			for end < len(r) && isClosing(r[end]) {
				end++
			}
			if end < len(r) && !unicode.IsSpace(r[end]) {
				// "2.3", "10.02am", "e.g.,", "Shocking...horrifying"
				i = end - 1
				continue
			}
			next := t.nextVisible(end)
			if next < len(r) {
				n := r[next]
				if isTerminal(n) {
					// a stray mark after the end ("odd? .") stays with it
					i = end - 1
					continue
				}
				if !startsSentence(n) {
					i = end - 1
					continue
				}
				if c == '.' && dots == 1 && end-1 == i+countClosing(r, i+1, end) && t.keepsGoing(i, n) {
					i = end - 1
					continue
				}
			}
			emit(end)
			i = end - 1
		}
	}
	emit(len(r))
	return out
}

func countClosing(r []rune, b, e int) int {
	n := 0
	for k := b; k < e; k++ {
		if isClosing(r[k]) {
			n++
		}
	}
	return n
}

// keepsGoing reports whether the single full stop at i belongs to an
// abbreviation or an initial rather than ending the sentence, given the
// first visible code point n after it.
func (t *runeText) keepsGoing(i int, n rune) bool {
	w := t.wordBefore(i)
	if w == "" {
		return false
	}
	lw := strings.ToLower(w)
	if neverEnds[lw] {
		return true
	}
	if endsUnlessNumber[lw] && unicode.IsDigit(n) {
		return true
	}
	// An initial: one capital letter standing alone ("J. Smith").
	if rs := []rune(w); len(rs) == 1 && unicode.IsUpper(rs[0]) {
		prev := t.at(i - 2)
		if prev == 0 || unicode.IsSpace(prev) || prev == '(' || prev == '.' {
			return unicode.IsUpper(n)
		}
	}
	// "U.S. Army", "i.e. London": dotted abbreviations.
	if strings.Contains(w, ".") {
		return true
	}
	return false
}
