package inputs_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/internal/inputs"
)

func touch(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCollectPolicy names every kind of path that cannot be used, beside
// good ones: each is reported by name, the good ones are all collected.
func TestCollectPolicy(t *testing.T) {
	dir := t.TempDir()
	j := func(p ...string) string { return filepath.Join(append([]string{dir}, p...)...) }
	touch(t, j("corpus", "a.txt"))
	touch(t, j("corpus", "sub", "b.TXT"))
	touch(t, j("corpus", "c.nq"))
	touch(t, j("corpus", "notes.md"))
	touch(t, j("corpus", ".hidden", "d.txt"))
	touch(t, j("named.data"))
	if err := syscall.Mkfifo(j("corpus", "pipe.txt"), 0o600); err != nil {
		t.Skip("cannot make a FIFO:", err)
	}
	syscall.Mkfifo(j("named.fifo"), 0o600)
	os.Symlink("loop2.txt", j("corpus", "loop.txt"))
	os.Symlink("loop.txt", j("corpus", "loop2.txt"))
	os.Symlink("gone.txt", j("corpus", "dangling.txt"))
	os.Symlink("a.txt", j("corpus", "link.txt"))
	os.Symlink("named.loop", j("named.loop"))
	os.Mkdir(j("empty"), 0o755)

	found, problems := inputs.Collect([]string{
		j("missing.txt"), j("corpus"), "-", j("named.fifo"), j("named.loop"), j("empty"), j("named.data"),
	}, inputs.TranscriptsAndRDF)

	var got []string
	for _, in := range found {
		got = append(got, strings.TrimPrefix(in.Path, dir)+in.RDF)
	}
	want := []string{"/corpus/a.txt", "/corpus/c.nq.nq", "/corpus/link.txt", "/corpus/sub/b.TXT", "-", "/named.data"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("collected %v, want %v", got, want)
	}
	wantProblems := []struct {
		path   string
		reason error
	}{
		{j("missing.txt"), syscall.ENOENT},
		{j("corpus", "dangling.txt"), syscall.ENOENT},
		{j("corpus", "loop.txt"), syscall.ELOOP},
		{j("corpus", "loop2.txt"), syscall.ELOOP},
		{j("corpus", "pipe.txt"), inputs.ErrNotRegular},
		{j("named.fifo"), inputs.ErrNotRegular},
		{j("named.loop"), syscall.ELOOP},
		{j("empty"), inputs.ErrNoTranscripts},
	}
	if len(problems) != len(wantProblems) {
		t.Fatalf("problems %v, want %d", problems, len(wantProblems))
	}
	for i, w := range wantProblems {
		var e *inputs.Error
		if !errors.As(problems[i], &e) || e.Path != w.path || !errors.Is(e, w.reason) {
			t.Errorf("problem %d: %v, want %s: %v", i, problems[i], w.path, w.reason)
		}
		if !strings.HasPrefix(problems[i].Error(), w.path+": ") {
			t.Errorf("problem %d does not start with its path: %v", i, problems[i])
		}
	}
}

// TestCollectUnreadableFolder reports an unreadable subfolder and keeps the
// files beside it.
func TestCollectUnreadableFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every folder: run as another user to test this")
	}
	dir := t.TempDir()
	touch(t, filepath.Join(dir, "a.txt"))
	touch(t, filepath.Join(dir, "locked", "b.txt"))
	os.Chmod(filepath.Join(dir, "locked"), 0)
	defer os.Chmod(filepath.Join(dir, "locked"), 0o755)
	found, problems := inputs.Collect([]string{dir}, inputs.Transcripts)
	if len(found) != 1 || len(problems) != 1 || !errors.Is(problems[0], syscall.EACCES) {
		t.Errorf("found %v, problems %v", found, problems)
	}
}

// TestOpenRefusesFIFO refuses, without waiting for a writer, a FIFO put
// where a collected file was.
func TestOpenRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	touch(t, path)
	found, _ := inputs.Collect([]string{dir}, inputs.Transcripts)
	os.Remove(path)
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("cannot make a FIFO:", err)
	}
	done := make(chan error, 1)
	go func() {
		r, err := found[0].Open(nil)
		if err == nil {
			r.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, inputs.ErrNotRegular) {
			t.Errorf("opening a FIFO: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("opening a FIFO waits for a writer")
	}
}
