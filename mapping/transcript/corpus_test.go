package transcript_test

import (
	"testing"

	"github.com/assemblykg/assemblykg/internal/corpus"
)

// goldFile is the part of a corpus's gold.json this stage is judged on.
type goldFile struct {
	SessionDate *string  `json:"session_date"`
	QuestionBy  *string  `json:"question_by"`
	AskedOf     []string `json:"asked_of"`
	Turns       []struct {
		Speaker *string `json:"speaker"`
		Role    *string `json:"role"`
	} `json:"turns"`
}

// TestCorpus reads every transcript of the shared corpora and compares
// turn counts, speakers and roles with their gold.json.
func TestCorpus(t *testing.T) {
	rd := newReader(t)
	judged, right := 0, 0
	for _, c := range corpus.Annotated {
		gold, err := corpus.LoadGold[goldFile](c)
		if err != nil {
			t.Fatal(err)
		}
		if gold == nil {
			t.Logf("skipping %s: the shared corpus sits beside the project", c)
			continue
		}
		for _, name := range gold.Names {
			g := gold.Files[name]
			tr, err := rd.ReadFile(gold.File(name))
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			if len(tr.Turns) != len(g.Turns) {
				t.Errorf("%s: %d turns, gold has %d", name, len(tr.Turns), len(g.Turns))
			}
			for i := 0; i < min(len(tr.Turns), len(g.Turns)); i++ {
				want, got := g.Turns[i], tr.Turns[i].Speaker
				if want.Speaker != nil {
					judged++
					if got.Name == *want.Speaker {
						right++
					} else {
						t.Errorf("%s turn %d: speaker %q, gold %q", name, i, got.Name, *want.Speaker)
					}
				}
				wantRole := ""
				if want.Role != nil {
					wantRole = *want.Role
				}
				if got.Role != wantRole {
					t.Errorf("%s turn %d: role %q, gold %q", name, i, got.Role, wantRole)
				}
			}
			if g.SessionDate != nil && tr.SessionDate != *g.SessionDate {
				t.Errorf("%s: session date %q, gold %q", name, tr.SessionDate, *g.SessionDate)
			}
			if g.QuestionBy != nil && (tr.QuestionBy == nil || tr.QuestionBy.Name != *g.QuestionBy) {
				t.Errorf("%s: question by %+v, gold %q", name, tr.QuestionBy, *g.QuestionBy)
			}
			var asked []string
			for _, a := range tr.AskedOf {
				asked = append(asked, a.Name)
			}
			if len(g.AskedOf) > 0 && !equal(asked, g.AskedOf) {
				t.Errorf("%s: asked of %q, gold %q", name, asked, g.AskedOf)
			}
		}
	}
	if judged > 0 {
		t.Logf("speaker accuracy %d/%d = %.3f", right, judged, float64(right)/float64(judged))
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
