package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// startExport starts `export -o dir/out.nt -` reading a transcript that never
// ends, through the command wrap when given, and waits until its temporary
// file is in dir.
func startExport(t *testing.T, dir string, wrap ...string) *exec.Cmd {
	t.Helper()
	cmd := subprocess(t, "export", "-q", "-o", filepath.Join(dir, "out.nt"), "-")
	if len(wrap) > 0 {
		path, err := exec.LookPath(wrap[0])
		if err != nil {
			t.Skip(err)
		}
		cmd.Path, cmd.Args = path, append(wrap, cmd.Args...)
	}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); cmd.Process.Kill(); cmd.Wait() })
	stdin.Write([]byte("Mayor's Question Time\n"))
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if len(tempFiles(t, dir)) > 0 {
			return cmd
		}
	}
	t.Fatal("export made no temporary file")
	return nil
}

func tempFiles(t *testing.T, dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp") {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestSignalsRemoveTemps stops an export writing a file with SIGINT, SIGTERM
// and SIGHUP: no temporary file stays, no output appears, and the exit
// status is 128 + the signal.
func TestSignalsRemoveTemps(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := startExport(t, dir)
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
				t.Errorf("exit %v, want status %d", err, 128+int(sig))
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

// TestKilledTempsSwept kills an export writing a file; its temporary file
// stays, and the next export into that folder removes it.
func TestKilledTempsSwept(t *testing.T) {
	dir := t.TempDir()
	cmd := startExport(t, dir)
	cmd.Process.Kill()
	cmd.Wait()
	left := tempFiles(t, dir)
	if len(left) != 1 {
		t.Fatalf("temporary files after kill -9: %v", left)
	}
	if _, stderr, code := runCLI(t, "export", "-o", filepath.Join(dir, "seed.nt"), seedDir); code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	if got := tempFiles(t, dir); len(got) != 0 {
		t.Errorf("stale temporary files not swept: %v", got)
	}
}

// TestIgnoredSignalStaysIgnored starts an export under nohup, which ignores
// SIGHUP: a SIGHUP does not stop it, a SIGTERM then does.
func TestIgnoredSignalStaysIgnored(t *testing.T) {
	dir := t.TempDir()
	cmd := startExport(t, dir, "nohup")
	cmd.Process.Signal(syscall.SIGHUP)
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGTERM)
	err := cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 128+int(syscall.SIGTERM) {
		t.Errorf("exit %v, want status %d: SIGHUP stopped a process started under nohup", err, 128+int(syscall.SIGTERM))
	}
	if got := tempFiles(t, dir); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
}
