package claims

import (
	"os"
	"testing"

	"github.com/assemblykg/assemblykg/internal/corpus"
)

// TestMayHoldFigure checks that no sentence the figure reader finds a
// figure in is passed over by mayHoldFigure, on figures printed every way
// the reader knows and on every sentence of the evaluation corpora.
func TestMayHoldFigure(t *testing.T) {
	texts := []string{
		"Two-thirds of stations are step-free. A third of buses are electric. Fares were halved last year.",
		"One in four Londoners rents. One in ten homes is empty. Half of the budget went on policing, down by a quarter.",
		"We built a hundred homes and a dozen schools. One thousand officers joined. Nearly a quarter of a million people ride.",
		"TWENTY-ONE stations closed. Sixty officers left in Forty days. Halving the gap is the aim.",
		"The cost rose to £3.5bn in 2019. Crime fell 12% over ٣ years.",
		"Nothing here counts anything at all. Is that right?",
	}
	if b, err := os.ReadFile("testdata/unseen.txt"); err == nil {
		texts = append(texts, string(b))
	}
	for _, c := range corpus.Annotated {
		gold, err := corpus.LoadGold[goldFile](c)
		if err != nil {
			t.Fatal(err)
		}
		if gold == nil {
			continue
		}
		for _, name := range gold.Names {
			src, err := os.ReadFile(gold.File(name))
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, transcriptTexts(string(src))...)
		}
	}
	var withFigures, skipped int
	for _, text := range texts {
		rt := newRuneText(text)
		for _, s := range rt.sentences() {
			st := newSentenceText(s)
			figs := rt.scan(st).figures()
			if len(figs) > 0 {
				withFigures++
			}
			if !mayHoldFigure(st) {
				skipped++
				if len(figs) > 0 {
					t.Errorf("mayHoldFigure passes over %q, which holds %d figures", s.Text, len(figs))
				}
			}
		}
	}
	if withFigures < 10 || skipped == 0 {
		t.Errorf("%d sentences with figures, %d passed over: the test reads too little", withFigures, skipped)
	}
	t.Logf("%d sentences with figures, %d without a digit or number word", withFigures, skipped)
}
