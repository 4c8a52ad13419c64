package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/assemblykg/assemblykg/graph/server"
	"github.com/assemblykg/assemblykg/graph/store"
)

func init() {
	register("serve", "serve the graph store over HTTP, read-only (Cayley API and named queries)", runServe)
}

func runServe(ctx context.Context, name string, args []string, s streams) error {
	fs := newFlags(name, s)
	var (
		db      dbFlags
		addr    string
		timeout time.Duration
		limit   int
	)
	db.add(fs)
	fs.StringVar(&addr, "addr", server.DefaultAddr, "listen on `HOST:PORT` (loopback by default)")
	fs.DurationVar(&timeout, "timeout", server.DefaultTimeout, "time limit of each query")
	fs.IntVar(&limit, "limit", server.DefaultLimit, "most results of each query")
	fs.Usage = func() {
		fmt.Fprintln(s.err, "usage: assemblykg serve [flags]")
		fmt.Fprintln(s.err, "\nServes the store read-only: Cayley's query API at /api/v2/query?lang=gizmo")
		fmt.Fprintln(s.err, "and the named queries at /api/mentions?body=, /api/bodies, /api/people,")
		fmt.Fprintln(s.err, "/api/sessions, /api/claims?body=, /api/answers?body=, /api/path?from=&to=.")
		fmt.Fprintln(s.err, "\nflags:")
		fs.PrintDefaults()
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
	st, err := store.Open(db.kind, db.path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           server.New(st, server.Options{Timeout: timeout, Limit: limit}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Fprintf(s.err, "serving %s store on http://%s/ (Ctrl-C stops)\n", st.Kind(), ln.Addr())
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
