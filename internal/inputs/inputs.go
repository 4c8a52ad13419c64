package inputs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/assemblykg/assemblykg/graph/rdfio"
)

// Stdin is the path that stands for standard input.
const Stdin = "-"

// Input is one file to read: named by the user or found in a folder.
type Input struct {
	Path string // Stdin for standard input
	RDF  string // the RDF format's extension (".nq"); "" for a transcript
}

// Name is how errors name the input: its path, or "<stdin>".
func (in Input) Name() string {
	if in.Path == Stdin {
		return "<stdin>"
	}
	return in.Path
}

// Kinds says which files a folder is searched for.
type Kinds int

const (
	Transcripts       Kinds = iota // *.txt
	TranscriptsAndRDF              // *.txt and the RDF extensions
)

// RDFExt returns the extension of path (lower case) when it names an RDF
// format that can be read, else "".
func RDFExt(path string) string {
	if f, ok := rdfio.ByExt(filepath.Ext(path)); ok && f.NewReader != nil {
		return strings.ToLower(filepath.Ext(path))
	}
	return ""
}

// ErrNotRegular is the reason given for a FIFO, a device, a socket or a
// symbolic link to a folder where a file was expected.
var ErrNotRegular = errors.New("not a regular file")

// ErrNoTranscripts is the reason given for a folder holding no input.
var ErrNoTranscripts = errors.New("no transcripts (*.txt) in this folder")

// Error reports a path that cannot be used as an input.
type Error struct {
	Path string
	Err  error // the reason: an errno (ENOENT, ELOOP, EACCES), ErrNotRegular, ErrNoTranscripts
}

func (e *Error) Error() string {
	msg := e.Path + ": " + e.Err.Error()
	if errors.Is(e.Err, ErrNotRegular) {
		msg += "; give its content on stdin with -"
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// pathError names path and keeps the reason of err, dropping the operation
// and path an *fs.PathError repeats.
func pathError(path string, err error) *Error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Path: path, Err: err}
}

// notRegular describes the kind of file mode m is.
func notRegular(path string, m fs.FileMode) *Error {
	kind := "a special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "a FIFO"
	case m&fs.ModeSocket != 0:
		kind = "a socket"
	case m&fs.ModeDevice != 0:
		kind = "a device"
	case m.IsDir():
		kind = "a folder"
	}
	return &Error{Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind)}
}

// Collect expands paths into inputs, in the order given, each folder's
// files in lexical order. Paths that cannot be used are returned as
// problems, one *Error each, in the order met; the other inputs are
// collected all the same.
func Collect(paths []string, kinds Kinds) (found []Input, problems []error) {
	for _, p := range paths {
		if p == Stdin {
			found = append(found, Input{Path: Stdin})
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			problems = append(problems, pathError(p, err))
			continue
		}
		if !fi.IsDir() {
			if !fi.Mode().IsRegular() {
				problems = append(problems, notRegular(p, fi.Mode()))
				continue
			}
			in := Input{Path: p}
			if kinds == TranscriptsAndRDF {
				in.RDF = RDFExt(p)
			}
			found = append(found, in)
			continue
		}
		files, errs := walk(p, kinds)
		problems = append(problems, errs...)
		if len(files) == 0 && len(errs) == 0 {
			problems = append(problems, &Error{Path: p, Err: ErrNoTranscripts})
		}
		if found == nil {
			found = files // a single folder, the common case: no copy
		} else {
			found = append(found, files...)
		}
	}
	return found, problems
}

// walk collects the inputs in the folder root.
func walk(root string, kinds Kinds) (found []Input, problems []error) {
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, pathError(path, err))
			if d != nil && d.IsDir() && path != root {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		in := Input{Path: path}
		switch {
		case strings.EqualFold(filepath.Ext(path), ".txt"):
		case kinds == TranscriptsAndRDF && RDFExt(path) != "":
			in.RDF = RDFExt(path)
		default:
			return nil
		}
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil {
				problems = append(problems, pathError(path, err))
				return nil
			}
			mode = fi.Mode()
		}
		if !mode.IsRegular() {
			problems = append(problems, notRegular(path, mode))
			return nil
		}
		found = append(found, in)
		return nil
	})
	sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
	return found, problems
}

// Open opens the input for reading: stdin for Stdin, else the file, which
// must still be a regular file. A FIFO is refused at once rather than
// waited on.
func (in Input) Open(stdin io.Reader) (io.ReadCloser, error) {
	if in.Path == Stdin {
		return io.NopCloser(stdin), nil
	}
	f, err := openNoWait(in.Path)
	if err != nil {
		return nil, pathError(in.Path, err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, pathError(in.Path, err)
	}
	if !fi.Mode().IsRegular() {
		f.Close()
		return nil, notRegular(in.Path, fi.Mode())
	}
	return f, nil
}
