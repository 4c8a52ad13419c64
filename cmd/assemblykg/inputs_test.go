package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestBadPathsSkipped names a missing file, a FIFO, a folder holding a FIFO
// and a loop of symbolic links beside the seed: each is reported by name,
// the seed is still exported, the exit status is 1, and nothing waits on a
// FIFO.
func TestBadPathsSkipped(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "named.txt")
	folder := filepath.Join(dir, "folder")
	os.Mkdir(folder, 0o755)
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("cannot make a FIFO:", err)
	}
	syscall.Mkfifo(filepath.Join(folder, "pipe.txt"), 0o600)
	loop := filepath.Join(dir, "loop.txt")
	os.Symlink("loop.txt", loop)
	missing := filepath.Join(dir, "missing.txt")
	for _, cmd := range []string{"export", "parse", "load"} {
		t.Run(cmd, func(t *testing.T) {
			args := []string{cmd, missing, fifo, seedDir, folder, loop}
			if cmd == "load" {
				args = append([]string{cmd, "--quiet", "--db", "memory"}, args[1:]...)
			}
			type result struct {
				out, err string
				code     int
			}
			done := make(chan result, 1)
			go func() {
				out, stderr, code := runCLI(t, args...)
				done <- result{out, stderr, code}
			}()
			var r result
			select {
			case r = <-done:
			case <-time.After(60 * time.Second):
				t.Fatal("still running after a minute: waiting on a FIFO?")
			}
			if r.code != exitError {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.code, exitError, r.err)
			}
			for _, p := range []string{missing, fifo, filepath.Join(folder, "pipe.txt"), loop} {
				if !strings.Contains(r.err, p+": ") {
					t.Errorf("stderr does not name %s:\n%s", p, r.err)
				}
			}
			if cmd != "load" && !strings.Contains(r.out, "modern-day-slavery") {
				t.Errorf("the seed was not %sed", cmd)
			}
			if !strings.Contains(r.err, "4 inputs could not be used") {
				t.Errorf("stderr does not count the 4 failures:\n%s", r.err)
			}
		})
	}
}
