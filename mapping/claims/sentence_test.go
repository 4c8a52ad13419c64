package claims

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func sentenceTexts(ss []Sentence) []string {
	if len(ss) == 0 {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Text
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviations", "Mr. Smith met Dr. Jones at St. Paul's. They talked.",
			[]string{"Mr. Smith met Dr. Jones at St. Paul's.", "They talked."}},
		{"mrs and no before a number", "Mrs. Hill lives at No. 10 with her cat. It is big.",
			[]string{"Mrs. Hill lives at No. 10 with her cat.", "It is big."}},
		{"no as a reply", "No. I will not.", []string{"No.", "I will not."}},
		{"e.g. i.e. etc. vs.", "Bins e.g. Wheelie bins, i.e. Large ones. Police, fire etc. are here. Cars vs. Bikes.",
			[]string{"Bins e.g. Wheelie bins, i.e. Large ones.", "Police, fire etc. are here.", "Cars vs. Bikes."}},
		{"etc. before a capital", "We fund buses, trams etc. The rest is TfL's.",
			[]string{"We fund buses, trams etc.", "The rest is TfL's."}},
		{"initials", "I met J. Smith and A. B. Jones today. Then I left.",
			[]string{"I met J. Smith and A. B. Jones today.", "Then I left."}},
		{"decimals and money", "We spent £2.3 million on 2.5 schemes. Then we stopped.",
			[]string{"We spent £2.3 million on 2.5 schemes.", "Then we stopped."}},
		{"money opens a sentence", "It was spent. £5 million went on buses.",
			[]string{"It was spent.", "£5 million went on buses."}},
		{"times", "It was issued at 10.02am. I mean what is the point?",
			[]string{"It was issued at 10.02am.", "I mean what is the point?"}},
		{"ellipses inside", "“Shocking... horrifying... slow”: the report. He said so… and left.",
			[]string{"“Shocking... horrifying... slow”: the report.", "He said so… and left."}},
		{"ellipsis before a capital", "He left... Then he came back.",
			[]string{"He left...", "Then he came back."}},
		{"quotes", "He said “We need more to be done.” Do you agree? ‘Yes.’ She nodded.",
			[]string{"He said “We need more to be done.”", "Do you agree?", "‘Yes.’", "She nodded."}},
		{"no-break spaces", "As of August\u00a02017, there were 59 arrests.\u00a0 Unfortunately it fell.\u00a0",
			[]string{"As of August\u00a02017, there were 59 arrests.", "Unfortunately it fell."}},
		{"blank line always ends", "A heading without a stop\n\nThe next paragraph. Goes on\n\n\nand ends",
			[]string{"A heading without a stop", "The next paragraph.", "Goes on", "and ends"}},
		{"list items and table rows", "The figures are:\n2013/14 - 16 new ranks\n2014/15 - 13 new ranks\nCamden 1\nEaling 1",
			[]string{"The figures are:", "2013/14 - 16 new ranks", "2014/15 - 13 new ranks", "Camden 1", "Ealing 1"}},
		{"wrapped line in lower case goes on", "This line goes\non in lower case. End.",
			[]string{"This line goes\non in lower case.", "End."}},
		{"editorial insertions", "The Section 67 appointments [made under Section 67. Of the Act] were made. Dany Cotton [QFSM] agreed.",
			[]string{"The Section 67 appointments [made under Section 67. Of the Act] were made.", "Dany Cotton [QFSM] agreed."}},
		{"an aside in brackets", "(This is an aside.) The next sentence.",
			[]string{"(This is an aside.)", "The next sentence."}},
		{"stray stop after a question", "Would you attend every two weeks? .\n\nNext.",
			[]string{"Would you attend every two weeks? .", "Next."}},
		{"exclamation and question", "Name some! There are so many? Yes.",
			[]string{"Name some!", "There are so many?", "Yes."}},
		{"interruptions", "I am happy to --\nKnife crime is up.",
			[]string{"I am happy to --", "Knife crime is up."}},
		{"empty", "", nil},
		{"only space", " \n\u00a0\n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.in)
			if texts := sentenceTexts(got); !reflect.DeepEqual(texts, tt.want) {
				t.Fatalf("Sentences(%q)\n got %q\nwant %q", tt.in, texts, tt.want)
			}
			checkSentences(t, tt.in, got)
		})
	}
}

// checkSentences asserts the offset invariants of a segmentation.
func checkSentences(t *testing.T, text string, ss []Sentence) {
	t.Helper()
	runes := []rune(text)
	prevEnd, prevByte := 0, 0
	for _, s := range ss {
		if s.Begin < prevEnd || s.End <= s.Begin || s.End > len(runes) {
			t.Fatalf("sentence %q at [%d,%d) after %d in %d code points", s.Text, s.Begin, s.End, prevEnd, len(runes))
		}
		if s.ByteBegin < prevByte || s.ByteEnd > len(text) || s.ByteEnd <= s.ByteBegin {
			t.Fatalf("sentence %q at bytes [%d,%d)", s.Text, s.ByteBegin, s.ByteEnd)
		}
		if got := string(runes[s.Begin:s.End]); got != s.Text {
			t.Fatalf("code points [%d,%d) hold %q, Text is %q", s.Begin, s.End, got, s.Text)
		}
		if got := text[s.ByteBegin:s.ByteEnd]; got != s.Text {
			t.Fatalf("bytes [%d,%d) hold %q, Text is %q", s.ByteBegin, s.ByteEnd, got, s.Text)
		}
		if strings.TrimSpace(s.Text) != s.Text || s.Text == "" {
			t.Fatalf("sentence %q is not trimmed", s.Text)
		}
		if utf8.RuneCountInString(text[:s.ByteBegin]) != s.Begin {
			t.Fatalf("byte and code-point offsets disagree for %q", s.Text)
		}
		prevEnd, prevByte = s.End, s.ByteEnd
	}
}

// A text without sentence breaks is cut into sentences of at most
// MaxSentence code points, at spaces, so that claims quoting their sentence
// do not grow with the text.
func TestSentencesCapped(t *testing.T) {
	text := strings.Repeat("and the borough built 12 homes for 300 families ", 500)
	ss := Sentences(text)
	if len(ss) < 2 {
		t.Fatalf("got %d sentences", len(ss))
	}
	for i, s := range ss {
		if n := s.End - s.Begin; n > MaxSentence {
			t.Errorf("sentence %d has %d code points, more than %d", i, n, MaxSentence)
		}
		if i > 0 && strings.TrimSpace(text[ss[i-1].ByteEnd:s.ByteBegin]) != "" {
			t.Errorf("text lost between sentences %d and %d", i-1, i)
		}
		if i > 0 && text[s.ByteBegin-1] != ' ' {
			t.Errorf("sentence %d starts inside a word: %q", i, s.Text[:20])
		}
	}
	if got := len(Find(text)); got != 1000 {
		t.Errorf("got %d claims, want 1000 (two per phrase)", got)
	}
}
