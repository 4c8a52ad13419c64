package transcript_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/transcript"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

func newReader(t testing.TB) *transcript.Reader {
	t.Helper()
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	return transcript.NewReader(reg)
}

const seed = "../../seeds/transcripts/2017-10-12-modern-day-slavery.txt"

// TestSeedGolden compares the model of the seed transcript with
// testdata/seed.golden.json; run with -update to rewrite it.
func TestSeedGolden(t *testing.T) {
	tr, err := newReader(t).ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	got, err := json.MarshalIndent(tr, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(append(got, '\n'), want) {
		t.Errorf("model of the seed differs from %s; rerun with -update and review the diff", golden)
	}
}

func TestSeedTurns(t *testing.T) {
	tr, err := newReader(t).ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Turns) != 14 {
		t.Fatalf("got %d turns, want 14", len(tr.Turns))
	}
	want := []struct{ speaker, role string }{
		{"Jennette Arnold", ""}, {"Sadiq Khan", "Mayor of London"}, {"Jennette Arnold", "Chair"},
	}
	for i, w := range want {
		if got := tr.Turns[i].Speaker; got.Name != w.speaker || got.Role != w.role {
			t.Errorf("turn %d: got %q (%q), want %q (%q)", i, got.Name, got.Role, w.speaker, w.role)
		}
	}
	if tr.Turns[11].Speaker.Name != "Andrew Boff" || tr.Turns[11].Speaker.Role != "" {
		t.Errorf("turn 11: got %+v, want Andrew Boff with no role", tr.Turns[11].Speaker)
	}
	if tr.SessionDate != "2017-10-12" || tr.Title != "Modern Day Slavery" || tr.Group != "Labour Group" {
		t.Errorf("header: got %q %q %q", tr.SessionDate, tr.Title, tr.Group)
	}
	// Offsets point at the text they describe, in code points.
	runes := []rune(tr.Text)
	for _, turn := range tr.Turns {
		if got := string(runes[turn.TextSpan.Begin:turn.TextSpan.End]); got != turn.Text {
			t.Errorf("turn %d: text span gives %q, want %q", turn.Position, got, turn.Text)
		}
	}
	raw, _ := os.ReadFile(seed)
	for _, turn := range tr.Turns {
		if got := string(raw[turn.TextSpan.ByteBegin:turn.TextSpan.ByteEnd]); got != turn.Text {
			t.Errorf("turn %d: byte span gives %q", turn.Position, got)
		}
	}
}

