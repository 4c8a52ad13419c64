package rdfio

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/assemblykg/assemblykg/internal/proc"
)

// WriteFileAtomic writes the file at path through write and leaves nothing
// the caller did not name changed:
//
//   - A regular file (or a new one) is written whole or not at all: the data
//     goes to a temporary file in the same folder, which is synced, closed and
//     renamed over the file only when everything succeeded. On any error the
//     temporary file is removed and an existing file is left untouched. A new
//     file gets mode 0644; an existing file keeps its mode.
//   - A symbolic link is followed, link by link, and its target is written as
//     above; the link stays a link.
//   - A device, a FIFO or a socket is opened and written directly: it cannot
//     be replaced. So is /dev/stdout (or /dev/fd/N): the file the shell opened
//     is appended to.
//   - A folder is refused.
//
// Temporary files are named ".NAME.assemblykg-PID-RANDOM.tmp". Those of a
// process that no longer runs (one killed before it could clean up) are
// removed from the folder when the next file is written there; [RemoveTemps]
// removes the current process's own, for a signal handler.
func WriteFileAtomic(path string, write func(io.Writer) error) (err error) {
	wrap := func(err error) error { return fmt.Errorf("rdfio: write %s: %w", path, err) }
	target, err := resolveLinks(path)
	if err != nil {
		return wrap(err)
	}
	fi, err := os.Stat(target)
	switch {
	case err == nil && fi.IsDir():
		return wrap(errors.New("is a folder: name a file"))
	case err == nil && (!fi.Mode().IsRegular() || isSpecialPath(path) || isSpecialPath(target)):
		return writeDirect(target, fi.Mode().IsRegular(), write, wrap)
	case err != nil && !errors.Is(err, os.ErrNotExist):
		return wrap(err)
	case err != nil && isSpecialPath(target):
		return wrap(errors.New("no such device"))
	}
	mode := os.FileMode(0o644)
	if fi != nil {
		mode = fi.Mode().Perm()
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	sweepTemps(dir)
	f, err := temps.create(dir, base)
	if err != nil {
		return wrap(err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			temps.remove(tmp)
		}
	}()
	if err = write(f); err != nil {
		return wrap(err)
	}
	if err = f.Chmod(mode); err != nil {
		return wrap(err)
	}
	if err = f.Sync(); err != nil {
		return wrap(err)
	}
	if err = f.Close(); err != nil {
		return wrap(err)
	}
	if err = temps.rename(tmp, target); err != nil {
		return wrap(err)
	}
	if d, dirErr := os.Open(dir); dirErr == nil {
		d.Sync() // make the rename durable; not all systems support it
		d.Close()
	}
	return nil
}

// writeDirect writes into a file that cannot be replaced: a device, a FIFO,
// a file the shell opened (/dev/stdout), which is appended to.
func writeDirect(path string, regular bool, write func(io.Writer) error, wrap func(error) error) error {
	flag := os.O_WRONLY
	if regular {
		flag |= os.O_APPEND
	}
	f, err := os.OpenFile(path, flag, 0)
	if err != nil {
		return wrap(err)
	}
	if err := write(f); err != nil {
		f.Close()
		return wrap(err)
	}
	if err := f.Close(); err != nil {
		return wrap(err)
	}
	return nil
}

// isSpecialPath reports whether path stands for an open descriptor
// (/dev/stdout, /dev/stderr, /dev/fd/N) or lies under /proc: such a file is
// written where it is, never replaced, since /dev/stdout links to the file
// the shell opened.
func isSpecialPath(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	return abs == "/dev/stdout" || abs == "/dev/stderr" || strings.HasPrefix(abs, "/dev/fd/") ||
		abs == "/proc" || strings.HasPrefix(abs, "/proc/")
}

// maxLinks is the number of symbolic links resolveLinks follows before it
// reports a loop, as the kernel does.
const maxLinks = 40

// resolveLinks follows path while it is a symbolic link and returns the
// path of the file it leads to, which may not exist yet (a dangling link
// names the file to create). /dev/stdout and its like are not followed.
func resolveLinks(path string) (string, error) {
	for range maxLinks {
		if isSpecialPath(path) {
			return path, nil
		}
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", errors.New("too many levels of symbolic links")
}

// tempMark is in the name of every temporary file of ours, between the name
// of the file being written and the pid of the process writing it.
const tempMark = ".assemblykg-"

// tempFiles tracks this process's temporary files, so a signal handler can
// remove them.
type tempFiles struct {
	mu    sync.Mutex
	live  map[string]bool
	ended bool // RemoveTemps ran: no new temporary file
}

var temps = &tempFiles{live: map[string]bool{}}

func (t *tempFiles) create(dir, base string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ended {
		return nil, errors.New("interrupted")
	}
	f, err := os.CreateTemp(dir, "."+base+tempMark+strconv.Itoa(os.Getpid())+"-*.tmp")
	if err != nil {
		return nil, err
	}
	t.live[f.Name()] = true
	return f, nil
}

func (t *tempFiles) rename(tmp, path string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.ended {
		return errors.New("interrupted")
	}
	delete(t.live, tmp)
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

func (t *tempFiles) remove(tmp string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.live, tmp)
	os.Remove(tmp)
}

// RemoveTemps removes the temporary files this process is writing and makes
// every write in progress fail, so that no output is half written. A command
// calls it when a signal tells it to stop and it cannot wait for the writes
// to end by themselves.
func RemoveTemps() {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	temps.ended = true
	for tmp := range temps.live {
		os.Remove(tmp)
		delete(temps.live, tmp)
	}
}

// sweepTemps removes from dir the temporary files of ours left by processes
// that no longer run. Files of running processes and files not named as ours
// are left alone.
func sweepTemps(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, ok := tempOwner(e.Name())
		if !ok || !e.Type().IsRegular() || pid == os.Getpid() || proc.Runs(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// tempOwner returns the pid in the name of one of our temporary files.
func tempOwner(name string) (int, bool) {
	if !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".tmp") {
		return 0, false
	}
	i := strings.LastIndex(name, tempMark)
	if i < 0 {
		return 0, false
	}
	rest := name[i+len(tempMark) : len(name)-len(".tmp")]
	pidText, random, ok := strings.Cut(rest, "-")
	if !ok || random == "" || strings.ContainsAny(random, "-.") {
		return 0, false
	}
	for _, r := range random {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 {
		return 0, false
	}
	return pid, true
}
