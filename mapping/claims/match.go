package claims

import (
	"fmt"
	"iter"
	"regexp"
	"strings"
)

// patternWords gives each word that the patterns look for a bit of its
// own, so that one look-up per word of a sentence tells every pattern
// whether, and where, it may match.
var patternWords wordBitTable

// wordBitTable maps words, keyed by wordKey, to bits: a hash table with
// open addressing, quicker than a map for the look-up of every word of
// every sentence.
type wordBitTable struct {
	keys [128]uint64 // 0 for a free slot
	bits [128]uint64
	n    int
}

func (t *wordBitTable) slot(key uint64) int { return int((key * 0x9e3779b97f4a7c15) >> 57) }

// get returns the bit of key, 0 when it has none.
func (t *wordBitTable) get(key uint64) uint64 {
	for i := t.slot(key); ; i = (i + 1) % len(t.keys) {
		switch t.keys[i] {
		case key:
			return t.bits[i]
		case 0:
			return 0
		}
	}
}

// add returns the bit of key, giving it the next free bit if it has none.
func (t *wordBitTable) add(key uint64) uint64 {
	if bit := t.get(key); bit != 0 {
		return bit
	}
	if t.n == 64 {
		panic("claims: more than 64 pattern words")
	}
	i := t.slot(key)
	for t.keys[i] != 0 {
		i = (i + 1) % len(t.keys)
	}
	t.keys[i], t.bits[i] = key, 1<<t.n
	t.n++
	return t.bits[i]
}

// maxPatternWord is the length of the longest word wordKey packs.
const maxPatternWord = 12

// wordKey packs a lower-case ASCII word of up to maxPatternWord letters
// into a number, five bits a letter; it reports false for other words.
func wordKey(w string) (uint64, bool) {
	if len(w) > maxPatternWord {
		return 0, false
	}
	var k uint64
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			return 0, false
		}
		k = k<<5 | uint64(c-'a'+1)
	}
	return k, true
}

// wordPattern is a regular expression for cue words or time expressions
// that is tried only where it may match, which is much quicker than
// searching every sentence from end to end:
//   - a pattern made by startsWith matches only where one of its words
//     begins a word ("since", "I"), and is tried only there;
//   - a pattern made by atStart matches only at the start of a sentence
//     that holds one of its words ("yes", "no").
type wordPattern struct {
	re *regexp.Regexp // the pattern
	// anchored is the pattern matched at the start of its input only, for
	// patterns made by startsWith.
	anchored *regexp.Regexp
	start    bool   // the pattern begins with "^"
	mask     uint64 // the bits of its words; 0 for none
	// follows, when not nil, tells whether the text after a match's first
	// word (text[b:i]), from byte i on, may go on as the pattern needs, for
	// patterns made by startsWith: a word followed otherwise is not tried.
	follows func(text string, b, i int) bool
}

// startsWith compiles expr, whose every match begins at a word boundary
// with one of words (lower-case ASCII, matched in any case) followed by a
// character that is not an ASCII letter.
func startsWith(expr string, words ...string) *wordPattern {
	return &wordPattern{
		re:       regexp.MustCompile(expr),
		anchored: regexp.MustCompile(`^(?:` + expr + `)`),
		mask:     wordBits(words),
	}
}

// followedBy returns p, which matches only where the text after its first
// word is one that follows accepts.
func (p *wordPattern) followedBy(follows func(text string, b, i int) bool) *wordPattern {
	p.follows = follows
	return p
}

// mayStartAt reports whether p may match at byte b of text, which begins a
// word: p.follows is asked about the text after the word.
func (p *wordPattern) mayStartAt(text string, b int) bool {
	if p.follows == nil {
		return true
	}
	i := b
	for i < len(text) && isASCIILetter(text[i]) {
		i++
	}
	return p.follows(text, b, i)
}

// skipSpace returns the end of the white space ([\s\x{00A0}]*) at byte i
// of text.
func skipSpace(text string, i int) int {
	for i < len(text) {
		switch {
		case isSpaceByte(text[i]):
			i++
		case strings.HasPrefix(text[i:], "\u00a0"):
			i += len("\u00a0")
		default:
			return i
		}
	}
	return i
}

// atStart compiles expr, which begins with "^" and whose every match holds
// one of words (lower-case ASCII, matched in any case) as a whole word, or
// anything when no words are given.
func atStart(expr string, words ...string) *wordPattern {
	if !strings.HasPrefix(expr, "^") {
		panic("claims: pattern not anchored at the start: " + expr)
	}
	return &wordPattern{re: regexp.MustCompile(expr), start: true, mask: wordBits(words)}
}

func wordBits(words []string) uint64 {
	var mask uint64
	for _, w := range words {
		key, ok := wordKey(w)
		if !ok {
			panic(fmt.Sprintf("claims: pattern word %q is not a short lower-case ASCII word", w))
		}
		mask |= patternWords.add(key)
	}
	return mask
}