// The layout varies: BOM, CRLF, no-break spaces, labels of every kind.
func TestLabels(t *testing.T) {
	header := "Title\n\nMQT on 2012-06-20\nSession date: \nJune 20, 2012\nQuestion By: \nMurad Qureshi\nLabour Group\nAsked Of: \nThe Mayor\n\nQuestion text?\n\nAnswer for Title\n\nAnswered By: \nThe Mayor\n\n"
	tests := []struct {
		name    string
		answer  string
		speaker string // "" for none
		role    string
		label   string
	}{
		{"name and role", "Boris Johnson (Mayor of London):  Yes.", "Boris Johnson", "Mayor of London", "Boris Johnson (Mayor of London)"},
		{"AM suffix", "Andrew Boff AM:  Yes.", "Andrew Boff", "", "Andrew Boff AM"},
		{"post-nominals and role", "Jennette Arnold OBE AM (Chair):  Yes.", "Jennette Arnold", "Chair", "Jennette Arnold OBE AM (Chair)"},
		{"AM in brackets", "Len Duvall (AM): Yes.", "Len Duvall", "", "Len Duvall (AM)"},
		{"the mayor", "The Mayor: Yes.", "Boris Johnson", "Mayor of London", "The Mayor"},
		{"the chair", "The Chair: Order.", "", "Chair", "The Chair"},
		{"dropped role", "Boris Johnson (): Yes.", "Boris Johnson", "Mayor of London", "Boris Johnson ()"},
		{"dropped word in role", "Boris Johnson (Mayor of ): Yes.", "Boris Johnson", "Mayor of London", "Boris Johnson (Mayor of )"},
		{"misspelt name", "Jeanette Arnold (Chair): Yes.", "Jennette Arnold", "Chair", "Jeanette Arnold (Chair)"},
		{"title and post-nominal", "Sir Bernard Hogan-Howe QPM (Commissioner of Police of the Metropolis): Yes.", "Bernard Hogan-Howe", "Commissioner of Police of the Metropolis", "Sir Bernard Hogan-Howe QPM (Commissioner of Police of the Metropolis)"},
		{"unknown person", "Alex Example (Chief Executive, Example Trust): Yes.", "Alex Example", "Chief Executive, Example Trust", "Alex Example (Chief Executive, Example Trust)"},
		{"no-break spaces", "Sadiq\u00a0Khan (Mayor of London):\u00a0\u00a0Yes.", "Sadiq Khan", "Mayor of London", "Sadiq Khan (Mayor of London)"},
		{"accents", "Siân Berry AM: Yes.", "Siân Berry", "", "Siân Berry AM"},
		{"unlabelled answer", "Yes, and here is why: because.", "Boris Johnson", "", ""},
		{"colon in a sentence", "A few simple questions: the first is this.", "Boris Johnson", "", ""},
		{"time is not a label", "We met at 10:30 and agreed.", "Boris Johnson", "", ""},
	}
	rd := newReader(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tr, err := rd.Parse("label.txt", []byte(header+tc.answer))
			if err != nil {
				t.Fatal(err)
			}
			if len(tr.Turns) != 2 {
				t.Fatalf("got %d turns, want 2: %+v", len(tr.Turns), tr.Turns)
			}
			got := tr.Turns[1]
			if got.Speaker.Name != tc.speaker || got.Speaker.Role != tc.role || got.Label != tc.label {
				t.Errorf("got speaker %q role %q label %q, want %q %q %q", got.Speaker.Name, got.Speaker.Role, got.Label, tc.speaker, tc.role, tc.label)
			}
		})
	}
}

func TestInputAsItComes(t *testing.T) {
	raw, err := os.ReadFile(seed)
	if err != nil {
		t.Fatal(err)
	}
	rd := newReader(t)
	base, err := rd.Parse("seed.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	variants := map[string][]byte{
		"bom":  append([]byte("\ufeff"), raw...),
		"crlf": bytes.ReplaceAll(raw, []byte("\n"), []byte("\r\n")),
		"nbsp": bytes.ReplaceAll(raw, []byte("  "), []byte("\u00a0 ")),
	}
	for name, data := range variants {
		t.Run(name, func(t *testing.T) {
			tr, err := rd.Parse(name+".txt", data)
			if err != nil {
				t.Fatal(err)
			}
			if len(tr.Turns) != len(base.Turns) {
				t.Fatalf("got %d turns, want %d", len(tr.Turns), len(base.Turns))
			}
			runes := []rune(tr.Text)
			for i, turn := range tr.Turns {
				if turn.Speaker.Name != base.Turns[i].Speaker.Name || turn.Speaker.Role != base.Turns[i].Speaker.Role {
					t.Errorf("turn %d: got %+v", i, turn.Speaker)
				}
				if string(runes[turn.TextSpan.Begin:turn.TextSpan.End]) != turn.Text {
					t.Errorf("turn %d: span and text disagree", i)
				}
				if string(data[turn.TextSpan.ByteBegin:turn.TextSpan.ByteEnd]) != turn.Text {
					t.Errorf("turn %d: byte span and text disagree", i)
				}
			}
		})
	}
}

