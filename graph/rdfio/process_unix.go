//go:build unix

package rdfio

import (
	"errors"
	"syscall"
)

// processRuns reports whether a process with this pid exists (one of
// another user counts).
func processRuns(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
