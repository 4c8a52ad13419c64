package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/bodies"
	"github.com/assemblykg/assemblykg/mapping/claims"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/slug"
	"github.com/assemblykg/assemblykg/mapping/transcript"
)

// detection finds bodies and claims in transcripts; it is safe for
// concurrent use (each transcript gets its own scanner).
type detection struct {
	registry *bodies.Registry
	detector *bodies.Detector
}

func newDetection(r registryFlags) (*detection, error) {
	reg, err := bodies.Default()
	if err != nil {
		return nil, err
	}
	for _, f := range r.bodiesFiles {
		if err := withFile(f, func(fh io.Reader) error { return reg.Merge(fh, f) }); err != nil {
			return nil, err
		}
	}
	return &detection{registry: reg, detector: bodies.NewDetector(reg)}, nil
}

// find runs body and claim detection over the question and every turn.
func (d *detection) find(t *transcript.Transcript) mapping.Findings {
	var f mapping.Findings
	if t.Group != "" {
		f.Group = d.registry.Lookup(t.Group)
		if f.Group == nil {
			f.Group = &bodies.Body{ID: slug.Of(t.Group), Name: t.Group, Kind: "assembly-group", FoundByForm: true}
		}
	}
	sc := d.detector.Scanner()
	for _, turn := range t.Turns {
		found := sc.Find(turn.Text)
		for _, m := range found {
			f.Mentions = append(f.Mentions, mapping.Mention{
				Body:    m.Body,
				Surface: m.Surface,
				Begin:   turn.TextSpan.Begin + m.Begin,
				End:     turn.TextSpan.Begin + m.End,
				Turn:    turn.Position,
			})
		}
		for _, c := range claims.Find(turn.Text) {
			mc := mapping.Claim{
				Kind:     claimKinds[c.Kind],
				Turn:     turn.Position,
				Sentence: c.Sentence.Text,
				Begin:    turn.TextSpan.Begin + c.Sentence.Begin,
				End:      turn.TextSpan.Begin + c.Sentence.End,
				Period:   c.Period,
			}
			if c.Kind == claims.Numeric {
				mc.Value = strconv.FormatFloat(c.Value, 'f', -1, 64)
				mc.Unit = c.Unit
				mc.UnitCode = c.Currency
			}
			seen := map[*bodies.Body]bool{}
			for _, m := range found {
				if m.Begin >= c.Sentence.Begin && m.End <= c.Sentence.End && !seen[m.Body] {
					seen[m.Body] = true
					mc.About = append(mc.About, m.Body)
				}
			}
			f.Claims = append(f.Claims, mc)
		}
	}
	return f
}

var claimKinds = map[claims.Kind]mapping.ClaimKind{
	claims.Numeric:    mapping.NumericClaim,
	claims.Commitment: mapping.Commitment,
	claims.Agreement:  mapping.Agreement,
	claims.Refusal:    mapping.Refusal,
}

// links reads the --links files: each row names a body or person (by name or
// by our IRI) and an external IRI it is the same as.
func (r *registryFlags) links(d *detection, reg *people.Register, base string) (map[quad.IRI][]string, error) {
	out := map[quad.IRI][]string{}
	for _, file := range r.linkFiles {
		var ls []bodies.Link
		err := withFile(file, func(fh io.Reader) (err error) {
			ls, err = bodies.ReadLinks(fh, file)
			return err
		})
		if err != nil {
			return nil, err
		}
		for _, l := range ls {
			subject := linkSubject(l.Subject, d, reg, base)
			if subject == "" {
				return nil, fmt.Errorf("%s:%d: %q is neither an IRI nor the name of a body or person", file, l.Line, l.Subject)
			}
			out[subject] = union(out[subject], l.SameAs)
		}
	}
	return out, nil
}

// linkSubject resolves a links row's subject: our IRI as given, else a body
// of the registry, else a person of the register, else a body found by the
// form of its name (its IRI is the slug of the name).
func linkSubject(s string, d *detection, reg *people.Register, base string) quad.IRI {
	switch {
	case strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"):
		return quad.IRI(s)
	case d.registry.Lookup(s) != nil:
		return quad.IRI(base + "body/" + d.registry.Lookup(s).ID)
	case reg.Resolve(s) != nil:
		return quad.IRI(base + "person/" + reg.Resolve(s).ID)
	case slug.Of(s) != "":
		return quad.IRI(base + "body/" + slug.Of(s))
	}
	return ""
}

func union(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
