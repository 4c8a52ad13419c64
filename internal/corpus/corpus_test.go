package corpus_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/assemblykg/assemblykg/internal/corpus"
)

func TestLoadGold(t *testing.T) {
	if corpus.Root() == "" {
		t.Skip("no shared folder beside the repository")
	}
	type turns struct {
		Turns []struct{} `json:"turns"`
	}
	for _, c := range corpus.Annotated {
		g, err := corpus.LoadGold[turns](c)
		if err != nil {
			t.Fatal(err)
		}
		if g == nil {
			t.Logf("no %s", c)
			continue
		}
		if len(g.Names) == 0 || len(g.Names) != len(g.Files) {
			t.Fatalf("%s: %d names, %d files", c, len(g.Names), len(g.Files))
		}
		for _, n := range g.Names {
			if _, err := os.Stat(g.File(n)); err != nil {
				t.Errorf("%s: %v", n, err)
			}
			if len(g.Files[n].Turns) == 0 {
				t.Errorf("%s: no turns in the gold", n)
			}
		}
	}
	if g, err := corpus.LoadGold[turns]("no/such/corpus"); g != nil || err != nil {
		t.Errorf("missing corpus: %v, %v; want nil, nil", g, err)
	}
	if p := corpus.Path("corpus/dev"); p != "" && filepath.Base(p) != "dev" {
		t.Errorf("Path: %s", p)
	}
}