func TestUnknownFieldsAndInsertions(t *testing.T) {
	src := "Unknown\n\nUnknown\nSession date: \nUnknown\nQuestion By: \nUnknown\nUnknown\nAsked Of: \nThe Mayor\n\n\nKeith Prince AM: Will you write to the Secretary of State [for Transport]?\n\n\nAnswer for Unknown\n\nAnswered By: \nThe Mayor\n\nSadiq Khan (Mayor of London): Yes, in 2020 we will.\n"
	tr, err := newReader(t).Parse("unknown.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Title != "" || tr.SessionDate != "" || tr.QuestionBy != nil || tr.Group != "" {
		t.Errorf("unknown fields should be empty: %+v", tr)
	}
	if got := tr.Turns[0].Speaker.Name; got != "Keith Prince" {
		t.Errorf("labelled question: speaker %q, want Keith Prince", got)
	}
	if n := len(tr.Turns[0].Insertions); n != 1 {
		t.Fatalf("got %d insertions, want 1", n)
	}
	ins := tr.Turns[0].Insertions[0]
	if got := string([]rune(tr.Text)[ins.Begin:ins.End]); got != "[for Transport]" {
		t.Errorf("insertion span gives %q", got)
	}
	// With no session date, the Mayor is the holder in the latest year the
	// text mentions.
	if tr.ResolutionDate != "2020-12-31" || tr.Turns[1].Speaker.Name != "Sadiq Khan" {
		t.Errorf("resolution date %q, speaker %q", tr.ResolutionDate, tr.Turns[1].Speaker.Name)
	}
}

// Each kind of bad input gives a *ParseError at the expected position.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		err       error
		line, col int
	}{
		{"empty", "", transcript.ErrEmpty, 1, 1},
		{"only spaces", " \n\u00a0\n\t", transcript.ErrEmpty, 1, 1},
		{"binary", "Title\n\nabc\x00def", transcript.ErrBinary, 3, 4},
		{"not utf-8", "Title\nSession date: \nJun\xe9 2012\n", transcript.ErrNotUTF8, 3, 4},
		{"utf-16", "\xff\xfeT\x00i\x00", transcript.ErrNotUTF8, 1, 1},
		{"no header", "\n\nSome notes about a meeting.\nNothing else.\n", transcript.ErrNoHeader, 3, 1},
	}
	rd := newReader(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rd.Parse("bad.txt", []byte(tc.data))
			var pe *transcript.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("got %v, want a *ParseError", err)
			}
			if !errors.Is(err, tc.err) || pe.Line != tc.line || pe.Col != tc.col || pe.File != "bad.txt" {
				t.Errorf("got %v (line %d col %d), want %v at %d:%d", err, pe.Line, pe.Col, tc.err, tc.line, tc.col)
			}
			if !strings.HasPrefix(err.Error(), "bad.txt:") {
				t.Errorf("message %q does not start with the file", err)
			}
		})
	}
}

func TestTruncated(t *testing.T) {
	src := "Title\n\nSession date: \nJune 20, 2012\nQuestion By: \nMurad Qureshi\nLabour Group\nAsked Of: \nThe Mayor\n\nWhat will you do about"
	tr, err := newReader(t).Parse("cut.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !tr.Truncated || len(tr.Turns) != 1 || tr.Turns[0].Text != "What will you do about" {
		t.Errorf("got truncated=%v turns=%+v", tr.Truncated, tr.Turns)
	}
}

func FuzzParse(f *testing.F) {
	raw, err := os.ReadFile(seed)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Add([]byte("T\nSession date: x\nQuestion By:\nA B\nAsked Of: The Mayor\nq\nAnswered By: The Mayor\nA B (C): d"))
	f.Add([]byte("\ufeffT\r\nAsked Of:\r\n\r\nX Y AM:\u00a0z [w]"))
	rd := newReader(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		tr, err := rd.Parse("fuzz.txt", data)
		if err != nil {
			var pe *transcript.ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Col < 1 {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		n := utf8.RuneCountInString(tr.Text)
		if n != tr.Length {
			t.Fatalf("length %d, text has %d code points", tr.Length, n)
		}
		runes := []rune(tr.Text)
		for _, turn := range tr.Turns {
			for _, s := range append([]transcript.Span{turn.Span, turn.TextSpan}, turn.Insertions...) {
				if s.Begin < 0 || s.Begin > s.End || s.End > n || s.ByteBegin > s.ByteEnd || s.ByteEnd > len(data) {
					t.Fatalf("span %+v outside the input (%d code points, %d bytes)", s, n, len(data))
				}
			}
			if string(runes[turn.TextSpan.Begin:turn.TextSpan.End]) != turn.Text {
				t.Fatalf("turn %d: span and text disagree", turn.Position)
			}
		}
	})
}
