package claims

import (
	"strconv"
	"strings"
	"unicode"
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

// tokenize splits the code points [b, e) of t into tokens.
func (t *runeText) tokenize(b, e int) []token {
	r := t.r
	var out []token
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
				if unicode.IsLetter(d) || unicode.IsDigit(d) || unicode.Is(unicode.Mn, d) {
					j++
					continue
				}
				if (isApostrophe(d) || isHyphen(d)) && j+1 < e && unicode.IsLetter(r[j+1]) {
					j += 2
					continue
				}
				break
			}
			s := string(r[i:j])
			out = append(out, token{kind: wordToken, text: s, lower: strings.ToLower(s), b: i, e: j, space: space})
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
			digits := strings.ReplaceAll(string(r[i:j]), ",", "")
			tok.value, _ = strconv.ParseFloat(digits, 64)
			k := j
			for k < e && (unicode.IsLetter(r[k]) || unicode.IsDigit(r[k])) {
				k++
			}
			tok.suffix = strings.ToLower(string(r[j:k]))
			tok.e = k
			tok.text = string(r[i:k])
			tok.lower = strings.ToLower(tok.text)
			out = append(out, tok)
			i = k
		default:
			s := string(c)
			out = append(out, token{kind: punctToken, text: s, lower: s, b: i, e: i + 1, space: space})
			i++
		}
		space = false
	}
	return out
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
