package main

import (
	"fmt"
	"io"
	"slices"

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
	// peopleRead are the people files people read last, with their
	// hashes, for provenance.
	peopleRead []mapping.File
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
	files, err := mapping.ShippedFiles("people register", "people.csv", "members.csv")
	if err != nil {
		return nil, err
	}
	for _, f := range r.peopleFiles {
		file, err := mapping.ReadFile("people register", f, func(fh io.Reader) error { return reg.Extend(fh, f) })
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	r.peopleRead = files
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
	shippedBodies, err := mapping.ShippedFiles("bodies registry", "bodies.csv")
	if err != nil {
		return nil, err
	}
	shippedActs, err := mapping.ShippedFiles("legislation list", "legislation.csv")
	if err != nil {
		return nil, err
	}
	files := append(append(slices.Clone(r.peopleRead), shippedBodies...), shippedActs...)
	for _, f := range r.bodiesFiles {
		file, err := mapping.ReadFile("bodies registry", f, func(fh io.Reader) error { return breg.Merge(fh, f) })
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	var links []bodies.Link
	for _, f := range r.linkFiles {
		file, err := mapping.ReadFile("links", f, func(fh io.Reader) error {
			ls, err := bodies.ReadLinks(fh, f)
			links = append(links, ls...)
			return err
		})
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	m, err := mapping.New(mapping.Config{Base: base, Version: Version, People: reg, Bodies: breg, Links: links, Files: files})
	if err != nil {
		return nil, err
	}
	for _, l := range m.UnmatchedLinks() {
		fmt.Fprintf(warn, "%s:%d: warning: %q is no body or person of the registers; its link applies only to a body of that name found in a transcript\n", l.File, l.Line, l.Subject)
	}
	return m, nil
}
