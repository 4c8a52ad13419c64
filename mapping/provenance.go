package mapping

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"path/filepath"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping/transcript"
	ont "github.com/assemblykg/assemblykg/ontology"
)

// File is a register, registry or links file a mapping is made with.
type File struct {
	Role   string // what it is: "people register", "bodies registry", "links"
	Name   string // its name as the user gave it, or "seeds/people.csv" for a shipped one
	SHA256 string // hex SHA-256 of its bytes
}

// HashFile reads r to its end and returns its hex SHA-256.
func HashFile(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// run returns the IRI of the mapping run (a prov:Activity), named by a hash
// of the tool's version and the files it used so that the same version and
// files give the same IRI, and describes it.
func (e *emitter) run() quad.IRI {
	h := sha256.New()
	io.WriteString(h, e.m.version)
	for _, f := range e.m.files {
		io.WriteString(h, "\x00"+f.Role+"\x00"+f.SHA256)
	}
	run := e.m.iri("run/" + hex.EncodeToString(h.Sum(nil))[:16])
	software := e.m.iri("software/assemblykg/" + e.m.version)
	e.add(run, ont.RDFType, ont.ProvActivity)
	e.add(run, ont.ProvWasAssociatedWith, software)
	for _, f := range e.m.files {
		fi := e.m.iri("file/" + f.SHA256)
		e.add(run, ont.ProvUsed, fi)
		e.add(fi, ont.RDFType, ont.ProvEntity)
		e.add(fi, ont.SchemaName, quad.String(f.Name))
		e.add(fi, ont.SchemaDescription, quad.String(f.Role))
		e.add(fi, ont.SchemaSHA256, quad.String(f.SHA256))
	}
	return run
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
