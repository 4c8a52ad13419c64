package main

import "os"

// isTerminal reports whether f is a character device (a terminal), so that
// progress is shown to people and not written into pipes and logs.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
