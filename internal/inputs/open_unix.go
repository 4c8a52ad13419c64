//go:build unix

package inputs

import (
	"os"
	"syscall"
)

// openNoWait opens path for reading without waiting for a FIFO's writer.
// For a regular file the flag changes nothing.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
