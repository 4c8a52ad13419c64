// Package textpos holds the one error type for a position in an input
// file: transcripts, CSV registers and RDF files report malformed input
// with it, as file:line:column: message.
package textpos

import (
	"strconv"
	"strings"
)

// Error is an error at a position of a file. Line and Col are 1-based; a
// zero Line or Col is left out of the message (never "file:0:"), and so is
// an empty File.
type Error struct {
	File      string
	Line, Col int
	Err       error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		b.WriteString(strconv.Itoa(e.Line))
		b.WriteByte(':')
		if e.Col > 0 {
			b.WriteString(strconv.Itoa(e.Col))
			b.WriteByte(':')
		}
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// MarshalText writes the error as its message, "file:line:col: reason", so
// that errors read well in JSON.
func (e *Error) MarshalText() ([]byte, error) { return []byte(e.Error()), nil }
