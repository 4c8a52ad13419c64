//go:build unix

package proc

import (
	"errors"
	"syscall"
)

// Runs reports whether a process with this pid exists (one of
// another user counts).
func Runs(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
