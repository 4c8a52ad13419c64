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
	reg.addPeople(fs)
	fs.Usage = func() {
		fmt.Fprintln(s.err, "usage: assemblykg parse [flags] FILE|DIR|- ...")
		fmt.Fprintln(s.err, "\nPrints one JSON object per transcript: header fields, resolved people and")
		fmt.Fprintln(s.err, "the speech turns with their character offsets.")
		fs.PrintDefaults()
		fmt.Fprintln(s.err, "\nexample:\n  assemblykg parse seeds/transcripts/2017-10-12-modern-day-slavery.txt")
		fmt.Fprintln(s.err, "\nexit codes: 0 all read, 1 an input could not be read (the others are printed), 2 bad flags")
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() == 0 {
		return usagef("no input: give transcript files, folders or - for stdin")
	}
	inputs, failed := collectInputs(fs.Args(), transcriptsOnly, s)
	if len(inputs) == 0 {
		return inputErrors(failed)
	}
	people, err := reg.people()
	if err != nil {
		return err
	}
	rd := transcript.NewReader(people)
	enc := json.NewEncoder(s.out)
	enc.SetIndent("", "  ")
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		t, err := readTranscript(in, rd, s)
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

// inputFailures lists the inputs that could not be used; each was already
// reported on stderr as it happened, so the message only counts them.
type inputFailures []error

func (f inputFailures) Error() string {
	if len(f) == 1 {
		return "1 input could not be used"
	}
	return fmt.Sprintf("%d inputs could not be used", len(f))
}

func (f inputFailures) Unwrap() []error { return f }

// inputErrors returns nil or the failures as an inputFailures.
func inputErrors(failed []error) error {
	if len(failed) == 0 {
		return nil
	}
	return inputFailures(failed)
}

// joinInputErrors adds the failures counted by err, an inputFailures, to
// failed; any other error is returned as it is.
func joinInputErrors(failed []error, err error) error {
	var f inputFailures
	if errors.As(err, &f) {
		failed = append(failed, f...)
	} else if err != nil {
		return err
	}
	return inputErrors(failed)
}

// isInputError reports whether err only says that some inputs failed.
func isInputError(err error) bool {
	var f inputFailures
	return errors.As(err, &f)
}