// possible reports whether p may match in the sentence at all.
func (p *wordPattern) possible(st *sentenceText) bool {
	return p.mask == 0 || st.folds || st.bits&p.mask != 0
}

// matches yields the submatch indexes of the successive non-overlapping
// matches of p in the sentence, as regexp.FindAllStringSubmatchIndex does.
func (p *wordPattern) matches(st *sentenceText) iter.Seq[[]int] {
	return func(yield func([]int) bool) {
		switch {
		case !p.possible(st):
		case p.start:
			// "^" matches once at most
			if m := p.re.FindStringSubmatchIndex(st.text); m != nil {
				yield(m)
			}
		case st.folds:
			for _, m := range p.re.FindAllStringSubmatchIndex(st.text, -1) {
				if !yield(m) {
					return
				}
			}
		default:
			from := 0
			for _, w := range st.words {
				if w.bits&p.mask == 0 || w.b < from || !p.mayStartAt(st.text, w.b) {
					continue
				}
				m := p.anchored.FindStringSubmatchIndex(st.text[w.b:])
				if m == nil {
					continue
				}
				for k := range m {
					if m[k] >= 0 {
						m[k] += w.b
					}
				}
				if !yield(m) {
					return
				}
				from = m[1]
			}
		}
	}
}

// sentenceText is a sentence with what the patterns look at in it.
type sentenceText struct {
	sentence Sentence
	text     string // sentence.Text
	// lower is text with its ASCII letters lower-cased, at the byte offsets
	// of text: the first words and the words a pattern needs are ASCII, or
	// hold no letters ("’m"). When folds is set it is strings.ToLower(text).
	lower string
	// folds reports a letter that Unicode case folding or lower-casing maps
	// onto an ASCII letter: "İ" (lower case "i"), "ſ" (long s, which
	// matches "s" in any case) and "K" (the Kelvin sign, "k"). A pattern
	// may then match where none of its words is, so such sentences are
	// searched whole.
	folds bool
	// words are the ASCII words of the sentence that some wordPattern
	// looks for, in order, and bits the union of their bits.
	words   []patternWord
	bits    uint64
	wordBuf [8]patternWord // the first words

	spans        []span // the periods of the sentence, once found
	spansPresent bool
}

// periods returns the time expressions of the sentence (findPeriods).
func (st *sentenceText) periods() []span {
	if !st.spansPresent {
		st.spans = findPeriods(st)
		st.spansPresent = true
	}
	return st.spans
}

// patternWord is a word of a sentence that some wordPattern looks for: its
// byte offset and its bit in patternWords.
type patternWord struct {
	b    int
	bits uint64
}

func newSentenceText(s Sentence) *sentenceText {
	return new(sentenceText).reset(s, "", mayFold(s.Text))
}

// mayFold reports whether text holds a letter that case folding or
// lower-casing maps onto an ASCII letter (sentenceText.folds).
func mayFold(text string) bool {
	return strings.Contains(text, "\u0130") || strings.Contains(text, "\u017f") || strings.Contains(text, "\u212a")
}

// reset makes st the sentenceText of s, reusing its buffer of words. lower,
// when not "", is s.Text with its ASCII letters lower-cased; folds is false
// when mayFold is false for a text that holds s (a sentence of a text
// without such letters has none).
func (st *sentenceText) reset(s Sentence, lower string, folds bool) *sentenceText {
	words := st.words[:0]
	text := s.Text
	*st = sentenceText{sentence: s, text: text}
	st.folds = folds && mayFold(text)
	if st.folds {
		st.lower = strings.ToLower(text)
		return st
	}
	if lower == "" {
		lower = asciiLower(text)
	}
	st.lower = lower
	st.words = st.wordBuf[:0]
	if cap(words) > len(st.wordBuf) {
		st.words = words // grown past wordBuf by an earlier sentence
	}
	for i := 0; i < len(lower); i++ {
		if !isASCIILetter(lower[i]) || (i > 0 && isWordByte(lower[i-1])) {
			continue
		}
		j := i + 1
		for j < len(lower) && isASCIILetter(lower[j]) {
			j++
		}
		if key, ok := wordKey(lower[i:j]); ok {
			if bits := patternWords.get(key); bits != 0 {
				st.words = append(st.words, patternWord{b: i, bits: bits})
				st.bits |= bits
			}
		}
		i = j - 1
	}
	return st
}

// asciiLower lower-cases the ASCII letters of s.
func asciiLower(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[b.Len():i])
			b.WriteByte(c + 'a' - 'A')
		}
	}
	if b.Cap() == 0 {
		return s
	}
	b.WriteString(s[b.Len():])
	return b.String()
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isWordByte reports a byte of an ASCII word character, as regexp's \b
// and \w count them.
func isWordByte(c byte) bool { return isASCIILetter(c) || '0' <= c && c <= '9' || c == '_' }
