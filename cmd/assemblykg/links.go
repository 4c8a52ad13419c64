package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/spf13/pflag"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/reconcile"
)

func init() {
	register("links", "list the bodies and people with no external identifier, as a links CSV", runLinks)
	register("reconcile", "find external identifiers with a reconciliation service; write a links CSV", runReconcile)
}

// linkFlags are the flags the links and reconcile commands share.
type linkFlags struct {
	base     string
	output   string
	registry registryFlags
}

func (l *linkFlags) add(fs *pflag.FlagSet) {
	fs.StringVarP(&l.output, "output", "o", "", "write the CSV to `FILE` (whole or not at all) instead of stdout")
	addBase(fs, &l.base, "base `IRI` of our people and bodies")
	l.registry.add(fs)
}

func (l *linkFlags) mapper(s streams) (*mapping.Mapper, error) {
	reg, err := l.registry.people()
	if err != nil {
		return nil, err
	}
	return l.registry.mapper(l.base, reg, s.err)
}

func (l *linkFlags) write(s streams, rows []reconcile.Row) error {
	write := func(w io.Writer) error { return reconcile.WriteCSV(w, rows) }
	if l.output == "" {
		return write(s.out)
	}
	return rdfio.WriteFileAtomic(l.output, write)
}

func runLinks(ctx context.Context, name string, args []string, s streams) error {
	fs := newFlags(name, s)
	var (
		l        linkFlags
		unlinked bool
	)
	fs.BoolVar(&unlinked, "unlinked", false, "list the bodies and people with no external identifier")
	l.add(fs)
	fs.Usage = func() {
		fmt.Fprintln(s.err, "usage: assemblykg links --unlinked [flags]")
		fmt.Fprintln(s.err, "\nWrites the bodies of the registry and the people of the register that have")
		fmt.Fprintln(s.err, "no external identifier (shipped or given with --links) as a links CSV:")
		fmt.Fprintln(s.err, "reconcile it (OpenRefine, or assemblykg reconcile), fill same_as, and pass")
		fmt.Fprintln(s.err, "it back with --links.")
		fmt.Fprintln(s.err, "\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if !unlinked {
		return usagef("links: give --unlinked")
	}
	if fs.NArg() > 0 {
		return usagef("links takes no arguments")
	}
	m, err := l.mapper(s)
	if err != nil {
		return err
	}
	es := m.Unlinked()
	rows := make([]reconcile.Row, len(es))
	for i, e := range es {
		rows[i] = reconcile.Row{Entity: e}
	}
	if err := l.write(s, rows); err != nil {
		return err
	}
	bodies, people := m.Linked()
	fmt.Fprintf(s.err, "links: %d unlinked; linked: %d bodies, %d people\n", len(es), bodies, people)
	return nil
}

func runReconcile(ctx context.Context, name string, args []string, s streams) error {
	fs := newFlags(name, s)
	var (
		l      linkFlags
		c      reconcile.Client
		accept float64
	)
	fs.StringVar(&c.Service, "service", "", "reconciliation service endpoint `URL` (W3C Reconciliation Service API)")
	fs.Float64Var(&accept, "accept", 0, "keep only confident matches: entities with exactly one candidate scoring `SCORE` or more, same_as filled")
	fs.IntVar(&c.Batch, "batch", 10, "queries per request")
	fs.DurationVar(&c.Timeout, "timeout", 30*time.Second, "time allowed for each request")
	fs.IntVar(&c.Retries, "retries", 3, "retries of a request that failed for a reason that may pass (doubling waits)")
	l.add(fs)
	fs.Usage = func() {
		fmt.Fprintln(s.err, "usage: assemblykg reconcile --service URL [--accept SCORE] [flags]")
		fmt.Fprintln(s.err, "\nSends the names of the bodies and people with no external identifier to a")
		fmt.Fprintln(s.err, "reconciliation service (type organisation or human; country, position held)")
		fmt.Fprintln(s.err, "and writes a links CSV of the candidates with their scores, for review. With")
		fmt.Fprintln(s.err, "--accept only confident matches are written, ready for --links. Names with")
		fmt.Fprintln(s.err, "no candidate are listed on stderr.")
		fmt.Fprintln(s.err, "\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if c.Service == "" {
		return usagef("reconcile: give --service URL")
	}
	if fs.NArg() > 0 {
		return usagef("reconcile takes no arguments")
	}
	if c.Timeout <= 0 || c.Batch <= 0 || c.Retries < 0 || accept < 0 {
		return usagef("reconcile: --timeout and --batch must be positive, --retries and --accept not negative")
	}
	if c.Retries == 0 {
		c.Retries = -1 // no retry (the client's zero value means the default)
	}
	m, err := l.mapper(s)
	if err != nil {
		return err
	}
	res, err := reconcile.Run(ctx, &c, m.Unlinked(), accept)
	if err != nil {
		return err
	}
	for _, e := range res.Unmatched {
		fmt.Fprintf(s.err, "reconcile: no candidate for %s (%s)\n", e.Name, e.IRI)
	}
	if err := l.write(s, res.Rows); err != nil {
		return err
	}
	fmt.Fprintf(s.err, "reconcile: %d rows written, %d accepted, %d with no candidate\n", len(res.Rows), res.Accepted, len(res.Unmatched))
	return nil
}
