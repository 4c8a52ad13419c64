package synth

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
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

// csvRows reads a CSV file with a header row and calls fn with each row as
// a map from column name to value.
func csvRows(r io.Reader, file string, fn func(row map[string]string) error) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: header: %w", file, err)
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		row := make(map[string]string, len(header))
		for i, h := range header {
			if i < len(rec) {
				row[strings.TrimSpace(h)] = strings.TrimSpace(rec[i])
			}
		}
		if err := fn(row); err != nil {
			line, _ := cr.FieldPos(0)
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
	}
}

func splitBar(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// readPeople reads a people register (columns id, name, honorifics, groups,
// offices).
func readPeople(r io.Reader, file string) ([]person, error) {
	var out []person
	err := csvRows(r, file, func(row map[string]string) error {
		p := person{id: row["id"], name: row["name"]}
		if p.name == "" {
			return errors.New("person without a name")
		}
		for _, h := range splitBar(row["honorifics"]) {
			if nameTitles[h] {
				p.titles = append(p.titles, h)
			} else {
				p.postNominals = append(p.postNominals, h)
			}
		}
		if g := splitBar(row["groups"]); len(g) > 0 {
			p.group = g[0]
		}
		for _, o := range splitBar(row["offices"]) {
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
	err := csvRows(r, file, func(row map[string]string) error {
		b := body{name: row["name"], kind: row["kind"], aliases: splitBar(row["aliases"]), acronyms: splitBar(row["acronyms"])}
		if b.name == "" {
			return nil // a row being written; skip it
		}
		out = append(out, b)
		return nil
	})
	return out, err
}
