package claims

import (
	"testing"
	"unicode/utf8"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		seedSentence,
		"Mr. Smith met J. Smith at 10.02am. “Shocking... horrifying... slow.” No. 10 said so… and left.",
		"The figures are:\n2013/14 - 16 new ranks\n\nCamden 1\nEaling 1",
		"On the benefit fraud, [the loss] to taxpayers it is £1.1 billion annually. (An aside.) Yes.",
		"Is it 23% up? If we had 500 more, one or two of the 11-16 year olds, from 15 to 10 -- MQ 1769 / 2015",
		"two hundred and fifty thousand pounds, a half, one-third, £5m, 1.2m people, 3bn, 4x4, 1st",
		"\u00a0\n\n\u00a0[(]).?!…\"'’”",
		"I will, jointly with you, write. I could not agree more. No, I really cannot accept that.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		ss := Sentences(text)
		checkSentences(t, text, ss)
		runes := []rune(text)
		for _, c := range Find(text) {
			if c.Begin < 0 || c.End > len(runes) || c.Begin > c.End {
				t.Fatalf("claim %q at [%d,%d) outside %d code points", c.Figure, c.Begin, c.End, len(runes))
			}
			if c.Begin < c.Sentence.Begin || c.End > c.Sentence.End {
				t.Fatalf("claim %q at [%d,%d) outside its sentence [%d,%d)", c.Figure, c.Begin, c.End, c.Sentence.Begin, c.Sentence.End)
			}
			if got := string(runes[c.Begin:c.End]); got != c.Figure {
				t.Fatalf("claim offsets [%d,%d) hold %q, Figure is %q", c.Begin, c.End, got, c.Figure)
			}
			if got := string(runes[c.Sentence.Begin:c.Sentence.End]); got != c.Sentence.Text {
				t.Fatalf("sentence offsets hold %q, Text is %q", got, c.Sentence.Text)
			}
		}
	})
}
