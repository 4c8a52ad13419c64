package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/table"
)

// Defaults for Options.
const (
	DefaultAddr     = "127.0.0.1:64210"
	DefaultTimeout  = 10 * time.Second
	DefaultLimit    = 10000
	DefaultMaxBytes = 16 << 20 // bytes of one response
	DefaultMaxBody  = 64 << 10 // bytes of one request body (a Gizmo script)
)

// Options limit what one request may cost.
type Options struct {
	Timeout  time.Duration // time limit of each request (DefaultTimeout when zero)
	Limit    int           // most rows or quads of each response (DefaultLimit when zero)
	MaxBytes int64         // most bytes of each response body (DefaultMaxBytes when zero)
	MaxBody  int64         // most bytes of each request body (DefaultMaxBody when zero)
	// MaxHeap bounds the memory a Gizmo script may allocate
	// (store.DefaultMaxHeap when zero).
	MaxHeap int64
}

// New returns the HTTP handler serving st read-only: the catalogue's named
// queries under /api/NAME, Gizmo at /api/v2/query, quads page by page at
// /api/v2/read, and an index of all of them at /.
func New(st *store.Store, o Options) http.Handler {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Limit <= 0 {
		o.Limit = DefaultLimit
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	h := &handler{st: st, o: o}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", h.index)
	mux.HandleFunc("GET /api/{$}", h.index)
	for _, q := range store.Catalogue() {
		mux.HandleFunc("GET /api/"+q.Name, h.within(func(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
			return h.named(ctx, w, r, q)
		}))
	}
	mux.HandleFunc("/api/v2/query", h.within(h.gizmo))
	mux.HandleFunc("GET /api/v2/read", h.within(h.read))
	for _, p := range []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusForbidden, "this server is read-only")
		})
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no endpoint %s (the index at / lists them)", r.URL.Path))
	})
	return http.MaxBytesHandler(mux, o.MaxBody)
}

type handler struct {
	st *store.Store
	o  Options
}

// httpError is an error with its status.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

// within runs a handler under the time limit in its own goroutine and
// answers 504 with a JSON error when the limit passes first. The handler
// writes into a buffer, so a late answer is never half sent; its size is
// bounded by MaxBytes.
func (h *handler) within(run func(ctx context.Context, w http.ResponseWriter, r *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), h.o.Timeout)
		defer cancel()
		buf := &response{header: http.Header{}, status: http.StatusOK}
		done := make(chan error, 1)
		go func() {
			defer func() {
				if p := recover(); p != nil {
					done <- fmt.Errorf("internal error: %v", p)
				}
			}()
			done <- run(ctx, buf, r.WithContext(ctx))
		}()
		var err error
		select {
		case err = <-done:
		case <-ctx.Done():
			err = ctx.Err()
		}
		if err != nil {
			status, msg := statusOf(err, h.o.Timeout)
			writeError(w, status, msg)
			return
		}
		for k, v := range buf.header {
			w.Header()[k] = v
		}
		w.WriteHeader(buf.status)
		w.Write(buf.body.Bytes())
	}
}

// response is a buffered http.ResponseWriter.
type response struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *response) Header() http.Header         { return b.header }
func (b *response) WriteHeader(status int)      { b.status = status }
func (b *response) Write(p []byte) (int, error) { return b.body.Write(p) }

// statusOf maps an error to an HTTP status and a message.
func statusOf(err error, timeout time.Duration) (int, string) {
	var he *httpError
	var nf *store.NotFoundError
	var ae *store.ArgError
	var mb *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.status, he.msg
	case errors.As(err, &mb):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", mb.Limit)
	case errors.As(err, &ae):
		return http.StatusBadRequest, ae.Error()
	case errors.As(err, &nf):
		return http.StatusNotFound, nf.Error()
	case errors.Is(err, store.ErrBudget):
		return http.StatusRequestEntityTooLarge, err.Error()
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, store.ErrTimeLimit):
		return http.StatusGatewayTimeout, fmt.Sprintf("%v after %s: narrow the query (limit=, a body or speaker)", store.ErrTimeLimit, timeout)
	}
	return http.StatusInternalServerError, err.Error()
}

