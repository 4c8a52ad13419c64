package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/spf13/pflag"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/bodies"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/seeds"
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
	files, err := shipped("people register", "people.csv", "members.csv")
	if err != nil {
		return nil, err
	}
	for _, f := range r.peopleFiles {
		file, err := hashedFile("people register", f, func(fh io.Reader) error { return reg.Extend(fh, f) })
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
	shippedBodies, err := shipped("bodies registry", "bodies.csv")
	if err != nil {
		return nil, err
	}
	files := append(slices.Clone(r.peopleRead), shippedBodies...)
	for _, f := range r.bodiesFiles {
		file, err := hashedFile("bodies registry", f, func(fh io.Reader) error { return breg.Merge(fh, f) })
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	var links []bodies.Link
	for _, f := range r.linkFiles {
		file, err := hashedFile("links", f, func(fh io.Reader) error {
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

// shipped returns the named files of seeds/ with their hashes.
func shipped(role string, names ...string) ([]mapping.File, error) {
	var files []mapping.File
	for _, name := range names {
		f, err := seeds.FS.Open(name)
		if err != nil {
			return nil, err
		}
		sum, err := mapping.HashFile(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		files = append(files, mapping.File{Role: role, Name: "seeds/" + name, SHA256: sum})
	}
	return files, nil
}

// hashedFile is withFile that also returns the file's hash.
func hashedFile(role, path string, read func(io.Reader) error) (mapping.File, error) {
	h := sha256.New()
	err := withFile(path, func(fh io.Reader) error {
		if err := read(io.TeeReader(fh, h)); err != nil {
			return err
		}
		_, err := io.Copy(h, fh)
		return err
	})
	return mapping.File{Role: role, Name: path, SHA256: hex.EncodeToString(h.Sum(nil))}, err
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
