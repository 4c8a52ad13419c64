package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/internal/corpus"
	"github.com/assemblykg/assemblykg/internal/validate"
)

// TestGoldScores scores the CLI against the shared gold annotations with
// the shared evaluator, the way a user would (export, then the SPARQL of
// ontology/queries in rdflib), and holds the figures: speaker accuracy 1.0,
// body-mention and speaker-body F1 >= 0.95, numeric-claim F1 >= 0.90.
func TestGoldScores(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	eval := corpus.Path("tools/eval.py")
	if eval == "" {
		t.Skip("no shared evaluator beside the project")
	}
	validate.Rdflib(t)
	bin := filepath.Join(t.TempDir(), "assemblykg")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, c := range corpus.Annotated {
		dir := corpus.Path(c)
		if dir == "" {
			t.Logf("skipping %s: not beside the project", c)
			continue
		}
		cmd := exec.Command(validate.Python, eval, "--bin", bin, "--queries", "../../ontology/queries",
			"--corpus", dir, "--verbose",
			"--min-speaker", "1.0", "--min-body-f1", "0.95", "--min-pair-f1", "0.95", "--min-claim-f1", "0.90")
		out, err := cmd.CombinedOutput()
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		t.Logf("%s: %s", c, lines[len(lines)-1])
		if err != nil {
			t.Errorf("%s below the figures held:\n%s", c, out)
		}
	}
}
