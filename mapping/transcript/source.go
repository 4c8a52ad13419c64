package transcript

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SidecarExtensions are the extensions of the files that give the address
// of the page a transcript was taken from: "001.source" or "001.url" beside
// "001.txt". The first one found is used.
var SidecarExtensions = []string{".source", ".url"}

// ReadSourceURL returns the page address a sidecar file beside the
// transcript at path gives, or "" when there is no sidecar. The address is
// the first word of the sidecar's first non-blank line (what follows it,
// such as "(found 2026-11-29)", is a note for people) and must be an
// http(s) URL; otherwise the error names the sidecar and its line.
func ReadSourceURL(path string) (string, error) {
	stem := strings.TrimSuffix(path, filepath.Ext(path))
	for _, ext := range SidecarExtensions {
		name := stem + ext
		f, err := os.Open(name)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return "", err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		line := 0
		for sc.Scan() {
			line++
			fields := strings.Fields(sc.Text())
			if len(fields) == 0 {
				continue
			}
			u := fields[0]
			if !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) || strings.ContainsAny(u, "<>\"{}|^`\\") {
				return "", &ParseError{File: name, Line: line, Col: 1, Err: fmt.Errorf("%q is not an http(s) address", u)}
			}
			return u, nil
		}
		if err := sc.Err(); err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		return "", &ParseError{File: name, Err: errors.New("no address in the file")}
	}
	return "", nil
}
