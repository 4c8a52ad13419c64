package transcript_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/mapping/transcript"
)

func TestReadSourceURL(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("001.source", "https://www.london.gov.uk/questions/2000/0413 (found 2026-11-29)\nnote\n")
	write("002.url", "\nhttps://example.org/q/2\n")
	write("003.source", "found on the web\n")
	for _, c := range []struct{ file, want, err string }{
		{"001.txt", "https://www.london.gov.uk/questions/2000/0413", ""},
		{"002.txt", "https://example.org/q/2", ""},
		{"003.txt", "", "003.source:1:1: "},
		{"004.txt", "", ""},
	} {
		got, err := transcript.ReadSourceURL(filepath.Join(dir, c.file))
		if got != c.want || (c.err == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), c.err)) {
			t.Errorf("%s: %q, %v; want %q, error %q", c.file, got, err, c.want, c.err)
		}
	}
}
