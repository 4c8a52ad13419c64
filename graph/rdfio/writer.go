package rdfio

import (
	"bufio"
	"io"

	"github.com/cayleygraph/quad"
)

// Writer streams quads into one serialisation. Close flushes buffered
// output and returns the first error met while writing; it does not close
// the underlying io.Writer. After an error every later call returns the
// same error.
type Writer = quad.WriteCloser

var (
	_ Writer = (*lineWriter)(nil)
	_ Writer = (*turtleWriter)(nil)
	_ Writer = (*jsonldWriter)(nil)
)

// base is what every writer shares: buffered output, the term checker, the
// first error met, which every later call returns, and the closed flag.
type base struct {
	check  checker
	w      *bufio.Writer
	buf    []byte
	err    error
	closed bool
}

func newBase(w io.Writer) base {
	return base{w: bufio.NewWriterSize(w, 64<<10), check: checker{objects: recent[struct{}]{max: maxCheckedObjects}}}
}

// accept returns the error that stops q from being written: the writer is
// closed, an earlier error, or a term of q that the formats cannot carry.
func (b *base) accept(q quad.Quad) error {
	if b.closed {
		return ErrClosed
	}
	if b.err != nil {
		return b.err
	}
	if err := b.check.check(q); err != nil {
		b.err = err
	}
	return b.err
}

// write writes p unless an error was met.
func (b *base) write(p []byte) {
	if b.err == nil {
		_, b.err = b.w.Write(p)
	}
}

// close runs finish, which writes what ends the document, and flushes the
// output, once and only when no error was met.
func (b *base) close(finish func()) error {
	if !b.closed && b.err == nil {
		finish()
		if b.err == nil {
			b.err = b.w.Flush()
		}
	}
	b.closed = true
	return b.err
}
