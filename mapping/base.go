package mapping

import (
	"fmt"
	"strings"
)

// CheckBase returns base as a Mapper mints under it: an absolute IRI
// ending in "/" or "#" ("/" is added when it ends in neither). It is an
// error when base is not an absolute IRI (a scheme, ":", and a rest
// without spaces or the characters IRIs cannot hold).
func CheckBase(base string) (string, error) {
	scheme, rest, ok := strings.Cut(base, ":")
	if !ok || !isScheme(scheme) || rest == "" || strings.ContainsFunc(rest, notInIRI) {
		return "", fmt.Errorf("base %q is not an absolute IRI (such as %s)", base, "https://example.org/id/")
	}
	if last := base[len(base)-1]; last != '/' && last != '#' {
		base += "/"
	}
	return base, nil
}

// isScheme accepts ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) (RFC 3986).
func isScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return s != ""
}

func notInIRI(r rune) bool {
	return r <= ' ' || strings.ContainsRune("<>\"{}|\\^`", r) || r >= 0x7f && r <= 0x9f
}
