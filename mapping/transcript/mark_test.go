package transcript

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/internal/corpus"
)

// hasLowerPrefix tells of a field name as lower-casing the whole line
// would: checked on every line of the corpora, on lines made of the field
// names with letters that lower-case to ASCII ones, and on random lines.
func TestHasLowerPrefix(t *testing.T) {
	marks := [][]string{markSession, markQuestion, markAsked, markAnswered, markAnswer, markMQT}
	check := func(line string) {
		for _, mark := range marks {
			for _, m := range mark {
				if got, want := hasLowerPrefix(line, m), strings.HasPrefix(strings.ToLower(line), m); got != want {
					t.Errorf("hasLowerPrefix(%q, %q) = %v, want %v", line, m, got, want)
				}
			}
		}
	}
	var lines []string
	for _, f := range corpus.Transcripts() {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	pieces := []string{"", " ", "\u00a0", "İ", "\u212a", "ſ", "’", "\xff", "É", "é"}
	for _, mark := range marks {
		for _, m := range mark {
			lines = append(lines, m, strings.ToUpper(m), m[:len(m)-1], strings.ToUpper(m[:1])+m[1:]+" Jane Doe")
			for _, p := range pieces {
				lines = append(lines, p+m, m[:2]+p+m[2:], strings.Replace(strings.ToUpper(m), "K", "\u212a", 1), strings.Replace(strings.ToUpper(m), "I", "İ", 1), m+p)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "A", "s", "S", "k", "K", "i", "I", "q", "Q", "e", "n", "r", ":", " ", "İ", "\u212a", "ſ", "é", "\xc3"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		lines = append(lines, b.String())
	}
	for _, l := range lines {
		check(l)
	}
}
