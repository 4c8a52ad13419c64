package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/mapping/transcript"
)

// input is one file named on the command line or found in a folder.
type input struct {
	path string // "-" for stdin
	rdf  string // the RDF format's extension (".nq"), "" for a transcript
}

type inputKinds int

const (
	transcriptsOnly inputKinds = iota
	transcriptsAndRDF
)

// rdfExt returns the extension of path when it names an RDF format that
// can be read, else "".
func rdfExt(path string) string {
	if f, ok := rdfio.ByExt(filepath.Ext(path)); ok && f.NewReader != nil {
		return strings.ToLower(filepath.Ext(path))
	}
	return ""
}

// collectInputs expands folders (recursively, in lexical order) into the
// transcripts (*.txt) and, when kinds allows, RDF files they hold. Files
// named explicitly are used whatever their extension.
func collectInputs(paths []string, kinds inputKinds) ([]input, error) {
	var out []input
	for _, p := range paths {
		if p == "-" {
			out = append(out, input{path: "-"})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !fi.IsDir() {
			in := input{path: p}
			if kinds == transcriptsAndRDF {
				in.rdf = rdfExt(p)
			}
			out = append(out, in)
			continue
		}
		var found []input
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			switch {
			case strings.EqualFold(filepath.Ext(path), ".txt"):
				found = append(found, input{path: path})
			case kinds == transcriptsAndRDF && rdfExt(path) != "":
				found = append(found, input{path: path, rdf: rdfExt(path)})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Slice(found, func(i, j int) bool { return found[i].path < found[j].path })
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: no transcripts (*.txt) in this folder", p)
		}
		out = append(out, found...)
	}
	return out, nil
}

// readTranscript reads the input as a transcript.
func (in input) readTranscript(rd *transcript.Reader, s streams) (*transcript.Transcript, error) {
	if in.path == "-" {
		return rd.Read("<stdin>", s.in)
	}
	return rd.ReadFile(in.path)
}
