package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/pflag"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/bodies"
	"github.com/assemblykg/assemblykg/mapping/people"
)

// registryFlags are the flags that extend the shipped registers.
type registryFlags struct {
	peopleFiles []string
	bodiesFiles []string
	linkFiles   []string
}

func (r *registryFlags) add(fs *pflag.FlagSet) {
	r.addPeople(fs)
	fs.StringArrayVar(&r.bodiesFiles, "bodies", nil, "extra bodies registry `FILE.csv` (same columns as seeds/bodies.csv); repeatable")
	fs.StringArrayVar(&r.linkFiles, "links", nil, "reconciled links `FILE.csv` (name or IRI, external IRI), as OpenRefine exports them; repeatable")
}

// addPeople adds only --people, for commands that read transcripts but do
// not map them.
func (r *registryFlags) addPeople(fs *pflag.FlagSet) {
	fs.StringArrayVar(&r.peopleFiles, "people", nil, "extra people register `FILE.csv` (columns of seeds/people.csv or seeds/members.csv); repeatable")
}

// people reads the shipped people register extended by the --people files.
func (r *registryFlags) people() (*people.Register, error) {
	reg, err := people.Default()
	if err != nil {
		return nil, err
	}
	for _, f := range r.peopleFiles {
		if err := withFile(f, func(fh io.Reader) error { return reg.Extend(fh, f) }); err != nil {
			return nil, err
		}
	}
	return reg, nil
}

// mapper reads the registers and links the flags name and returns the
// mapper built from them. Links whose subject is in neither register are
// reported to warn with their file and line.
func (r *registryFlags) mapper(base string, reg *people.Register, warn io.Writer) (*mapping.Mapper, error) {
	breg, err := bodies.Default()
	if err != nil {
		return nil, err
	}
	for _, f := range r.bodiesFiles {
		if err := withFile(f, func(fh io.Reader) error { return breg.Merge(fh, f) }); err != nil {
			return nil, err
		}
	}
	var links []bodies.Link
	for _, f := range r.linkFiles {
		err := withFile(f, func(fh io.Reader) error {
			ls, err := bodies.ReadLinks(fh, f)
			links = append(links, ls...)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	m, err := mapping.New(mapping.Config{Base: base, Version: Version, People: reg, Bodies: breg, Links: links})
	if err != nil {
		return nil, err
	}
	for _, l := range m.UnmatchedLinks() {
		fmt.Fprintf(warn, "%s:%d: warning: %q is no body or person of the registers; its link applies only to a body of that name found in a transcript\n", l.File, l.Line, l.Subject)
	}
	return m, nil
}

// withFile opens path, hands it to read and closes it.
func withFile(path string, read func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return read(f)
}
