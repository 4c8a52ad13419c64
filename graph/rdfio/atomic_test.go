package rdfio_test

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/graph/rdfio"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// TestWriteFileAtomicThroughLinks writes through a chain of symbolic links
// and a dangling one: the links stay links, their targets get the data.
func TestWriteFileAtomicThroughLinks(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "data")
	os.Mkdir(sub, 0o755)
	target := filepath.Join(sub, "graph.nt")
	os.WriteFile(target, []byte("old\n"), 0o640)
	os.Symlink("data/graph.nt", filepath.Join(dir, "mid.nt"))
	link := filepath.Join(dir, "latest.nt")
	os.Symlink(filepath.Join(dir, "mid.nt"), link)
	if err := rdfio.WriteFileAtomic(link, writeString("new\n")); err != nil {
		t.Fatal(err)
	}
	for _, l := range []string{link, filepath.Join(dir, "mid.nt")} {
		if fi, err := os.Lstat(l); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a symbolic link (%v)", l, err)
		}
	}
	if b, _ := os.ReadFile(target); string(b) != "new\n" {
		t.Errorf("target holds %q, want the new data", b)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
		t.Errorf("target mode %v, want 0640 kept", fi.Mode().Perm())
	}
	if got := names(t, sub); len(got) != 1 {
		t.Errorf("files beside the target: %v", got)
	}

	dangling := filepath.Join(dir, "next.nt")
	os.Symlink("data/new.nt", dangling)
	if err := rdfio.WriteFileAtomic(dangling, writeString("x\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(sub, "new.nt")); string(b) != "x\n" {
		t.Errorf("dangling link's target holds %q", b)
	}
	if fi, _ := os.Lstat(dangling); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("dangling link replaced")
	}

	loop := filepath.Join(dir, "loop.nt")
	os.Symlink("loop2.nt", loop)
	os.Symlink("loop.nt", filepath.Join(dir, "loop2.nt"))
	if err := rdfio.WriteFileAtomic(loop, writeString("x\n")); err == nil {
		t.Error("writing through a loop of links succeeded")
	}
	if fi, _ := os.Lstat(loop); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("link of a loop replaced")
	}
}

// TestWriteFileAtomicFIFO writes into a FIFO directly: the reader gets the
// data and the FIFO stays.
func TestWriteFileAtomicFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs here")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.nt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("cannot make a FIFO:", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	err := rdfio.WriteFileAtomic(fifo, writeString("quads\n"))
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("FIFO replaced: %v %v", fi.Mode(), err)
	}
	select {
	case s := <-got:
		if s != "quads\n" {
			t.Errorf("reader got %q", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the FIFO's reader got nothing")
	}
	if got := names(t, dir); len(got) != 1 {
		t.Errorf("temporary files beside the FIFO: %v", got)
	}
}

// TestWriteFileAtomicDevice writes into character devices made like
// /dev/null and /dev/full: the device stays a device, and the full one's
// error is reported.
func TestWriteFileAtomicDevice(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("device numbers are Linux's")
	}
	dir := t.TempDir()
	null, full := filepath.Join(dir, "null"), filepath.Join(dir, "full")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skip("making a device needs root:", err)
	}
	if err := syscall.Mknod(full, syscall.S_IFCHR|0o666, 1<<8|7); err != nil {
		t.Skip("making a device needs root:", err)
	}
	if err := rdfio.WriteFileAtomic(null, writeString("quads\n")); err != nil {
		t.Errorf("writing to a null device: %v", err)
	}
	if err := rdfio.WriteFileAtomic(full, writeString("quads\n")); !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("writing to a full device: %v, want no space left", err)
	}
	for _, dev := range []string{null, full} {
		if fi, err := os.Lstat(dev); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			t.Errorf("%s replaced: %v %v", dev, fi.Mode(), err)
		}
	}
	if got := names(t, dir); len(got) != 2 {
		t.Errorf("temporary files beside the devices: %v", got)
	}
}

// TestWriteFileAtomicRefusesFolder refuses to write over a folder.
func TestWriteFileAtomicRefusesFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644)
	if err := rdfio.WriteFileAtomic(dir, writeString("quads\n")); err == nil {
		t.Fatal("writing over a folder succeeded")
	}
	if got := names(t, dir); len(got) != 1 || got[0] != "keep.txt" {
		t.Errorf("folder now holds %v", got)
	}
}

// TestWriteFileAtomicSweepsStaleTemps removes the temporary files of ours
// left by processes that are gone, and nothing else.
func TestWriteFileAtomicSweepsStaleTemps(t *testing.T) {
	gone := exec.Command(os.Args[0], "-test.run=^$")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	dead := strconv.Itoa(gone.Process.Pid)
	live := strconv.Itoa(os.Getpid())
	dir := t.TempDir()
	files := map[string]bool{ // name: swept
		".out.nt.assemblykg-" + dead + "-123456.tmp": true,
		".other.ttl.assemblykg-" + dead + "-9.tmp":   true,
		".out.nt.assemblykg-" + live + "-42.tmp":     false, // a write in progress
		".out.nt.tmp-123456":                         false, // not named as ours
		"out.nt.assemblykg-" + dead + "-1.tmp":       false,
		".out.nt.assemblykg-" + dead + "-x1.tmp":     false,
		"notes.txt":                                  false,
	}
	for name := range files {
		os.WriteFile(filepath.Join(dir, name), []byte("partial"), 0o644)
	}
	if err := rdfio.WriteFileAtomic(filepath.Join(dir, "out.nt"), writeString("quads\n")); err != nil {
		t.Fatal(err)
	}
	for name, swept := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if swept && err == nil {
			t.Errorf("stale %s left", name)
		}
		if !swept && err != nil {
			t.Errorf("%s removed", name)
		}
	}
}
