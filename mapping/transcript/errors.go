package transcript

import (
	"errors"

	"github.com/assemblykg/assemblykg/internal/textpos"
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
type ParseError = textpos.Error
