package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/assemblykg/assemblykg/mapping/transcript"
)

func init() {
	register("parse", "read transcripts and print their model as JSON", runParse)
}

func runParse(ctx context.Context, name string, args []string, s streams) error {
	fs := newFlags(name, s)
	var reg registryFlags
	reg.add(fs)
	fs.Usage = func() {
		fmt.Fprintln(s.err, "usage: assemblykg parse [flags] FILE|DIR|- ...")
		fmt.Fprintln(s.err, "\nPrints one JSON object per transcript: header fields, resolved people and")
		fmt.Fprintln(s.err, "the speech turns with their character offsets.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() == 0 {
		return usagef("no input: give transcript files, folders or - for stdin")
	}
	inputs, err := collectInputs(fs.Args(), transcriptsOnly)
	if err != nil {
		return err
	}
	people, err := reg.people()
	if err != nil {
		return err
	}
	rd := transcript.NewReader(people)
	enc := json.NewEncoder(s.out)
	enc.SetIndent("", "  ")
	var failed []error
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		t, err := in.readTranscript(rd, s)
		if err != nil {
			fmt.Fprintln(s.err, err)
			failed = append(failed, err)
			continue
		}
		if err := enc.Encode(t); err != nil {
			return err
		}
	}
	return inputErrors(failed)
}

// inputErrors summarises the inputs that could not be used; each was
// already reported on stderr.
func inputErrors(failed []error) error {
	switch len(failed) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("1 input failed: %w", failed[0])
	}
	return fmt.Errorf("%d inputs failed: %w", len(failed), errors.Join(failed...))
}