// page reads limit= and offset=; limit is at most the server's limit.
func (h *handler) page(r *http.Request) (store.Page, error) {
	p := store.Page{Limit: h.o.Limit}
	q := r.URL.Query()
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return p, &httpError{http.StatusBadRequest, fmt.Sprintf("limit: %q is not a number from 1 to %d", v, h.o.Limit)}
		}
		p.Limit = min(n, h.o.Limit)
	}
	if v := q.Get("offset"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return p, &httpError{http.StatusBadRequest, fmt.Sprintf("offset: %q is not a number of rows", v)}
		}
		p.Offset = n
	}
	return p, nil
}

// named serves a query of the catalogue: its parameters from the URL,
// limit= and offset= to page, the rows as the table package's JSON.
func (h *handler) named(ctx context.Context, w http.ResponseWriter, r *http.Request, q *store.Query) error {
	page, err := h.page(r)
	if err != nil {
		return err
	}
	values := map[string]string{}
	for k, v := range r.URL.Query() {
		if k == "limit" || k == "offset" {
			continue
		}
		if len(v) > 1 {
			return &httpError{http.StatusBadRequest, k + ": given more than once"}
		}
		values[k] = v[0]
	}
	args, err := q.Parse(values)
	if err != nil {
		return err
	}
	res, err := h.st.Run(ctx, q, args, page)
	if err != nil {
		return err
	}
	return h.writeResult(w, res)
}

// writeResult writes res as JSON, leaving out the last rows (and saying
// truncated) when it would pass the byte budget.
func (h *handler) writeResult(w http.ResponseWriter, res *store.Result) error {
	var buf bytes.Buffer
	for {
		buf.Reset()
		if err := table.Write(&buf, res, table.Options{Format: "json"}); err != nil {
			return err
		}
		if int64(buf.Len()) <= h.o.MaxBytes || len(res.Rows) == 0 {
			break
		}
		// Keep the share of rows that fits, and measure again.
		keep := int(float64(len(res.Rows)) * float64(h.o.MaxBytes) / float64(buf.Len()) * 0.95)
		res.Rows = res.Rows[:min(keep, len(res.Rows)-1)]
	}
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(buf.Bytes())
	return err
}

// gizmo runs a Gizmo script given in qu= or in the body, under the time
// limit, the result limit and the byte and memory budgets, and answers
// {"result": [...]} as Cayley's API does.
func (h *handler) gizmo(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	if lang := r.URL.Query().Get("lang"); lang != "" && lang != "gizmo" {
		return &httpError{http.StatusBadRequest, fmt.Sprintf("lang: %q is not served (only gizmo)", lang)}
	}
	script := r.URL.Query().Get("qu")
	if r.Method == http.MethodPost {
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return err
		}
		script = string(b)
	} else if r.Method != http.MethodGet {
		return &httpError{http.StatusMethodNotAllowed, "use GET with qu= or POST with the script"}
	}
	if strings.TrimSpace(script) == "" {
		return &httpError{http.StatusBadRequest, "no script: give qu= or POST the script"}
	}
	page, err := h.page(r)
	if err != nil {
		return err
	}
	vals, err := h.st.Gizmo(ctx, script, store.GizmoOptions{Limit: page.Limit, MaxBytes: h.o.MaxBytes, MaxHeap: h.o.MaxHeap})
	if err != nil {
		var se *store.Error
		if errors.As(err, &se) && !errors.Is(err, store.ErrBudget) && !errors.Is(err, store.ErrTimeLimit) && ctx.Err() == nil {
			return &httpError{http.StatusBadRequest, err.Error()}
		}
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(map[string]any{"result": vals, "truncated": len(vals) >= page.Limit})
}

