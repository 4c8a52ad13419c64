package transcript_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/mapping/transcript"
)

// TestLayouts reads invented transcripts laid out as real ones sometimes
// are: header fields empty, absent or under other names, offices printed
// before names, answers given by someone other than the Mayor, answers
// without labels, texts cut off.
func TestLayouts(t *testing.T) {
	type turn struct{ speaker, role string }
	cases := []struct {
		file       string
		questionBy string // "" for unknown
		turns      []turn
		warnings   []string // line:col and words each warning holds
	}{
		{"empty-fields.txt", "", []turn{
			{"", ""}, {"Boris Johnson", "Mayor of London"}, {"Andrew Boff", ""}, {"Boris Johnson", "Mayor of London"},
		}, []string{`8:1: "question by" value "Will the Mayor say why`, `10:1: "asked of" is empty`, `14:1: "answered by" is empty`}},
		{"absent-fields.txt", "Jenny Jones", []turn{{"Jenny Jones", ""}, {"Boris Johnson", ""}}, nil},
		{"renamed-fields.txt", "Darren Johnson", []turn{{"Darren Johnson", ""}, {"Richard Barnes", ""}}, nil},
		{"office-labels.txt", "Unmesh Desai", []turn{
			{"Unmesh Desai", ""}, {"Sadiq Khan", "Mayor of London"}, {"Sophie Linden", "Deputy Mayor for Policing and Crime"},
			{"Unmesh Desai", ""}, {"Alex Example", "Chief Executive"}, {"Len Duvall", ""},
		}, nil},
		{"cut-off.txt", "Andrew Boff", []turn{{"Andrew Boff", ""}, {"Boris Johnson", ""}}, []string{"13:63: the last turn stops mid-sentence"}},
	}
	rd := newReader(t)
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			tr, err := rd.ReadFile(filepath.Join("testdata", "layouts", c.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := ""; tr.QuestionBy != nil {
				got = tr.QuestionBy.Name
				if got != c.questionBy {
					t.Errorf("question by %q, want %q", got, c.questionBy)
				}
			} else if c.questionBy != "" {
				t.Errorf("question by unknown, want %q", c.questionBy)
			}
			var got []turn
			for _, x := range tr.Turns {
				got = append(got, turn{x.Speaker.Name, x.Speaker.Role})
			}
			if fmt.Sprint(got) != fmt.Sprint(c.turns) {
				t.Errorf("turns (speaker, role)\n got %q\nwant %q", got, c.turns)
			}
			// No sentence becomes a person.
			for _, sp := range append(append(tr.AskedOf, tr.AnsweredBy...), tr.Turns[0].Speaker) {
				if len(strings.Fields(sp.Name)) > 5 || strings.ContainsAny(sp.Name, "?.!") {
					t.Errorf("a sentence became a person: %q", sp.Name)
				}
			}
			if len(tr.Warnings) != len(c.warnings) {
				t.Errorf("warnings %q, want %d", tr.Warnings, len(c.warnings))
			}
			for i, w := range c.warnings {
				if i < len(tr.Warnings) && !strings.Contains(tr.Warnings[i].Error(), c.file+":"+w) {
					t.Errorf("warning %q, want one holding %q", tr.Warnings[i], w)
				}
			}
		})
	}
}

// TestSizeLimits: a file or a turn over the limit is a positioned error.
func TestSizeLimits(t *testing.T) {
	header := "Title\n\nSession date: 2012-06-20\nQuestion By: Murad Qureshi\nAsked Of: The Mayor\n\nQuestion?\n\nAnswer for Title\n\nAnswered By: The Mayor\n\n"
	rd := newReader(t)
	rd.MaxTurnBytes = 1000
	big := header + "Boris Johnson (Mayor of London):  " + strings.Repeat("word ", 300) + "\n"
	_, err := rd.Parse("big-turn.txt", []byte(big))
	var pe *transcript.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, transcript.ErrTooLarge) || pe.Line != 13 || pe.Col != 1035 {
		t.Errorf("turn over the limit: got %v, want big-turn.txt:13:1035: too large", err)
	}
	rd.MaxTurnBytes, rd.MaxFileBytes = 0, 100
	_, err = rd.Read("big-file.txt", strings.NewReader(big))
	if !errors.As(err, &pe) || !errors.Is(err, transcript.ErrTooLarge) || pe.Line != 9 || pe.Col != 10 {
		t.Errorf("file over the limit: got %v, want big-file.txt:9:10: too large", err)
	}
	rd.MaxFileBytes = len(big)
	if _, err := rd.Read("at-limit.txt", strings.NewReader(big)); err != nil {
		t.Errorf("a file at the limit: %v", err)
	}

	// Turns: the question (line 7) is turn 1 of a file of 1 + 5 turns
	// (lines 13, 15, ... 21); the limit of 4 is passed by the fifth, on
	// line 19, with a BOM before the header not moving the column.
	rd.MaxFileBytes = 0
	many := header
	for range 5 {
		many += "Boris Johnson (Mayor of London):  Yes.\n\n"
	}
	rd.MaxTurns = 6
	if tr, err := rd.Parse("six-turns.txt", []byte(many)); err != nil || len(tr.Turns) != 6 {
		t.Fatalf("six turns at a limit of six: %v", err)
	}
	rd.MaxTurns = 4
	for _, src := range []string{many, "\ufeff" + many} {
		_, err = rd.Parse("many-turns.txt", []byte(src))
		if !errors.As(err, &pe) || !errors.Is(err, transcript.ErrTooLarge) || pe.Line != 19 || pe.Col != 1 {
			t.Errorf("turns over the limit: got %v, want many-turns.txt:19:1: too large", err)
		}
	}
}
