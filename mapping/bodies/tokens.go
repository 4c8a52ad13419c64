package bodies

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// gap kinds: what lies between a token and the one before it.
const (
	gapStart  = '^' // first token of a pattern (trie edges only)
	gapJoined = '+' // nothing: "GLA" "’" "s", "P" "&" "C"
	gapSpace  = ' ' // white space only (no-break spaces and single newlines included)
	gapComma  = ',' // white space around one comma
	gapBreak  = '|' // anything else: other punctuation, a blank line, a bracket
)

// token is a word (letters, digits and combining marks) or one of the
// symbols that may sit inside a name: & ' -.
type token struct {
	fold      string // comparison form: lower case, no accents, ’ as ', & as "and"
	raw       string // as printed, with curly apostrophes straightened
	b0, b1    int    // byte offsets in the text
	r0, r1    int    // code-point offsets in the text
	gap       byte   // gap before this token
	word      bool   // a word, not a symbol
	upper     bool   // begins with an upper-case letter or a digit-led acronym
	hasUpper  bool   // holds an upper-case letter
	bracket   bool   // inside [square brackets]
	sentStart bool   // first word of a sentence, a label or the text
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf { // the same answer, without the look-up in unicode.Mn
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

func isSymbolRune(r rune) bool {
	return r == '&' || isApostrophe(r) || r == '-' || r == '‐' || r == '‑'
}

func isSpaceRune(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u202f' }

// tokenize splits text into tokens. It never fails: any byte sequence gives
// tokens whose offsets lie inside the text and increase.
func tokenize(text string) []token {
	return appendTokens(make([]token, 0, len(text)/5+1), text)
}

// tokenCache keeps the tokens of the text split last, in a buffer that the
// next text reuses, so that the scanners of one transcript split each span
// once and without allocating as they go. The tokens it returns are valid
// until it is asked for another text's.
type tokenCache struct {
	text  string
	toks  []token
	valid bool
}

func (c *tokenCache) tokens(text string) []token {
	if c.valid && c.text == text {
		return c.toks
	}
	c.reset()
	c.text, c.valid = text, true
	c.toks = appendTokens(c.toks, text)
	return c.toks
}

// reset empties the cache, letting go of the last text's strings.
func (c *tokenCache) reset() {
	clear(c.toks)
	*c = tokenCache{toks: c.toks[:0]}
}

// appendTokens appends the tokens of text to toks.
func appendTokens(toks []token, text string) []token {
	depth := 0   // [ ] nesting
	runeIdx := 0 // code points before i
	gap := byte(gapBreak)
	newlines := 0 // newlines in the current gap
	boundary := true
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			j, rj := i, runeIdx
			hasUpper := false
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !isWordRune(r2) {
					break
				}
				if unicode.IsUpper(r2) {
					hasUpper = true
				}
				j += s2
				rj++
			}
			raw := text[i:j]
			first, _ := utf8.DecodeRuneInString(raw)
			toks = append(toks, token{
				fold: foldWord(raw), raw: raw, b0: i, b1: j, r0: runeIdx, r1: rj,
				gap: gapOf(gap, newlines), word: true, upper: unicode.IsUpper(first),
				hasUpper: hasUpper, bracket: depth > 0, sentStart: boundary,
			})
			i, runeIdx = j, rj
			gap, newlines, boundary = gapJoined, 0, false
			continue
		case isSymbolRune(r):
			var raw, fold string
			switch {
			case r == '&':
				raw, fold = "&", "and"
			case isApostrophe(r):
				raw, fold = "'", "'"
			default:
				raw, fold = "-", "-"
			}
			toks = append(toks, token{
				fold: fold, raw: raw, b0: i, b1: i + size, r0: runeIdx, r1: runeIdx + 1,
				gap: gapOf(gap, newlines), bracket: depth > 0,
			})
			gap, newlines = gapJoined, 0
		case isSpaceRune(r):
			if r == '\n' {
				newlines++
			}
			if gap == gapJoined {
				gap = gapSpace
			}
		case r == ',':
			if gap == gapJoined || gap == gapSpace {
				gap = gapComma
			} else {
				gap = gapBreak
			}
		default:
			gap = gapBreak
			switch r {
			case '[':
				depth++
			case ']':
				if depth > 0 {
					depth--
				}
			case '.', '?', '!', ':', ';', '•':
				boundary = true
			}
		}
		if newlines >= 2 {
			boundary = true
		}
		i += size
		runeIdx++
	}
	return toks
}

func gapOf(g byte, newlines int) byte {
	if newlines >= 2 {
		return gapBreak
	}
	return g
}

// foldWord is the comparison form of a word: NFD without marks, lower case.
func foldWord(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
