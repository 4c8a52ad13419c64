package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/ontology"
)

// LoadFile loads the RDF file at path, in the format its extension names,
// with LoadQuads. Relative IRIs resolve against base. Triples outside any
// named graph go into the graph the file describes, else into the file's
// own file: IRI. It returns the number of quads read.
func (l *Loader) LoadFile(ctx context.Context, path, base string) (int, error) {
	f, ok := rdfio.ByExt(filepath.Ext(path))
	if !ok || f.NewReader == nil {
		return 0, fmt.Errorf("%s: cannot read %s files", path, filepath.Ext(path))
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return 0, err
	}
	fh, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer fh.Close()
	qr := f.NewReader(fh, rdfio.ReadOptions{Name: path, Base: base, Context: ontology.Context(), ContextURL: ontology.ContextURL})
	defer qr.Close()
	n, err := l.LoadQuads(ctx, qr, quad.IRI("file://"+filepath.ToSlash(abs)))
	if errors.Is(err, errLabel) {
		err = fmt.Errorf("%s: %w", path, err)
	}
	return n, err
}

var errLabel = errors.New("graph label is not an IRI")

// LoadQuads streams quads from r into the store, one named graph at a
// time, and returns the number of quads read. r is read in the background
// while the previous graph is written. The quads of a graph usually come
// together (an N-Quads export writes graph after graph); when a graph's
// quads come in several runs, the first run replaces the graph in the
// store (Put) and the others are merged into it (Merge), so the graph ends
// up holding them all. Triples outside any named graph (N-Triples, Turtle)
// go into the graph they describe, the first prov:Entity minted under
// ontology.GraphPath, else into label. A read error stops the load; the
// graphs before it stay loaded.
func (l *Loader) LoadQuads(ctx context.Context, r quad.Reader, label quad.IRI) (int, error) {
	runs := make(chan quadRun, 2)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(runs)
		send := func(r quadRun) bool {
			select {
			case runs <- r:
				return true
			case <-stop:
				return false
			}
		}
		if err := readRuns(r, label, send); err != nil {
			send(quadRun{err: err})
		}
	}()
	n := 0
	for r := range runs {
		if r.err != nil {
			return n, r.err
		}
		var err error
		if r.merge {
			err = l.Merge(ctx, r.label, r.quads)
		} else {
			err = l.Put(ctx, r.label, r.quads)
		}
		if err != nil {
			return n, err
		}
		n += len(r.quads)
	}
	return n, nil
}

// quadRun is a run of consecutive quads of one named graph. merge is set
// when the graph already had a run earlier.
type quadRun struct {
	label quad.IRI
	quads []quad.Quad
	merge bool
	err   error
}

// readRuns reads r and hands its quads to send in runs of one named graph;
// it stops early when send returns false.
func readRuns(r quad.Reader, label quad.IRI, send func(quadRun) bool) error {
	seen := map[quad.IRI]bool{}
	var (
		cur        quadRun
		unlabelled []quad.Quad
		described  quad.IRI
	)
	flush := func() bool {
		if len(cur.quads) == 0 {
			return true
		}
		ok := send(cur)
		cur = quadRun{}
		return ok
	}
	for {
		q, err := r.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return err
		}
		if described == "" && q.Predicate == ontology.RDFType && q.Object == ontology.ProvEntity {
			if iri, ok := q.Subject.(quad.IRI); ok && strings.Contains(string(iri), "/"+ontology.GraphPath) {
				described = iri
			}
		}
		if q.Label == nil {
			unlabelled = append(unlabelled, q)
			continue
		}
		l, ok := q.Label.(quad.IRI)
		if !ok {
			return fmt.Errorf("%w: %v", errLabel, q.Label)
		}
		if l != cur.label || len(cur.quads) == 0 {
			if !flush() {
				return nil
			}
			cur = quadRun{label: l, merge: seen[l]}
			seen[l] = true
		}
		cur.quads = append(cur.quads, q)
	}
	if !flush() {
		return nil
	}
	if len(unlabelled) > 0 {
		if described != "" {
			label = described
		}
		send(quadRun{label: label, quads: unlabelled, merge: seen[label]})
	}
	return nil
}
