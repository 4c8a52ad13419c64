package mapping

import (
	"slices"
	"strconv"

	"github.com/assemblykg/assemblykg/mapping/bodies"
	"github.com/assemblykg/assemblykg/mapping/claims"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/slug"
	"github.com/assemblykg/assemblykg/mapping/transcript"
)

// Find runs body, Act and claim detection over every turn of t and gives
// what it found with offsets into t's text. It is safe for concurrent use: each
// transcript gets a scanner of its own.
func (m *Mapper) Find(t *transcript.Transcript) Findings {
	var f Findings
	if t.Group != "" {
		f.Group = m.bodies.Lookup(t.Group)
		if f.Group != nil && f.Group.Kind == "party" {
			// A party printed as the group ("Liberal Democrats") is its
			// group in the Assembly.
			if g := m.bodies.Lookup(people.AssemblyGroup(f.Group.Name)); g != nil {
				f.Group = g
			}
		}
		if f.Group == nil {
			f.Group = &bodies.Body{ID: slug.Of(t.Group), Name: t.Group, Kind: "assembly-group", FoundByForm: true}
		}
	}
	sc := m.detector.Scanner()
	defer sc.Close()
	acts := sc.ActScanner(m.acts)
	for _, turn := range t.Turns {
		named := acts.Find(turn.Text)
		for _, am := range named {
			f.Acts = append(f.Acts, ActMention{
				Act:     am.Act,
				Surface: am.Surface,
				Begin:   turn.TextSpan.Begin + am.Begin,
				End:     turn.TextSpan.Begin + am.End,
				Turn:    turn.Position,
			})
		}
		// A body named inside an Act's title is part of the title.
		found := slices.DeleteFunc(sc.Find(turn.Text), func(mn bodies.Mention) bool {
			return slices.ContainsFunc(named, func(am bodies.ActMention) bool { return mn.Begin < am.End && am.Begin < mn.End })
		})
		for _, mn := range found {
			f.Mentions = append(f.Mentions, Mention{
				Body:    mn.Body,
				Surface: mn.Surface,
				Begin:   turn.TextSpan.Begin + mn.Begin,
				End:     turn.TextSpan.Begin + mn.End,
				Turn:    turn.Position,
			})
		}
		next := 0
		for _, c := range claims.Find(turn.Text) {
			mc := Claim{
				Kind:     claimKinds[c.Kind],
				Turn:     turn.Position,
				Sentence: c.Sentence.Text,
				Begin:    turn.TextSpan.Begin + c.Sentence.Begin,
				End:      turn.TextSpan.Begin + c.Sentence.End,
				Period:   c.Period,
				// The figure's offsets name the claim.
				FigureBegin: turn.TextSpan.Begin + c.Begin,
				FigureEnd:   turn.TextSpan.Begin + c.End,
			}
			if c.Kind == claims.Numeric {
				mc.Value = strconv.FormatFloat(c.Value, 'f', -1, 64)
				mc.Unit = c.Unit
				mc.UnitCode = c.Currency
			}
			// mentions and claims come in text order: skip the mentions
			// before the sentence once, and look only at those inside it
			for next < len(found) && found[next].End <= c.Sentence.Begin {
				next++
			}
			for _, mn := range found[next:] {
				if mn.Begin >= c.Sentence.End {
					break
				}
				if mn.Begin >= c.Sentence.Begin && mn.End <= c.Sentence.End && !slices.Contains(mc.About, mn.Body) {
					mc.About = append(mc.About, mn.Body)
				}
			}
			f.Claims = append(f.Claims, mc)
		}
	}
	return f
}

var claimKinds = map[claims.Kind]ClaimKind{
	claims.Numeric:    NumericClaim,
	claims.Commitment: Commitment,
	claims.Agreement:  Agreement,
	claims.Refusal:    Refusal,
}
