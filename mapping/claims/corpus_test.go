package claims

import (
	"math"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/internal/corpus"
)

// goldFile is the part of a transcript's gold annotations claims are
// judged on.
type goldFile struct {
	NumericClaims []struct {
		Speaker  string  `json:"speaker"`
		Value    float64 `json:"value"`
		Unit     string  `json:"unit"`
		Sentence string  `json:"sentence"`
	} `json:"numeric_claims"`
}

// speakerLabel matches a "Name (Role):" speaker label at a line start.
var speakerLabel = regexp.MustCompile(`^[A-Z][^:\n]{0,60}?(?:\([^)\n]*\))?:[\s\x{00A0}]+`)

// transcriptTexts splits a transcript crudely into its question text and
// answer text, without header lines and speaker labels.
func transcriptTexts(src string) []string {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var question, answer []string
	state := 0 // 0 header, 1 asked-of value, 2 question, 3 answer header, 4 answer
	for _, line := range lines {
		trim := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trim, "Asked Of:") && state == 0:
			state = 1
			continue
		case state == 1 && trim != "":
			state = 2
			continue
		case strings.HasPrefix(trim, "Answer for "):
			state = 3
			continue
		case strings.HasPrefix(trim, "Answered By:") && state == 3:
			state = 5
			continue
		case state == 5 && trim != "":
			state = 4
			continue
		}
		line = speakerLabel.ReplaceAllString(line, "")
		switch state {
		case 2:
			question = append(question, line)
		case 4:
			answer = append(answer, line)
		}
	}
	return []string{strings.Join(question, "\n"), strings.Join(answer, "\n")}
}

func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

// TestCorpusNumericValues compares the numeric values Find reports for each
// transcript of the evaluation corpora with the gold annotations, as
// multisets of values per file.
func TestCorpusNumericValues(t *testing.T) {
	var tp, fp, fn, files int
	// counts by half of the sorted file list: a rule written while looking
	// at one half is checked on the other
	var half [2]struct{ tp, fp, fn int }
	for _, c := range corpus.Annotated {
		gold, err := corpus.LoadGold[goldFile](c)
		if err != nil {
			t.Fatal(err)
		}
		if gold == nil {
			t.Logf("skipping %s: not beside the repository", c)
			continue
		}
		names := gold.Names
		for fi, name := range names {
			h := &half[fi%2]
			src, err := os.ReadFile(gold.File(name))
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			files++
			want := map[float64]int{}
			for _, c := range gold.Files[name].NumericClaims {
				want[round6(c.Value)]++
			}
			got := map[float64]int{}
			var found []Claim
			for _, text := range transcriptTexts(string(src)) {
				for _, c := range Find(text) {
					if c.Kind == Numeric {
						got[round6(c.Value)]++
						found = append(found, c)
					}
				}
			}
			for v, n := range got {
				m := min(n, want[v])
				tp += m
				h.tp += m
				if n > m {
					fp += n - m
					h.fp += n - m
					for _, c := range found {
						if round6(c.Value) == v {
							t.Logf("%s: extra %v %q (%q) in %q", name, c.Value, c.Unit, c.Figure, c.Sentence.Text)
						}
					}
				}
			}
			for v, n := range want {
				if miss := n - min(n, got[v]); miss > 0 {
					fn += miss
					h.fn += miss
					t.Logf("%s: missed %v x%d", name, v, miss)
				}
			}
		}
	}
	if files == 0 {
		t.Skip("no evaluation corpus found beside the repository")
	}
	p := ratio(tp, tp+fp)
	r := ratio(tp, tp+fn)
	f1 := 0.0
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	t.Logf("quality: all  numeric claims over %d files: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f F1=%.3f", files, tp, fp, fn, p, r, f1)
	for i, name := range []string{"even", "odd"} {
		h := half[i]
		hp, hr := ratio(h.tp, h.tp+h.fp), ratio(h.tp, h.tp+h.fn)
		t.Logf("quality: %-4s numeric claims: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f", name, h.tp, h.fp, h.fn, hp, hr)
	}
	if f1 < 0.90 {
		t.Errorf("numeric-claim F1 %.3f is below 0.90", f1)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
