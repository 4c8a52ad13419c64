package claims

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokenKind uint8

const (
	wordToken   tokenKind = iota // letters, with inner apostrophes and hyphens; may hold digits after a letter ("S67")
	numberToken                  // digits with thousands commas and a decimal part
	punctToken                   // any other single code point
)

// token is a word, number or mark of a sentence, with code-point offsets
// into the whole text.
type token struct {
	kind  tokenKind
	text  string
	lower string
	b, e  int
	space bool // white space (or the start) before it
	// numbers
	value  float64
	comma  bool   // printed with thousands separators
	dot    bool   // printed with a decimal part
	suffix string // letters printed right after the digits ("am", "bn", "th")
}

func isApostrophe(c rune) bool { return c == '\'' || c == '’' }
func isHyphen(c rune) bool     { return c == '-' || c == '‐' || c == '‑' }

// tokenize splits the code points [b, e) of t into tokens, appended to
// out. lower is the text of [b, e) with its ASCII letters lower-cased (at
// the same byte offsets), or "" when there is none to hand.
func (t *runeText) tokenize(out []token, b, e int, lower string) []token {
	r := t.r
	// lowerOf returns the code points [i, j) in lower case
	lowerOf := func(i, j int) string {
		if lower != "" && t.bytes[j]-t.bytes[i] == j-i {
			return lower[t.bytes[i]-t.bytes[b] : t.bytes[j]-t.bytes[b]] // ASCII (tokens hold no undecodable bytes)
		}
		return strings.ToLower(t.slice(i, j))
	}
	space := true
	for i := b; i < e; {
		c := r[i]
		switch {
		case unicode.IsSpace(c):
			space = true
			i++
			continue
		case unicode.IsLetter(c):
			j := i + 1
			for j < e {
				d := r[j]
				if continuesWord(d) {
					j++
					continue
				}
				if (isApostrophe(d) || isHyphen(d)) && j+1 < e && unicode.IsLetter(r[j+1]) {
					j += 2
					continue
				}
				break
			}
			s := t.slice(i, j)
			out = append(out, token{kind: wordToken, text: s, lower: lowerOf(i, j), b: i, e: j, space: space})
			i = j
		case unicode.IsDigit(c):
			j := i
			for j < e && unicode.IsDigit(r[j]) {
				j++
			}
			tok := token{kind: numberToken, b: i, space: space}
			// thousands groups: ",ddd" not followed by a further digit
			for j < e && r[j] == ',' && allDigits(r, j+1, j+4, e) && !(j+4 < e && unicode.IsDigit(r[j+4])) {
				tok.comma = true
				j += 4
			}
			if j+1 < e && r[j] == '.' && unicode.IsDigit(r[j+1]) {
				tok.dot = true
				j++
				for j < e && unicode.IsDigit(r[j]) {
					j++
				}
			}
			digits := strings.ReplaceAll(t.slice(i, j), ",", "")
			tok.value, _ = strconv.ParseFloat(digits, 64)
			k := j
			for k < e && (unicode.IsLetter(r[k]) || unicode.IsDigit(r[k])) {
				k++
			}
			tok.suffix = lowerOf(j, k)
			tok.e = k
			tok.text = t.slice(i, k)
			tok.lower = lowerOf(i, k)
			out = append(out, tok)
			i = k
		default:
			s := t.slice(i, i+1)
			if c == utf8.RuneError {
				s = string(c) // an undecodable byte reads as U+FFFD
			}
			out = append(out, token{kind: punctToken, text: s, lower: s, b: i, e: i + 1, space: space})
			i++
		}
		space = false
	}
	return out
}

// continuesWord reports a letter, digit or non-spacing mark, which go on a
// word once it has begun.
func continuesWord(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.Is(unicode.Mn, c)
}

func allDigits(r []rune, b, e, limit int) bool {
	if e > limit {
		return false
	}
	for k := b; k < e; k++ {
		if !unicode.IsDigit(r[k]) {
			return false
		}
	}
	return true
}
