package bodies

import (
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/assemblykg/assemblykg/internal/corpus"
)

type goldBody struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

type goldFile struct {
	Bodies []goldBody `json:"bodies"`
}

// bodyKey is the key eval.py compares bodies by.
func bodyKey(s string) string {
	s = norm.NFC.String(s)
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "&", " and ")
	s = strings.ReplaceAll(s, "’", "'")
	s = regexp.MustCompile(`^the\s+`).ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\'' || r == ' ' || unicode.Is(unicode.Mn, r) {
			return r
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

var labelLine = regexp.MustCompile(`(?m)^[ \t]*(?:The Chair|[A-Z][\p{L}'’.\- ]{1,60}?(?:\s*\([^)\n]*\))|[A-Z][\p{L}'’.\- ]{1,60}? AM)[ \t]*:[ \t]*`)

// splitTranscript is a crude split of a transcript into question and answer
// text, enough to score detection: the question follows the "Asked Of:"
// value line, the answer the "Answered By:" value line; speaker labels at
// line starts are removed.
func splitTranscript(text string) []string {
	lines := strings.Split(text, "\n")
	var q, a []string
	state := 0
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		switch {
		case state == 0 && strings.HasPrefix(t, "Asked Of:"):
			i++ // the value line
			state = 1
		case state == 1 && strings.HasPrefix(t, "Answer for "):
			state = 2
		case state == 2 && strings.HasPrefix(t, "Answered By:"):
			i++
			state = 3
		case state == 1:
			q = append(q, l)
		case state == 3:
			a = append(a, l)
		}
	}
	strip := func(ls []string) string { return labelLine.ReplaceAllString(strings.Join(ls, "\n"), "") }
	return []string{strip(q), strip(a)}
}

type score struct{ tpGot, got, tpGold, gold int }

func (s score) prf() (p, r, f float64) {
	if s.got > 0 {
		p = float64(s.tpGot) / float64(s.got)
	}
	if s.gold > 0 {
		r = float64(s.tpGold) / float64(s.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func (s *score) add(o score) {
	s.tpGot += o.tpGot
	s.got += o.got
	s.tpGold += o.tpGold
	s.gold += o.gold
}

// scoreSpans detects bodies in spans, in order, with one scanner, and scores
// them against gold as the evaluation script does: a found body matches a
// gold body when its name or one of the surfaces it was found by is a form
// of the gold body. It also returns the gold bodies missed and the keys of
// the bodies found that match none, sorted.
func scoreSpans(d *Detector, spans []string, gold []goldBody) (s score, missed, extra []string) {
	sc := d.Scanner()
	got := map[string]map[string]bool{} // body key -> surface keys
	for _, span := range spans {
		for _, m := range sc.Find(span) {
			k := bodyKey(m.Body.Name)
			if got[k] == nil {
				got[k] = map[string]bool{}
			}
			got[k][bodyKey(m.Surface)] = true
		}
	}
	matched := map[string]bool{}
	for _, g := range gold {
		forms := map[string]bool{bodyKey(g.Name): true}
		for _, a := range g.Aliases {
			forms[bodyKey(a)] = true
		}
		hit := false
		for k, surfaces := range got {
			ok := forms[k]
			for sf := range surfaces {
				ok = ok || forms[sf]
			}
			if ok {
				hit = true
				matched[k] = true
			}
		}
		if hit {
			s.tpGold++
		} else {
			missed = append(missed, g.Name)
		}
	}
	for k := range got {
		if !matched[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(extra)
	s.gold, s.got, s.tpGot = len(gold), len(got), len(matched)
	return s, missed, extra
}

func TestCorpusBodies(t *testing.T) {
	d := NewDetector(defaultRegistry(t))
	var total score
	files := 0
	for _, c := range corpus.Annotated {
		gold, err := corpus.LoadGold[goldFile](c)
		if err != nil {
			t.Fatal(err)
		}
		if gold == nil {
			t.Logf("skipping %s: not beside the repository", c)
			continue
		}
		for _, name := range gold.Names {
			text, err := os.ReadFile(gold.File(name))
			if err != nil {
				t.Fatalf("%v", err)
			}
			files++
			s, missed, extra := scoreSpans(d, splitTranscript(string(text)), gold.Files[name].Bodies)
			if len(missed)+len(extra) > 0 {
				t.Logf("%s: missed %q extra %q", name, missed, extra)
			}
			total.add(s)
		}
	}
	if files == 0 {
		t.Skip("no evaluation corpus beside the repository (../shared/seeds, ../shared/corpus/dev)")
	}
	p, r, f := total.prf()
	t.Logf("bodies over %d files: precision %.3f (%d/%d) recall %.3f (%d/%d) F1 %.3f",
		files, p, total.tpGot, total.got, r, total.tpGold, total.gold, f)
	if f < 0.95 {
		t.Errorf("body F1 %.3f, want >= 0.95", f)
	}
}
