// Package slug makes the identifiers assemblykg mints IRIs from: people,
// bodies, roles, posts and question titles all go through Of, so that one
// name always gives one IRI.
package slug

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Of turns a name into lower-case ASCII letters and digits joined by
// hyphens: accents and apostrophes are dropped, "&" reads "and", and other
// runs of punctuation and space become one hyphen ("Steve O'Connell" gives
// "steve-oconnell", "London & Partners" gives "london-and-partners").
func Of(name string) string {
	name = norm.NFD.String(name)
	var b strings.Builder
	dash := false
	for _, r := range name {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == '‘':
			continue
		case r == '&':
			if b.Len() > 0 {
				b.WriteString("-and")
				dash = true
			}
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	return b.String()
}
