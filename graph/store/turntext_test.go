package store

import (
	"math/rand/v2"
	"testing"
)

// A turn's text cut from its source gives the sentences and offsets that
// cutting the whole source into code points gives, with multi-byte and
// invalid characters, and no text for offsets out of range.
func TestTurnText(t *testing.T) {
	alphabet := []string{"a", "b", " ", ".", "!", "\n", "\u00a0", "é", "€", "𝄞", "\xff", "\t"}
	r := rand.New(rand.NewPCG(1, 2))
	checked := 0
	for range 2000 {
		src := ""
		for range r.IntN(40) {
			src += alphabet[r.IntN(len(alphabet))]
		}
		doc := []rune(src)
		tb, te := r.IntN(len(doc)+3)-1, r.IntN(len(doc)+3)-1
		begin := r.IntN(len(doc)+2) - 1
		end := begin + r.IntN(4)
		tt := newTurnText(src, tb, te)
		valid := src != "" && tb >= 0 && tb <= te && te <= len(doc)
		if tt.ok != valid {
			t.Fatalf("%q [%d,%d): ok %v, want %v", src, tb, te, tt.ok, valid)
		}
		if !valid {
			continue
		}
		if string(tt.runes) != string(doc[tb:te]) {
			t.Fatalf("%q [%d,%d): %q, want %q", src, tb, te, string(tt.runes), string(doc[tb:te]))
		}
		want := ""
		if tb <= begin && begin <= end && end <= te {
			left := toLastSentence.ReplaceAllString(toLastLine.ReplaceAllString(string(doc[tb:begin]), ""), "")
			right := afterSentence.ReplaceAllString(fromLineBreak.ReplaceAllString(string(doc[end:te]), ""), "$1")
			want = outerSpace.ReplaceAllString(left+"X"+right, "")
			checked++
		}
		if got := tt.sentence(begin, end, "X"); got != want {
			t.Fatalf("%q [%d,%d) at [%d,%d): %q, want %q", src, tb, te, begin, end, got, want)
		}
		if te > tb {
			sentence := string(doc[tb+(te-tb)/2 : te])
			b, e := tt.find(sentence)
			if b == nil || string(doc[*b:*e]) != sentence || *b < tb || *e > te {
				t.Fatalf("%q [%d,%d): find %q gave %v %v", src, tb, te, sentence, b, e)
			}
		}
	}
	if checked < 200 {
		t.Errorf("only %d sentences checked", checked)
	}
}
