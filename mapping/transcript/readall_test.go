package transcript

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

// readAll reads what io.ReadAll(io.LimitReader(r, limit)) reads, from files
// (whose size it reads ahead) and from other readers.
func TestReadAll(t *testing.T) {
	dir := t.TempDir()
	for _, size := range []int{0, 1, 511, 512, 513, 4096, 70000} {
		data := bytes.Repeat([]byte("abcdefg\n"), size/8+1)[:size]
		path := filepath.Join(dir, "f.txt")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, limit := range []int64{0, 1, int64(size), int64(size) + 1, 1 << 20} {
			want, _ := io.ReadAll(io.LimitReader(bytes.NewReader(data), limit))
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := readAll(f, limit)
			f.Close()
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("file of %d bytes, limit %d: got %d bytes, %v; want %d bytes", size, limit, len(got), err, len(want))
			}
			got, err = readAll(iotest.OneByteReader(bytes.NewReader(data)), limit)
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("reader of %d bytes, limit %d: got %d bytes, %v; want %d bytes", size, limit, len(got), err, len(want))
			}
		}
	}
	if _, err := readAll(iotest.ErrReader(io.ErrUnexpectedEOF), 10); err != io.ErrUnexpectedEOF {
		t.Errorf("a failing reader: got %v", err)
	}
	if got, err := readAll(strings.NewReader("tail"), 10); err != nil || string(got) != "tail" {
		t.Errorf("strings.Reader: got %q, %v", got, err)
	}
}
