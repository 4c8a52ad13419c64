// Package proc tells whether a process still runs, so that the temporary
// files a killed process left (named with its pid) can be told from those of
// a process at work.
package proc
