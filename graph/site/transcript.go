package site

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
)

// transcriptView is a transcript ready to show: its text cut into the
// stretches between turns and the turns, with mentions and claims marked.
type transcriptView struct {
	*store.Transcript
	Parts   []part
	Claims  int
	Mention int
	TextDoc string // the text node's document (text/plain)
}

// part is a stretch of the text: a turn, or what lies between turns.
type part struct {
	Turn     *store.Turn
	HTML     template.HTML
	Mentions []store.Ref // bodies mentioned in the turn
}

func (s *Site) transcriptData(t *store.Transcript) *transcriptView {
	v := &transcriptView{Transcript: t, TextDoc: s.DocPath(t.TextNode)}
	for _, sp := range t.Spans {
		if sp.Kind == "claim" {
			v.Claims++
		} else {
			v.Mention++
		}
	}
	runes := []rune(t.Text)
	ids := map[string]bool{}
	pos := 0
	for i := range t.Turns {
		turn := &t.Turns[i]
		b, e := clamp(turn.Begin, len(runes)), clamp(turn.End, len(runes))
		if b < pos || e < b {
			continue // out of order: shown as the plain text around it
		}
		if b > pos {
			v.Parts = append(v.Parts, part{HTML: s.marked(runes, pos, b, t.Spans, ids)})
		}
		p := part{Turn: turn, HTML: s.marked(runes, b, e, t.Spans, ids)}
		seen := map[quad.IRI]bool{}
		for _, sp := range t.Spans {
			if sp.Kind == "mention" && sp.Begin >= b && sp.End <= e && !seen[sp.Target.IRI] {
				seen[sp.Target.IRI] = true
				p.Mentions = append(p.Mentions, sp.Target)
			}
		}
		v.Parts = append(v.Parts, p)
		pos = e
	}
	if pos < len(runes) {
		v.Parts = append(v.Parts, part{HTML: s.marked(runes, pos, len(runes), t.Spans, ids)})
	}
	return v
}

func clamp(n, hi int) int { return min(max(n, 0), hi) }

// marked writes the text [b, e) escaped, with each span inside it marked:
// a mention as <mark class="mention">, a claim as <span class="claim">,
// each with the id char=BEGIN,END (RFC 5147) so that #char=BEGIN,END
// scrolls to it. Spans nest; one that crosses the end of an enclosing span
// is cut there.
func (s *Site) marked(runes []rune, b, e int, spans []store.Span, ids map[string]bool) template.HTML {
	var out strings.Builder
	type open struct {
		end   int
		close string
	}
	var stack []open
	pos := b
	text := func(to int) {
		if to > pos {
			out.WriteString(template.HTMLEscapeString(string(runes[pos:to])))
			pos = to
		}
	}
	pop := func() {
		top := stack[len(stack)-1]
		text(top.end)
		out.WriteString(top.close)
		stack = stack[:len(stack)-1]
	}
	for _, sp := range spans {
		if sp.Begin < b || sp.End > e || sp.Begin >= sp.End {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].end <= sp.Begin {
			pop()
		}
		text(sp.Begin)
		end := sp.End
		if len(stack) > 0 {
			end = min(end, stack[len(stack)-1].end)
		}
		id := fmt.Sprintf("char=%d,%d", sp.Begin, sp.End)
		attrs := ""
		if !ids[id] {
			ids[id] = true
			attrs = ` id="` + id + `"`
		}
		if sp.Kind == "mention" {
			title := sp.Target.Name
			if title == "" {
				title = string(sp.Target.IRI)
			}
			fmt.Fprintf(&out, `<mark class="mention"%s data-body="%s" title="%s">`, attrs,
				template.HTMLEscapeString(s.href(sp.Target.IRI)), template.HTMLEscapeString(title))
			stack = append(stack, open{end, "</mark>"})
		} else {
			fmt.Fprintf(&out, `<span class="claim"%s title="%s">`, attrs, template.HTMLEscapeString("claim: "+sp.Note))
			stack = append(stack, open{end, "</span>"})
		}
	}
	for len(stack) > 0 {
		pop()
	}
	text(e)
	return template.HTML(out.String())
}
