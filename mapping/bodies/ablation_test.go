package bodies

import (
	"fmt"
	"testing"

	"github.com/assemblykg/assemblykg/internal/corpus"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/transcript"
)

// devFile is one transcript of the development corpus, read into turns,
// with its gold bodies.
type devFile struct {
	name  string
	turns []string
	gold  []goldBody
}

func readDevCorpus(t *testing.T) []devFile {
	t.Helper()
	gold, err := corpus.LoadGold[goldFile](corpus.Dev)
	if err != nil {
		t.Fatal(err)
	}
	if gold == nil {
		t.Skip("no development corpus beside the repository")
	}
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	rd := transcript.NewReader(reg)
	var out []devFile
	for _, name := range gold.Names {
		g := gold.Files[name]
		tr, err := rd.ReadFile(gold.File(name))
		if err != nil {
			t.Fatal(err)
		}
		f := devFile{name: name, gold: g.Bodies}
		for _, turn := range tr.Turns {
			f.turns = append(f.turns, turn.Text)
		}
		out = append(out, f)
	}
	return out
}

// ablate returns reg without every body one of whose names, aliases or
// acronyms is a name or alias of a body in the gold of files: what is left
// finds those bodies only by the form of their names and by definitions in
// the text.
func ablate(reg *Registry, files []devFile) (*Registry, int) {
	forms := map[string]bool{}
	for _, f := range files {
		for _, g := range f.gold {
			forms[bodyKey(g.Name)] = true
			for _, a := range g.Aliases {
				forms[bodyKey(a)] = true
			}
		}
	}
	out, removed := New(), 0
	for _, b := range reg.Bodies() {
		hit := false
		for _, n := range append(append([]string{b.Name}, b.Aliases...), b.Acronyms...) {
			hit = hit || forms[bodyKey(n)]
		}
		if hit {
			removed++
			continue
		}
		out.Add(b)
	}
	return out, removed
}

// scoreFiles detects bodies in every turn of files, in order, and scores
// them as the evaluation script does (see scoreSpans).
func scoreFiles(d *Detector, files []devFile, logf func(string, ...any)) score {
	var total score
	for _, f := range files {
		s, missed, extra := scoreSpans(d, f.turns, f.gold)
		total.add(s)
		if logf != nil && len(missed)+len(extra) > 0 {
			logf("%s: missed %q extra %q", f.name, missed, extra)
		}
	}
	return total
}

func (s score) String() string {
	p, r, f := s.prf()
	return fmt.Sprintf("precision %.3f (%d/%d) recall %.3f (%d/%d) F1 %.3f", p, s.tpGot, s.got, r, s.tpGold, s.gold, f)
}

// halves splits files into those at even and at odd positions of the
// sorted list: a rule written while looking at one half is checked on the
// other.
func halves(files []devFile) (even, odd []devFile) {
	for i, f := range files {
		if i%2 == 0 {
			even = append(even, f)
		} else {
			odd = append(odd, f)
		}
	}
	return even, odd
}

// TestRegistryAblation scores detection on the development corpus twice:
// with the whole registry, and with every body the gold names removed from
// it, so that only the form of names and definitions in the text can find
// them. The second is the best proxy for transcripts that name bodies the
// registry does not know. Both are scored on the whole corpus and on its
// two halves.
func TestRegistryAblation(t *testing.T) {
	files := readDevCorpus(t)
	full := defaultRegistry(t)
	ablated, removed := ablate(full, files)
	even, odd := halves(files)
	dFull, dAbl := NewDetector(full), NewDetector(ablated)
	var logf func(string, ...any)
	if testing.Verbose() {
		logf = t.Logf
	}
	all := scoreFiles(dAbl, files, logf)
	rows := []struct {
		name  string
		files []devFile
	}{{"all", files}, {"even", even}, {"odd", odd}}
	t.Logf("quality: bodies in %d dev transcripts; ablation removes %d of %d registry bodies", len(files), removed, full.Len())
	for _, r := range rows {
		t.Logf("quality: %-4s full registry: %v", r.name, scoreFiles(dFull, r.files, nil))
		abl := scoreFiles(dAbl, r.files, nil)
		t.Logf("quality: %-4s ablated:       %v", r.name, abl)
		if p, rec, _ := abl.prf(); rec < ablationMinHalfRecall || p < ablationMinPrecision {
			t.Errorf("ablation, %s files: %v; want recall >= %.2f at precision >= %.2f", r.name, abl, ablationMinHalfRecall, ablationMinPrecision)
		}
	}
	p, rec, _ := all.prf()
	if rec < ablationMinRecall || p < ablationMinPrecision {
		t.Errorf("ablation: %v; want recall >= %.2f at precision >= %.2f", all, ablationMinRecall, ablationMinPrecision)
	}
}

// The floor the ablation score must keep.
const (
	ablationMinRecall    = 0.75
	ablationMinPrecision = 0.90
	// each half, so that a rule written for one half cannot lower the other
	ablationMinHalfRecall = 0.70
)
