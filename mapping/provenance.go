package mapping

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping/transcript"
	ont "github.com/assemblykg/assemblykg/ontology"
	"github.com/assemblykg/assemblykg/seeds"
)

// File is a register, registry or links file a mapping is made with.
type File struct {
	Role   string // what it is: "people register", "bodies registry", "links"
	Name   string // its name as the user gave it, or "seeds/people.csv" for a shipped one
	SHA256 string // hex SHA-256 of its bytes
}

// ShippedFiles returns the named files of seeds/ as Files of role, named
// "seeds/NAME", with their hashes.
func ShippedFiles(role string, names ...string) ([]File, error) {
	var files []File
	for _, name := range names {
		f, err := seeds.FS.Open(name)
		if err != nil {
			return nil, err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return nil, err
		}
		files = append(files, File{Role: role, Name: "seeds/" + name, SHA256: hex.EncodeToString(h.Sum(nil))})
	}
	return files, nil
}

// ReadFile opens the file at path, hands it to read and returns it as a File
// of role with the hash of all its bytes, whether or not read consumes them
// all.
func ReadFile(role, path string, read func(io.Reader) error) (File, error) {
	f, err := os.Open(path)
	if err != nil {
		return File{Role: role, Name: path, SHA256: hex.EncodeToString(sha256.New().Sum(nil))}, err
	}
	defer f.Close()
	h := sha256.New()
	err = read(io.TeeReader(f, h))
	if err == nil {
		_, err = io.Copy(h, f)
	}
	return File{Role: role, Name: path, SHA256: hex.EncodeToString(h.Sum(nil))}, err
}

// run returns the IRI of the mapping run (a prov:Activity), named by a hash
// of the tool's version and the files it used so that the same version and
// files give the same IRI, and describes it. Every graph of a Mapper names
// the same run: its description is made once and then copied.
func (e *emitter) run() quad.IRI {
	d := e.m.runDescription()
	for _, q := range d.quads {
		q.Label = e.labelV
		e.quads = append(e.quads, q)
	}
	e.subject = nil
	return d.run
}

// runDescription is the IRI of a Mapper's run and its description, with no
// graph label.
type runDescription struct {
	run   quad.IRI
	quads []quad.Quad
}

func (m *Mapper) runDescription() *runDescription {
	m.runOnce.Do(func() {
		h := sha256.New()
		io.WriteString(h, m.version)
		for _, f := range m.files {
			io.WriteString(h, "\x00"+f.Role+"\x00"+f.SHA256)
		}
		run := m.iri("run/" + hex.EncodeToString(h.Sum(nil))[:16])
		software := m.iri("software/assemblykg/" + m.version)
		e := &emitter{m: m}
		e.add(run, ont.RDFType, ont.ProvActivity)
		e.add(run, ont.ProvWasAssociatedWith, software)
		for _, f := range m.files {
			fi := m.iri("file/" + f.SHA256)
			e.add(run, ont.ProvUsed, fi)
			e.add(fi, ont.RDFType, ont.ProvEntity)
			e.add(fi, ont.SchemaName, quad.String(f.Name))
			e.add(fi, ont.SchemaDescription, quad.String(f.Role))
			e.add(fi, ont.SchemaSHA256, quad.String(f.SHA256))
		}
		m.run = &runDescription{run: run, quads: e.quads}
	})
	return m.run
}

// sourceText says where the text came from: the file's name and SHA-256
// (of its bytes, byte order mark included), and the page it was taken from
// when a sidecar file gave its address.
func (e *emitter) sourceText(text quad.IRI, t *transcript.Transcript) {
	e.add(text, ont.DCTIdentifier, quad.String(filepath.Base(t.File)))
	data := t.Text
	if t.BOM {
		data = "\ufeff" + data
	}
	e.add(text, ont.SchemaSHA256, quad.String(textHash(data)))
	if t.SourceURL != "" {
		e.add(text, ont.DCTSource, quad.IRI(t.SourceURL))
	}
}
