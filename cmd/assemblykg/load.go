package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/pflag"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/ontology"
)

func init() {
	register("load", "load transcripts and RDF files into the graph store", runLoad)
}

// dbFlags name the store: --db KIND and --dbpath PATH.
type dbFlags struct {
	kind, path string
}

func (d *dbFlags) add(fs *pflag.FlagSet) {
	fs.StringVar(&d.kind, "db", store.DefaultKind, "store `KIND`: "+strings.Join(store.Kinds(), ", "))
	fs.StringVar(&d.path, "dbpath", "", "store `PATH`: a folder for bolt and leveldb (default "+store.DefaultPath+"), a postgres:// URL for postgres")
}

func runLoad(ctx context.Context, name string, args []string, s streams) error {
	fs := newFlags(name, s)
	var (
		db     dbFlags
		opts   mapOptions
		batch  int
		quiet  bool
		noSync bool
	)
	db.add(fs)
	fs.IntVar(&batch, "batch", store.DefaultBatch, "quad changes per transaction")
	fs.BoolVarP(&quiet, "quiet", "q", false, "no progress on stderr")
	fs.BoolVar(&noSync, "nosync", false, "bolt, leveldb: do not flush to disk after each transaction (faster; after a crash, rerun the load)")
	opts.add(fs)
	fs.Usage = func() {
		fmt.Fprintln(s.err, "usage: assemblykg load [flags] FILE|DIR ...")
		fmt.Fprintln(s.err, "\nLoads transcripts (*.txt, folders searched recursively) and RDF files")
		fmt.Fprintln(s.err, "(.ttl .nt .nq .jsonld) into the graph store, one named graph per transcript.")
		fmt.Fprintln(s.err, "Loading a graph again replaces it: the store then holds exactly its new")
		fmt.Fprintln(s.err, "quads, so loads can be rerun after a change or an interruption.")
		fmt.Fprintln(s.err, "\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() == 0 {
		return usagef("no input: give transcripts, RDF files or folders")
	}
	if batch < 1 {
		return usagef("--batch must be at least 1")
	}
	if err := opts.validate(); err != nil {
		return err
	}
	inputs, err := collectInputs(fs.Args(), transcriptsAndRDF)
	if err != nil {
		return err
	}
	st, err := store.Open(db.kind, db.path, store.Options{NoSync: noSync})
	if err != nil {
		return err
	}
	defer st.Close()

	progress := newProgress(s, quiet, "load", len(inputs))
	loader := st.NewLoader(store.LoadOptions{Batch: batch})
	var failed []error
	report := func(err error) {
		progress.clear()
		fmt.Fprintln(s.err, err)
		failed = append(failed, err)
	}
	opts.onError = report
	put := func(label quad.IRI, quads []quad.Quad) error {
		if err := loader.Put(ctx, label, quads); err != nil {
			return err
		}
		progress.add(1, len(quads))
		return nil
	}
	// Transcripts are mapped in parallel, runs of them at a time; RDF files
	// are read one by one, in input order.
	for i := 0; i < len(inputs); {
		if inputs[i].rdf == "" {
			j := i
			for j < len(inputs) && inputs[j].rdf == "" {
				j++
			}
			err := mapCollected(ctx, inputs[i:j], opts, s, put)
			if err != nil && !isInputError(err) {
				progress.clear()
				return err
			}
			i = j
			continue
		}
		graphs, err := readRDF(inputs[i], opts.base)
		if err != nil {
			report(err)
			i++
			continue
		}
		n := 0
		for _, g := range graphs {
			if err := loader.Put(ctx, g.Label, g.Quads); err != nil {
				progress.clear()
				return err
			}
			n += len(g.Quads)
		}
		progress.add(1, n)
		i++
	}
	progress.finish()
	p := loader.Progress()
	if !quiet && s.terminal {
		fmt.Fprintf(s.err, "load: %d graphs, %d quads (%d added, %d removed) into %s in %s\n",
			p.Graphs, p.Quads, p.Added, p.Removed, st.Kind(), p.Elapsed.Round(1e6))
	}
	if len(failed) > 0 {
		return inputErrors(failed)
	}
	return nil
}

// readRDF reads an RDF file and groups its quads by named graph. Triples
// outside any named graph (N-Triples, Turtle) go into the graph the file
// describes: the prov:Entity named .../graph/... in it, else the file's own
// file: IRI.
func readRDF(in input, base string) ([]store.Graph, error) {
	f, ok := rdfio.ByExt(in.rdf)
	if !ok || f.NewReader == nil {
		return nil, fmt.Errorf("%s: cannot read %s files", in.path, in.rdf)
	}
	var r io.Reader = os.Stdin
	if in.path != "-" {
		fh, err := os.Open(in.path)
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		r = fh
	}
	qr := f.NewReader(r, rdfio.ReadOptions{Name: in.path, Base: base, Context: ontology.Context(), ContextURL: ontology.ContextURL})
	defer qr.Close()
	byLabel := map[quad.IRI][]quad.Quad{}
	var order []quad.IRI
	var unlabelled []quad.Quad
	var described quad.IRI
	for {
		q, err := qr.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, err
		}
		if q.Predicate == ontology.RDFType && q.Object == ontology.ProvEntity {
			if iri, ok := q.Subject.(quad.IRI); ok && strings.Contains(string(iri), "/graph/") && described == "" {
				described = iri
			}
		}
		if q.Label == nil {
			unlabelled = append(unlabelled, q)
			continue
		}
		label, ok := q.Label.(quad.IRI)
		if !ok {
			return nil, fmt.Errorf("%s: graph label %v is not an IRI", in.path, q.Label)
		}
		if _, seen := byLabel[label]; !seen {
			order = append(order, label)
		}
		byLabel[label] = append(byLabel[label], q)
	}
	if len(unlabelled) > 0 {
		label := described
		if label == "" {
			abs, err := filepath.Abs(in.path)
			if err != nil {
				return nil, err
			}
			label = quad.IRI("file://" + filepath.ToSlash(abs))
		}
		if _, seen := byLabel[label]; !seen {
			order = append(order, label)
		}
		byLabel[label] = append(byLabel[label], unlabelled...)
	}
	graphs := make([]store.Graph, 0, len(order))
	for _, l := range order {
		graphs = append(graphs, store.Graph{Label: l, Quads: byLabel[l]})
	}
	return graphs, nil
}
