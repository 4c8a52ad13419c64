// Package csvrow reads the CSV files assemblykg ships and users give
// (registers of people and bodies, reconciled links): a header row names
// the columns, and each row's fields are read by column name, so columns
// may come in any order and files may carry more columns than are read.
// Every error is a *textpos.Error naming file, line and column.
package csvrow

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/assemblykg/assemblykg/internal/textpos"
)

// Reader reads the rows of a CSV file after its header.
type Reader struct {
	cr     *csv.Reader
	file   string
	header []string
	index  map[string]int
	kind   error
}

// NewReader reads the header row of r. file names the source in errors;
// every error of the reader and of its rows wraps kind (ErrBadRow, say),
// unless kind is nil.
func NewReader(r io.Reader, file string, kind error) (*Reader, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	rd := &Reader{cr: cr, file: file, index: map[string]int{}, kind: kind}
	rec, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, rd.errorf(1, 0, "empty file, want a header row")
	}
	if err != nil {
		return nil, rd.csvError(err)
	}
	rd.header = rec
	for i, h := range rec {
		if k := Key(h); k != "" {
			if _, dup := rd.index[k]; !dup {
				rd.index[k] = i
			}
		}
	}
	return rd, nil
}

// Key is the form in which column names are compared: lower case, without
// a byte order mark, spaces, "-", "_" or ":", so that "same_as", "sameAs"
// and "Same As" name one column.
func Key(name string) string {
	return keyChars.Replace(strings.ToLower(strings.TrimPrefix(name, "\ufeff")))
}

// keyChars drops the characters Key ignores.
var keyChars = strings.NewReplacer(" ", "", "\t", "", "-", "", "_", "", ":", "")

// Header returns the column names as the file writes them.
func (r *Reader) Header() []string { return r.header }

// Has reports whether the file has the named column.
func (r *Reader) Has(name string) bool {
	_, ok := r.index[Key(name)]
	return ok
}

// Require returns an error at the header when a named column is missing.
func (r *Reader) Require(names ...string) error {
	var missing []string
	for _, n := range names {
		if !r.Has(n) {
			missing = append(missing, n)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return r.errorf(1, 0, "header %q lacks the column(s) %s", strings.Join(r.header, ","), strings.Join(missing, ", "))
}

// Next returns the next row, skipping blank lines, or io.EOF after the
// last. A row with another number of fields than the header is an error.
func (r *Reader) Next() (*Row, error) {
	for {
		rec, err := r.cr.Read()
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		if err != nil {
			return nil, r.csvError(err)
		}
		line, _ := r.cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		row := &Row{r: r, Line: line, fields: rec, cols: make([]int, len(rec))}
		for i := range rec {
			_, row.cols[i] = r.cr.FieldPos(i)
		}
		if len(rec) != len(r.header) {
			return nil, r.errorf(line, 0, "%d fields, the header has %d", len(rec), len(r.header))
		}
		return row, nil
	}
}

func (r *Reader) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return r.errorf(pe.Line, pe.Column, "%v", pe.Err)
	}
	return r.errorf(0, 0, "%v", err)
}

// errorf returns an error at line and column, wrapping the reader's kind.
func (r *Reader) errorf(line, col int, format string, a ...any) error {
	err := fmt.Errorf(format, a...)
	if r.kind != nil {
		err = fmt.Errorf("%w: %v", r.kind, err)
	}
	return &textpos.Error{File: r.file, Line: line, Col: col, Err: err}
}

// Row is one row of the file.
type Row struct {
	r      *Reader
	fields []string
	cols   []int
	// Line is the row's line in the file (1 is the header).
	Line int
}

// Get returns the field of the named column with surrounding white space
// trimmed, or "" when the file has no such column.
func (row *Row) Get(name string) string {
	i, ok := row.r.index[Key(name)]
	if !ok {
		return ""
	}
	return strings.TrimSpace(row.fields[i])
}

// Errorf returns an error at the field of the named column, or at the row
// when name is "" or the file has no such column.
func (row *Row) Errorf(name, format string, a ...any) error {
	col := 0
	if i, ok := row.r.index[Key(name)]; ok && name != "" {
		col = row.cols[i]
	}
	return row.r.errorf(row.Line, col, format, a...)
}

// List splits a field holding a list ("the Met|Scotland Yard") at sep,
// with white space (no-break spaces too) collapsed and trimmed, and empty
// items dropped.
func List(field, sep string) []string {
	var out []string
	for _, f := range strings.Split(field, sep) {
		if f = Clean(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// Clean turns no-break spaces into spaces, collapses runs of white space
// and trims.
func Clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }), " ")
}

// Union appends to a the items of b that a does not hold, in b's order:
// lists merged from several rows or files keep their first order and hold
// each item once.
func Union(a, b []string) []string {
	for _, s := range b {
		if !slices.Contains(a, s) {
			a = append(a, s)
		}
	}
	return a
}
