package main

import (
	"fmt"

	"github.com/assemblykg/assemblykg/internal/inputs"
	"github.com/assemblykg/assemblykg/mapping/transcript"
)

// input is one file named on the command line or found in a folder.
type input = inputs.Input

// What folders are searched for.
const (
	transcriptsOnly   = inputs.Transcripts
	transcriptsAndRDF = inputs.TranscriptsAndRDF
)

// collectInputs expands the paths named on the command line; each path that
// cannot be used is reported on stderr and skipped, and the failures are
// returned to be counted with the others.
func collectInputs(paths []string, kinds inputs.Kinds, s streams) ([]input, []error) {
	found, problems := inputs.Collect(paths, kinds)
	for _, err := range problems {
		fmt.Fprintln(s.err, err)
	}
	return found, problems
}

// readTranscript reads the input as a transcript, with the page address a
// sidecar file beside it gives.
func readTranscript(in input, rd *transcript.Reader, s streams) (*transcript.Transcript, error) {
	r, err := in.Open(s.in)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	t, err := rd.Read(in.Name(), r)
	if err != nil || in.Path == inputs.Stdin {
		return t, err
	}
	if t.SourceURL, err = transcript.ReadSourceURL(in.Path); err != nil {
		return nil, err
	}
	return t, nil
}
