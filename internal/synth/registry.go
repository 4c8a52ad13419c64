package synth

import (
	"errors"
	"io"
	"strings"

	"github.com/assemblykg/assemblykg/internal/csvrow"
)

// person is one row of the people register, as the generator prints it.
type person struct {
	id, name     string
	titles       []string // printed before the name: "Sir", "Dr"
	postNominals []string // printed after it: "OBE", "QPM"
	group        string   // the first assembly group, "" for none
	offices      []office
}

type office struct {
	post, from, until string // dates yyyy-mm-dd, "" when open
}

// body is one row of the bodies registry: the forms a speaker may use.
type body struct {
	name     string
	aliases  []string
	acronyms []string
	kind     string
}

// Titles printed before a name; other honorifics are post-nominals.
var nameTitles = map[string]bool{
	"Sir": true, "Dame": true, "Dr": true, "Lord": true, "Baroness": true,
	"Lady": true, "Professor": true, "Rev": true, "Reverend": true,
}

// csvRows reads a CSV file with a header row and calls fn with each row.
func csvRows(r io.Reader, file string, fn func(row *csvrow.Row) error) error {
	rows, err := csvrow.NewReader(r, file, nil)
	if err != nil {
		return err
	}
	for {
		row, err := rows.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
}

// readPeople reads a people register (columns id, name, honorifics, groups,
// offices).
func readPeople(r io.Reader, file string) ([]person, error) {
	var out []person
	err := csvRows(r, file, func(row *csvrow.Row) error {
		p := person{id: row.Get("id"), name: row.Get("name")}
		if p.name == "" {
			return row.Errorf("name", "person without a name")
		}
		for _, h := range csvrow.List(row.Get("honorifics"), "|") {
			if nameTitles[h] {
				p.titles = append(p.titles, h)
			} else {
				p.postNominals = append(p.postNominals, h)
			}
		}
		if g := csvrow.List(row.Get("groups"), "|"); len(g) > 0 {
			p.group = g[0]
		}
		for _, o := range csvrow.List(row.Get("offices"), "|") {
			p.offices = append(p.offices, parseOffice(o))
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// parseOffice reads "Mayor of London[2000-05-04..2008-05-03]".
func parseOffice(s string) office {
	post, dates, ok := strings.Cut(s, "[")
	o := office{post: strings.TrimSpace(post)}
	if ok {
		dates = strings.TrimSuffix(dates, "]")
		o.from, o.until, _ = strings.Cut(dates, "..")
	}
	return o
}

// covers reports whether the office was held on date (yyyy-mm-dd).
func (o office) covers(date string) bool {
	return (o.from == "" || o.from <= date) && (o.until == "" || date <= o.until)
}

// readBodies reads a bodies registry (columns name, kind, aliases, acronyms).
func readBodies(r io.Reader, file string) ([]body, error) {
	var out []body
	err := csvRows(r, file, func(row *csvrow.Row) error {
		b := body{name: row.Get("name"), kind: row.Get("kind"), aliases: csvrow.List(row.Get("aliases"), "|"), acronyms: csvrow.List(row.Get("acronyms"), "|")}
		if b.name == "" {
			return nil // a row being written; skip it
		}
		out = append(out, b)
		return nil
	})
	return out, err
}
