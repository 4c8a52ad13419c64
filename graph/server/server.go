package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	_ "github.com/cayleygraph/quad/jsonld" // formats for /api/v2/read
	_ "github.com/cayleygraph/quad/nquads"

	"github.com/assemblykg/assemblykg/graph/store"
)

// Defaults for Options.
const (
	DefaultAddr    = "127.0.0.1:64210"
	DefaultTimeout = 10 * time.Second
	DefaultLimit   = 10000
)

// Options limit what one request may cost.
type Options struct {
	Timeout time.Duration // time limit of each query (DefaultTimeout when zero)
	Limit   int           // most results of each query (DefaultLimit when zero)
}

// New returns the HTTP handler serving st read-only: Cayley's v2 query and
// read API under /api/v2/, and the named queries under /api/.
func New(st *store.Store, o Options) http.Handler {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.Limit <= 0 {
		o.Limit = DefaultLimit
	}
	api := cayleyhttp.NewAPIv2(st.Handle())
	api.SetReadOnly(true)
	api.SetQueryTimeout(o.Timeout)
	api.SetQueryLimit(o.Limit)
	h := &handler{st: st, o: o}
	mux := http.NewServeMux()
	for _, p := range []string{"/api/v2/query", "/api/v2/read", "/api/v2/formats"} {
		mux.Handle(p, api)
	}
	for _, p := range []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusForbidden, map[string]string{"error": "this server is read-only"})
		})
	}
	mux.HandleFunc("GET /api/mentions", h.named(func(ctx context.Context, r *http.Request) (any, error) {
		q := r.URL.Query()
		return st.Mentions(ctx, store.MentionFilter{Body: q.Get("body"), Speaker: q.Get("speaker"), From: q.Get("from"), To: q.Get("to")})
	}))
	mux.HandleFunc("GET /api/bodies", h.named(func(ctx context.Context, r *http.Request) (any, error) { return st.Bodies(ctx) }))
	mux.HandleFunc("GET /api/people", h.named(func(ctx context.Context, r *http.Request) (any, error) { return st.People(ctx) }))
	mux.HandleFunc("GET /api/sessions", h.named(func(ctx context.Context, r *http.Request) (any, error) { return st.Sessions(ctx) }))
	mux.HandleFunc("GET /api/claims", h.named(func(ctx context.Context, r *http.Request) (any, error) {
		return st.Claims(ctx, r.URL.Query().Get("body"))
	}))
	mux.HandleFunc("GET /api/answers", h.named(func(ctx context.Context, r *http.Request) (any, error) {
		return st.Answers(ctx, r.URL.Query().Get("body"))
	}))
	mux.HandleFunc("GET /api/path", h.named(func(ctx context.Context, r *http.Request) (any, error) {
		q := r.URL.Query()
		if q.Get("from") == "" || q.Get("to") == "" {
			return nil, badRequest("path needs from= and to=")
		}
		depth := 0
		if d := q.Get("depth"); d != "" {
			var err error
			if depth, err = strconv.Atoi(d); err != nil || depth < 1 || depth > 12 {
				return nil, badRequest("depth must be a number from 1 to 12")
			}
		}
		return st.Path(ctx, q.Get("from"), q.Get("to"), depth)
	}))
	return mux
}

type handler struct {
	st *store.Store
	o  Options
}

type badRequest string

func (e badRequest) Error() string { return string(e) }

// named serves one named query as JSON: {"result": rows} and, when rows
// were cut at the result limit, "truncated": true.
func (h *handler) named(run func(ctx context.Context, r *http.Request) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), h.o.Timeout)
		defer cancel()
		type answer struct {
			v   any
			err error
		}
		done := make(chan answer, 1)
		go func() {
			v, err := run(ctx, r)
			done <- answer{v, err}
		}()
		var a answer
		select {
		case a = <-done:
		case <-ctx.Done():
			a.err = ctx.Err()
		}
		if a.err != nil {
			status := http.StatusInternalServerError
			var nf *store.NotFoundError
			var br badRequest
			switch {
			case errors.As(a.err, &br):
				status = http.StatusBadRequest
			case errors.As(a.err, &nf):
				status = http.StatusNotFound
			case errors.Is(a.err, context.DeadlineExceeded):
				status = http.StatusGatewayTimeout
				a.err = store.ErrTimeLimit
			}
			writeJSON(w, status, map[string]string{"error": a.err.Error()})
			return
		}
		out := map[string]any{"result": a.v}
		if rows, n := truncate(a.v, h.o.Limit); n > h.o.Limit {
			out["result"], out["truncated"] = rows, true
		}
		writeJSON(w, http.StatusOK, out)
	}
}

// truncate cuts a slice of rows to limit, returning the full length.
func truncate(v any, limit int) (any, int) {
	switch rows := v.(type) {
	case []store.MentionRow:
		return rows[:min(limit, len(rows))], len(rows)
	case []store.BodyRow:
		return rows[:min(limit, len(rows))], len(rows)
	case []store.PersonRow:
		return rows[:min(limit, len(rows))], len(rows)
	case []store.SessionRow:
		return rows[:min(limit, len(rows))], len(rows)
	case []store.ClaimRow:
		return rows[:min(limit, len(rows))], len(rows)
	case []store.AnswerRow:
		return rows[:min(limit, len(rows))], len(rows)
	case []store.Step:
		return rows[:min(limit, len(rows))], len(rows)
	}
	return v, 0
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
