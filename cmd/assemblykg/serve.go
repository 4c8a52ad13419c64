package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/graph/server"
	"github.com/assemblykg/assemblykg/graph/site"
	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/people"
)

func init() {
	register("serve", "serve the graph store over HTTP, read-only: a linked-data site and the JSON query API", runServe)
}

// serveMemoryLimit is the soft memory limit of serve (GOMEMLIMIT overrides
// it).
const serveMemoryLimit = 512 << 20

func runServe(ctx context.Context, name string, args []string, s streams) error {
	fs := newFlags(name, s)
	var (
		db      dbFlags
		addr    string
		timeout time.Duration
		limit   int
		base    string
	)
	db.add(fs)
	fs.StringVar(&addr, "addr", server.DefaultAddr, "listen on `HOST:PORT` (loopback by default)")
	fs.DurationVar(&timeout, "timeout", server.DefaultTimeout, "time limit of each query")
	fs.IntVar(&limit, "limit", server.DefaultLimit, "most results of each query")
	addBase(fs, &base, "base `IRI` the store's resources were minted under, served under /id/ (default: read from the store)")
	base = ""
	fs.Usage = func() {
		fmt.Fprintln(s.err, "usage: assemblykg serve [flags]")
		fmt.Fprintln(s.err, "\nServes the store read-only as a linked-data site: pages for people to browse at /")
		fmt.Fprintln(s.err, "(bodies, people, questions with their transcripts, search, neighbourhood drawings);")
		fmt.Fprintln(s.err, "each resource BASE+PATH at /id/PATH (303 to /doc/PATH, HTML or RDF by content")
		fmt.Fprintln(s.err, "negotiation); a VoID description at /.well-known/void; every quad at /dump.nq.")
		fmt.Fprintln(s.err, "The JSON API: every named query at /api/NAME with the flags of assemblykg query NAME")
		fmt.Fprintln(s.err, "as parameters (/api/mentions?body=MPS&limit=10&offset=0), Gizmo at")
		fmt.Fprintln(s.err, "/api/v2/query?lang=gizmo, quads a page at a time at /api/v2/read, an index at /api/.")
		fmt.Fprintln(s.err, "Each request has a time limit (504), a row limit, a byte budget for its answer and,")
		fmt.Fprintln(s.err, "for Gizmo, for the memory the script allocates.")
		fmt.Fprintln(s.err, "\nexample:\n  assemblykg serve --addr 127.0.0.1:64210 &\n  curl 'http://127.0.0.1:64210/api/mentions?body=MPS'")
		fmt.Fprintln(s.err, "\nflags:")
		fs.PrintDefaults()
		fmt.Fprintln(s.err, "\nexit codes: 0 stopped with Ctrl-C, 1 the store cannot be opened or the address used, 2 bad flags")
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("serve takes no arguments, only flags")
	}
	if timeout <= 0 || limit < 1 {
		return usagef("--timeout and --limit must be positive")
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		// Collect garbage harder near this size, so that what stopped
		// Gizmo scripts left is given back before it adds up.
		debug.SetMemoryLimit(serveMemoryLimit)
	}
	st, err := store.Open(db.kind, db.path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	if reg, err := people.Default(); err == nil {
		st.UseRegister(reg)
	}
	h, err := serveHandler(ctx, st, base, server.Options{Timeout: timeout, Limit: limit}, s.err)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	if !server.Loopback(ln.Addr()) {
		fmt.Fprintf(s.err, "serve: warning: listening on %s, reachable from other machines; the server is read-only but anyone who reaches it can query the store\n", ln.Addr())
	}
	fmt.Fprintf(s.err, "serving %s store on http://%s/ (resources of %s at /id/; Ctrl-C stops)\n", st.Kind(), ln.Addr(), h.Base())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		err := srv.Shutdown(shut)
		if e := <-done; !errors.Is(e, http.ErrServerClosed) && err == nil {
			err = e
		}
		return err
	}
}

// serveHandler is what serve serves: the site, with the JSON API under
// /api/.
func serveHandler(ctx context.Context, st *store.Store, base string, o server.Options, errs io.Writer) (*site.Site, error) {
	d := &description{st: st, base: base}
	s, err := site.New(ctx, st, site.Options{Base: base, API: server.New(st, o), Timeout: o.Timeout,
		Log: log.New(errs, "serve: ", 0), Describe: d.describe})
	if err == nil {
		d.base = s.Base()
	}
	return s, err
}

// description describes the served dataset as export does, from counts
// taken over the store once (it does not change while served).
type description struct {
	st    *store.Store
	base  string
	mu    sync.Mutex
	stats *mapping.Stats
}

func (d *description) describe(ctx context.Context, dumpURL string) ([]quad.Quad, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.stats == nil {
		stats := mapping.NewStats()
		qs := d.st.QuadStore()
		it := qs.QuadsAllIterator().Iterate()
		defer it.Close()
		batch := make([]quad.Quad, 0, 4096)
		for it.Next(ctx) {
			q, err := qs.Quad(it.Result())
			if err != nil {
				return nil, err
			}
			if batch = append(batch, q); len(batch) == cap(batch) {
				stats.Add(batch)
				batch = batch[:0]
			}
		}
		if err := it.Err(); err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		stats.Add(batch)
		d.stats = stats
	}
	nq, _ := rdfio.ByName("nquads")
	g := mapping.Describe(d.base, d.stats, mapping.Description{Distributions: distributions(nq, dumpURL)})
	return g.Quads, nil
}
