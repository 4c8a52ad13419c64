package synth_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/internal/synth"
)

func newGenerator(t testing.TB, seed uint64) *synth.Generator {
	t.Helper()
	g, err := synth.New(seed)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestDeterministic(t *testing.T) {
	a, b := newGenerator(t, 42), newGenerator(t, 42)
	other := newGenerator(t, 43)
	differ := 0
	for i := range 200 {
		na, da := a.Transcript(i)
		nb, db := b.Transcript(i)
		if na != nb || !bytes.Equal(da, db) {
			t.Fatalf("transcript %d differs between two generators with seed 42", i)
		}
		if _, do := other.Transcript(i); !bytes.Equal(da, do) {
			differ++
		}
	}
	if differ < 190 {
		t.Errorf("seeds 42 and 43 gave %d different transcripts of 200; want nearly all", differ)
	}
}

func TestWriteDirSameWithAnyWorkers(t *testing.T) {
	g := newGenerator(t, 7)
	one, many := t.TempDir(), t.TempDir()
	st1, err := g.WriteDir(context.Background(), one, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	st8, err := g.WriteDir(context.Background(), many, 300, 8)
	if err != nil {
		t.Fatal(err)
	}
	if st1.Files != 300 || st8.Files != 300 || st1.Bytes != st8.Bytes {
		t.Fatalf("stats differ: %+v vs %+v", st1, st8)
	}
	files := 0
	err = filepath.WalkDir(one, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		rel, _ := filepath.Rel(one, path)
		if !regexp.MustCompile(`^20[0-2]\d/\d{6}\.txt$`).MatchString(filepath.ToSlash(rel)) {
			t.Errorf("file %s is not YYYY/NNNNNN.txt", rel)
		}
		a, _ := os.ReadFile(path)
		b, err := os.ReadFile(filepath.Join(many, rel))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s differs between 1 and 8 workers (%v)", rel, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != 300 {
		t.Errorf("found %d files, want 300", files)
	}
}

// TestLayout checks the header of every transcript in the order the
// archive prints it.
func TestLayout(t *testing.T) {
	g := newGenerator(t, 1)
	header := regexp.MustCompile(`^(?:\x{feff})?([^\n]+)\n\n(MQT on (\d{4}-\d\d-\d\d)|Unknown)\n` +
		`Session date:[ \x{a0}]\n([A-Z][a-z]+ \d{1,2}, (\d{4}))\n` +
		`Question By:[ \x{a0}]\n[^\n]+\n[^\n]+\n` +
		`Asked Of:[ \x{a0}]\nThe Mayor\n\n\n[^\n]+\n\n\n` +
		`Answer for ([^\n]+)\n\nAnswer for ([^\n]+)\n\n` +
		`Answered By:[ \x{a0}]\n[^\n]+\n\n\S`)
	for i := range 500 {
		name, data := g.Transcript(i)
		text := strings.ReplaceAll(string(data), "\r\n", "\n")
		m := header.FindStringSubmatch(text)
		if m == nil {
			t.Fatalf("transcript %d (%s) does not have the archive layout:\n%s", i, name, text[:min(len(text), 600)])
		}
		if m[1] != m[6] || m[1] != m[7] {
			t.Errorf("%s: title %q but answers for %q and %q", name, m[1], m[6], m[7])
		}
		if m[3] != "" && !strings.HasPrefix(name, m[3][:4]+"/") {
			t.Errorf("%s: MQT date %s is not in the file's year folder", name, m[3])
		}
		if !strings.HasPrefix(name, m[5]+"/") {
			t.Errorf("%s: session year %s is not the file's year folder", name, m[5])
		}
		if strings.Contains(text, "{") {
			t.Errorf("%s: unfilled slot in %q", name, text)
		}
	}
}

// TestVariety checks that an archive holds the forms the readers must
// handle, in proportions close to the real one's.
func TestVariety(t *testing.T) {
	g := newGenerator(t, 3)
	want := map[string]*regexp.Regexp{
		"CRLF":                 regexp.MustCompile(`\r\n`),
		"no-break space":       regexp.MustCompile("\u00a0"),
		"Name AM:":             regexp.MustCompile(`(?m)^[A-Z][a-z]+ [A-Z][A-Za-z'’-]+ AM:`),
		"Name (AM):":           regexp.MustCompile(`(?m)^[A-Z][^\n:]* \(AM\):`),
		"Name OBE AM (Chair):": regexp.MustCompile(`(?m)^[^\n:]+ OBE AM \(Chair\):`),
		"The Chair:":           regexp.MustCompile(`(?m)^The Chair:`),
		"dropped words":        regexp.MustCompile(`(?m)^Boris Johnson \((?:Mayor of )?\):`),
		"Mayor of London":      regexp.MustCompile(`(?m)^(?:Ken Livingstone|Boris Johnson|Sadiq Khan) \(Mayor of London\):`),
		"official":             regexp.MustCompile(`\((?:Commissioner of Police of the Metropolis|Deputy Mayor for Policing and Crime|London Fire Commissioner)\):`),
		"body with acronym":    regexp.MustCompile(`[A-Z][a-z]+(?: [A-Za-z']+)+ \([A-Z][A-Za-z]+\)`),
		"the Met / TfL":        regexp.MustCompile(`\b(?:the Met|TfL|MPS|MOPAC)\b`),
		"money":                regexp.MustCompile(`£\d[\d,.]*(?:[ \x{a0}](?:million|billion))?`),
		"percentage":           regexp.MustCompile(`\d+(?:%|[ \x{a0}]per cent)`),
		"number in words":      regexp.MustCompile(`\b(?:six|seven|twelve)\b`),
		"editorial bracket":    regexp.MustCompile(`\[[^\]\n]+\]`),
		"Unknown MQT line":     regexp.MustCompile(`\n\nUnknown\r?\n`),
	}
	found := map[string]int{}
	years := map[string]bool{}
	for i := range 2000 {
		name, data := g.Transcript(i)
		years[name[:4]] = true
		for what, re := range want {
			if re.Match(data) {
				found[what]++
			}
		}
	}
	for what := range want {
		if found[what] == 0 {
			t.Errorf("no transcript of 2000 has %s", what)
		}
	}
	if found["CRLF"] > 400 {
		t.Errorf("%d of 2000 transcripts use CRLF; want a few", found["CRLF"])
	}
	for y := 2000; y <= 2021; y++ {
		if !years[fmt.Sprint(y)] {
			t.Errorf("no transcript from %d", y)
		}
	}
}

func BenchmarkTranscript(b *testing.B) {
	g := newGenerator(b, 1)
	var buf []byte
	size := 0
	for i := 0; b.Loop(); i++ {
		_, buf = g.Append(buf[:0], i)
		size += len(buf)
	}
	b.SetBytes(int64(size / max(b.N, 1)))
}
