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
		n, err := loadRDF(ctx, inputs[i], opts.base, loader)
		if err != nil {
			var se *store.Error
			if errors.As(err, &se) || ctx.Err() != nil {
				progress.clear()
				return err
			}
			report(err)
		}
		progress.add(1, n)
		i++
	}
	if err := loader.Flush(ctx); err != nil {
		progress.clear()
		return err
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

// rdfRun is a run of consecutive quads of one named graph in an RDF file.
// merge is set when the graph already had a run earlier in the file.
type rdfRun struct {
	label quad.IRI
	quads []quad.Quad
	merge bool
	err   error
}

// loadRDF streams an RDF file into the loader, one named graph at a time,
// and returns the number of quads read. The file is read in the background
// while the previous graph is written. The quads of a graph usually come
// together (an N-Quads export writes graph after graph); when a graph's
// quads come in several runs, the first run replaces the graph in the store
// and the others are merged into it, so the graph ends up holding them all.
// Triples outside any named graph (N-Triples, Turtle) go into the graph the
// file describes: the prov:Entity named .../graph/... in it, else the
// file's own file: IRI. A read error stops the file; the graphs before it
// stay loaded.
func loadRDF(ctx context.Context, in input, base string, loader *store.Loader) (int, error) {
	runs := make(chan rdfRun, 2)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(runs)
		send := func(r rdfRun) bool {
			select {
			case runs <- r:
				return true
			case <-stop:
				return false
			}
		}
		if err := readRDF(in, base, send); err != nil {
			send(rdfRun{err: err})
		}
	}()
	n := 0
	for r := range runs {
		if r.err != nil {
			return n, r.err
		}
		var err error
		if r.merge {
			err = loader.Merge(ctx, r.label, r.quads)
		} else {
			err = loader.Put(ctx, r.label, r.quads)
		}
		if err != nil {
			return n, err
		}
		n += len(r.quads)
	}
	return n, nil
}

// readRDF reads an RDF file and hands its quads to send in runs of one named
// graph; it stops early when send returns false.
func readRDF(in input, base string, send func(rdfRun) bool) error {
	f, ok := rdfio.ByExt(in.rdf)
	if !ok || f.NewReader == nil {
		return fmt.Errorf("%s: cannot read %s files", in.path, in.rdf)
	}
	var r io.Reader = os.Stdin
	if in.path != "-" {
		fh, err := os.Open(in.path)
		if err != nil {
			return err
		}
		defer fh.Close()
		r = fh
	}
	qr := f.NewReader(r, rdfio.ReadOptions{Name: in.path, Base: base, Context: ontology.Context(), ContextURL: ontology.ContextURL})
	defer qr.Close()
	seen := map[quad.IRI]bool{}
	var (
		cur        rdfRun
		unlabelled []quad.Quad
		described  quad.IRI
	)
	flush := func() bool {
		if len(cur.quads) == 0 {
			return true
		}
		ok := send(cur)
		cur = rdfRun{}
		return ok
	}
	for {
		q, err := qr.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return err
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
			return fmt.Errorf("%s: graph label %v is not an IRI", in.path, q.Label)
		}
		if label != cur.label || len(cur.quads) == 0 {
			if !flush() {
				return nil
			}
			cur = rdfRun{label: label, merge: seen[label]}
			seen[label] = true
		}
		cur.quads = append(cur.quads, q)
	}
	if !flush() {
		return nil
	}
	if len(unlabelled) > 0 {
		label := described
		if label == "" {
			abs, err := filepath.Abs(in.path)
			if err != nil {
				return err
			}
			label = quad.IRI("file://" + filepath.ToSlash(abs))
		}
		send(rdfRun{label: label, quads: unlabelled, merge: seen[label]})
	}
	return nil
}