// read writes the store's quads as N-Quads, limit= at a time from offset=;
// the header X-Next-Offset says where the next page starts when there is
// one.
func (h *handler) read(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	if f := r.URL.Query().Get("format"); f != "" && f != "nquads" {
		return &httpError{http.StatusBadRequest, fmt.Sprintf("format: %q is not served (only nquads)", f)}
	}
	page, err := h.page(r)
	if err != nil {
		return err
	}
	qs := h.st.QuadStore()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	var buf bytes.Buffer
	n, written := 0, 0
	more := false
	for it.Next(ctx) {
		if n++; n <= page.Offset {
			continue
		}
		if written == page.Limit || int64(buf.Len()) > h.o.MaxBytes {
			more = true
			break
		}
		q, err := qs.Quad(it.Result())
		if err != nil {
			return err
		}
		buf.WriteString(q.NQuad())
		buf.WriteByte('\n')
		written++
	}
	if err := it.Err(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/n-quads")
	if more {
		w.Header().Set("X-Next-Offset", strconv.Itoa(page.Offset+written))
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// endpoint describes one route in the index.
type endpoint struct {
	Path    string         `json:"path"`
	Summary string         `json:"summary"`
	Counts  string         `json:"counts,omitempty"`
	Params  []param        `json:"params"`
	Columns []store.Column `json:"columns,omitempty"`
	Example string         `json:"example"`
}

type param struct {
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Help     string `json:"help"`
	Required bool   `json:"required,omitempty"`
}

// index lists the endpoints with their parameters, columns and an example.
func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	page := []param{
		{Name: "limit", Kind: "int", Help: fmt.Sprintf("most rows (at most %d)", h.o.Limit)},
		{Name: "offset", Kind: "int", Help: "rows skipped first"},
	}
	var eps []endpoint
	for _, q := range store.Catalogue() {
		e := endpoint{Path: "/api/" + q.Name, Summary: q.Summary, Counts: q.Counts, Columns: q.Columns()}
		ex := ExampleURL(q)
		for _, p := range q.Params {
			e.Params = append(e.Params, param{Name: p.Name, Kind: string(p.Kind), Help: p.Help, Required: p.Required})
		}
		e.Params = append(e.Params, page...)
		e.Example = ex
		eps = append(eps, e)
	}
	eps = append(eps,
		endpoint{Path: "/api/v2/query", Summary: "run a Gizmo script (GET qu= or POST the script)",
			Params: append([]param{{Name: "qu", Kind: "script", Help: "the Gizmo script"}}, page[0]), Example: `/api/v2/query?lang=gizmo&qu=g.V().Limit(5).All()`},
		endpoint{Path: "/api/v2/read", Summary: "the store's quads as N-Quads, a page at a time (X-Next-Offset names the next)",
			Params: page, Example: "/api/v2/read?limit=1000&offset=0"},
	)
	writeJSONValue(w, http.StatusOK, map[string]any{
		"service":   "assemblykg (read-only)",
		"endpoints": eps,
		"limits": map[string]any{
			"timeout_seconds": h.o.Timeout.Seconds(), "rows": h.o.Limit,
			"response_bytes": h.o.MaxBytes, "request_bytes": h.o.MaxBody,
		},
	})
}

// ExampleURL is the path and query of the example of a named query.
func ExampleURL(q *store.Query) string {
	args := splitArgs(q.Example)
	u := "/api/" + q.Name
	var pos []store.Param
	for _, p := range q.Params {
		if p.Positional {
			pos = append(pos, p)
		}
	}
	sep := "?"
	add := func(k, v string) {
		u += sep + k + "=" + strings.ReplaceAll(v, " ", "+")
		sep = "&"
	}
	args = args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case strings.HasPrefix(a, "--") && i+1 < len(args):
			if n := strings.TrimPrefix(a, "--"); n != "format" {
				add(n, args[i+1])
			}
			i++
		case len(pos) > 0:
			add(pos[0].Name, a)
			pos = pos[1:]
		}
	}
	return u
}

// splitArgs splits an example command line, honouring double quotes.
func splitArgs(s string) []string {
	var out []string
	var cur strings.Builder
	quoted, some := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, some = !quoted, true
		case r == ' ' && !quoted:
			if some {
				out = append(out, cur.String())
			}
			cur.Reset()
			some = false
		default:
			cur.WriteRune(r)
			some = true
		}
	}
	if some {
		out = append(out, cur.String())
	}
	return out
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSONValue(w, status, map[string]string{"error": msg})
}

func writeJSONValue(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// Loopback reports whether addr (host:port) listens on the loopback
// interface only.
func Loopback(addr net.Addr) bool {
	if tcp, ok := addr.(*net.TCPAddr); ok {
		return tcp.IP.IsLoopback()
	}
	return false
}
