package mapping

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	ont "github.com/assemblykg/assemblykg/ontology"
)

// textHash is the SHA-256 of a transcript's text, in hex.
func textHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// Labels tells apart the graphs of the transcripts mapped into one
// dataset: two transcripts with the same session date and title would map
// to one graph. The zero Labels is ready to use; it is not safe for
// concurrent use. It holds a few dozen bytes per graph (digests, not the
// IRIs and texts), so that it stays small beside an archive of any size.
type Labels struct {
	seen map[digest]labelled
}

// digest is the first half of a SHA-256 sum: two different strings share
// one with a chance of about 2⁻¹²⁸.
type digest [16]byte

func digestOf(s string) digest {
	h := sha256.Sum256([]byte(s))
	return digest(h[:16])
}

type labelled struct {
	file string // shares the caller's string
	text digest
}

// Add records that file mapped to g and returns g. When an earlier file
// mapped to the same graph with another text, the two are told apart: g is
// returned re-keyed, its key followed by "-" and the first 8 hex digits of
// the SHA-256 of its text (the first file in input order keeps the plain
// key). The same text given twice is an error naming both files.
func (l *Labels) Add(g Graph, file string) (Graph, error) {
	if l.seen == nil {
		l.seen = map[digest]labelled{}
	}
	text := sha256.Sum256([]byte(graphText(g)))
	label := digestOf(string(g.Label))
	other, dup := l.seen[label]
	if dup && other.text == digest(text[:16]) {
		return g, fmt.Errorf("%s: the same transcript as %s (graph %s)", file, other.file, g.Label)
	}
	if dup {
		g = g.rekey(g.Key + "-" + hex.EncodeToString(text[:4]))
		label = digestOf(string(g.Label))
		if other, dup := l.seen[label]; dup {
			return g, fmt.Errorf("%s: same session date, title and text hash as %s (graph %s)", file, other.file, g.Label)
		}
	}
	l.seen[label] = labelled{file: file, text: digest(text[:16])}
	return g, nil
}

// graphText is the transcript text a graph holds (nif:isString).
func graphText(g Graph) string {
	for _, q := range g.Quads {
		if q.Predicate == ont.NIFIsString {
			if s, ok := q.Object.(quad.String); ok {
				return string(s)
			}
		}
	}
	return ""
}

// rekey renames the graph and every IRI minted from its key (the question,
// its turns, text, mentions and claims) after key.
func (g Graph) rekey(key string) Graph {
	base := strings.TrimSuffix(string(g.Label), ont.GraphPath+g.Key)
	var from, to []string
	for _, path := range []string{ont.GraphPath, "question/"} {
		from = append(from, base+path+g.Key)
		to = append(to, base+path+key)
	}
	rename := func(v quad.Value) quad.Value {
		iri, ok := v.(quad.IRI)
		if !ok {
			return v
		}
		for i, f := range from {
			if rest, ok := strings.CutPrefix(string(iri), f); ok && (rest == "" || rest[0] == '/' || rest[0] == '#') {
				return quad.IRI(to[i] + rest)
			}
		}
		return v
	}
	out := Graph{Label: rename(g.Label).(quad.IRI), Key: key, Quads: make([]quad.Quad, len(g.Quads)), Register: g.Register}
	for i, q := range g.Quads {
		out.Quads[i] = quad.Quad{Subject: rename(q.Subject), Predicate: q.Predicate, Object: rename(q.Object), Label: rename(q.Label)}
	}
	return out
}
