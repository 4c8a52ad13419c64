package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"
	"github.com/spf13/pflag"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/mapping/transcript"
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
		prune  bool
		wait   bool
	)
	db.add(fs)
	fs.IntVar(&batch, "batch", store.DefaultBatch, "quad changes per transaction")
	fs.BoolVarP(&quiet, "quiet", "q", false, "no progress on stderr")
	fs.BoolVar(&prune, "prune", false, "remove from the store the transcript graphs this load did not write (transcripts gone from the folders given)")
	fs.BoolVar(&wait, "wait", false, "bolt: wait while serve or a query has the store open, instead of failing")
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
		fmt.Fprintln(s.err, "\nexample:\n  assemblykg load seeds/ && assemblykg query mentions")
		fmt.Fprintln(s.err, "\nexit codes: 0 all loaded, 1 an input could not be read (the others are loaded) or the store failed, 2 bad flags")
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
	inputs, failed := collectInputs(fs.Args(), transcriptsAndRDF, s)
	if len(inputs) == 0 {
		return inputErrors(failed)
	}
	st, err := store.Open(db.kind, db.path, store.Options{NoSync: noSync, Wait: wait})
	if err != nil {
		return err
	}
	defer st.Close()

	progress := newProgress(s, quiet, true, "load", len(inputs))
	loader := st.NewLoader(store.LoadOptions{Batch: batch})
	report := func(err error) {
		progress.clear()
		fmt.Fprintln(s.err, err)
		failed = append(failed, err)
	}
	opts.onError = report
	opts.onWarning = func(w *transcript.ParseError) { progress.clear(); fmt.Fprintln(s.err, warning(w)) }
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
		if inputs[i].RDF == "" {
			j := i
			for j < len(inputs) && inputs[j].RDF == "" {
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
		n, err := loader.LoadFile(ctx, inputs[i].Path, opts.base)
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
	progress.clear()
	if prune && len(failed) > 0 {
		fmt.Fprintf(s.err, "load: not pruned: %d inputs could not be read, and their graphs would go\n", len(failed))
	} else if prune {
		gone, err := loader.Prune(ctx)
		if err != nil {
			return err
		}
		for _, g := range gone {
			if !quiet {
				fmt.Fprintf(s.err, "load: pruned %s\n", g)
			}
		}
	}
	p := loader.Progress()
	if !quiet {
		fmt.Fprintf(s.err, "load: %d graphs, %d quads (%d added, %d removed) into %s in %s\n",
			p.Graphs, p.Quads, p.Added, p.Removed, st.Kind(), p.Elapsed.Round(1e6))
	}
	if len(failed) > 0 {
		return inputErrors(failed)
	}
	return nil
}
