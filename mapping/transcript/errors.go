package transcript

import (
	"errors"
	"fmt"
)

// Errors for input that is not a transcript. A *ParseError wraps one of them.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary data, not a text transcript")
	ErrNotUTF8  = errors.New("not UTF-8 text")
	ErrNoHeader = errors.New("no transcript header (expected Session date:, Question By:, Asked Of: and Answered By: lines)")
	ErrTooLarge = errors.New("too large for a transcript")
)

// ParseError is an error at a position of a transcript file. Line and Col
// are 1-based; Col counts code points.
type ParseError struct {
	File string
	Line int
	Col  int
	Err  error
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// MarshalText writes the error as its message, "file:line:col: reason".
func (e *ParseError) MarshalText() ([]byte, error) { return []byte(e.Error()), nil }
