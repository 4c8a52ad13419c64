package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// ErrTimeLimit reports a query stopped because it ran out of time.
var ErrTimeLimit = errors.New("query stopped at its time limit")

// ErrBudget reports a Gizmo script stopped because its results or the
// memory it allocated passed the budget.
var ErrBudget = errors.New("query stopped at its memory budget")

// Defaults of GizmoOptions.
const (
	DefaultLimit    = 10000     // results
	DefaultMaxBytes = 32 << 20  // bytes of results, as JSON
	DefaultMaxHeap  = 128 << 20 // bytes the heap may grow while a script runs
	heapPoll        = time.Millisecond
)

// GizmoOptions bound what a script may cost; zero fields take the defaults.
type GizmoOptions struct {
	Limit    int   // most results
	MaxBytes int64 // most bytes of results, counted as JSON
	// MaxHeap is how much the process heap may grow while the script runs
	// (strings and arrays a script builds without emitting them). Scripts
	// run one at a time, so that the growth is theirs.
	MaxHeap int64
}

// gizmoOne runs Gizmo scripts one at a time, so the heap watch measures
// one script.
var gizmoOne sync.Mutex

// Gizmo runs a script in Cayley's Gizmo language (JavaScript with the g.V()
// graph API) and returns its results as JSON-ready values, at most o.Limit
// of them. The script stops when ctx is done — give ctx a deadline, since a
// script can loop forever; the error then wraps ErrTimeLimit — and when its
// results pass o.MaxBytes or the heap grows by more than o.MaxHeap while it
// runs (an error wrapping ErrBudget).
func (s *Store) Gizmo(ctx context.Context, script string, o GizmoOptions) ([]any, error) {
	if o.Limit <= 0 {
		o.Limit = DefaultLimit
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxHeap <= 0 {
		o.MaxHeap = DefaultMaxHeap
	}
	gizmoOne.Lock()
	defer gizmoOne.Unlock()
	// Start from a collected heap, so that the growth measured is the
	// script's; and give back what a script over budget took once it is
	// gone (its session, which holds its variables, is unreachable when
	// runGizmo returns).
	runtime.GC()
	out, err := s.runGizmo(ctx, script, o)
	if errors.Is(err, ErrBudget) {
		debug.FreeOSMemory()
	}
	return out, err
}

func (s *Store) runGizmo(ctx context.Context, script string, o GizmoOptions) ([]any, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	stopWatch := watchHeap(o.MaxHeap, func() { cancel(fmt.Errorf("%w: the script allocated more than %d MB", ErrBudget, o.MaxHeap>>20)) })
	defer stopWatch()

	ses := gizmo.NewSession(s.h.QuadStore)
	it, err := ses.Execute(ctx, script, query.Options{Collation: query.JSON, Limit: o.Limit})
	if err != nil {
		return nil, &Error{Op: "gizmo", Store: s.name(), Err: err}
	}
	defer func() {
		// Interrupt the script and wait until it has stopped, so that the
		// next script runs alone.
		it.Close()
		wait, done := context.WithTimeout(context.Background(), 5*time.Second)
		for it.Next(wait) {
		}
		done()
	}()
	out := []any{}
	var size int64
	for len(out) < o.Limit && it.Next(ctx) {
		r := it.Result()
		if r == nil {
			continue
		}
		b, err := json.Marshal(r)
		if err != nil {
			cancel(err)
			break
		}
		if size += int64(len(b)); size > o.MaxBytes {
			cancel(fmt.Errorf("%w: results passed %d MB", ErrBudget, o.MaxBytes>>20))
			break
		}
		out = append(out, r)
	}
	err = it.Err()
	if c := context.Cause(ctx); c != nil && (err == nil || errors.Is(err, context.Canceled)) {
		err = c
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, ErrTimeLimit) {
			err = fmt.Errorf("%w: %w", ErrTimeLimit, err)
		}
		return nil, &Error{Op: "gizmo", Store: s.name(), Err: err}
	}
	return out, nil
}

// watchHeap calls over once when the live heap grows by more than budget
// bytes; the returned function stops watching.
func watchHeap(budget int64, over func()) func() {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() int64 {
		metrics.Read(sample)
		if sample[0].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return int64(sample[0].Value.Uint64())
	}
	base := read()
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(heapPoll)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				if read()-base > budget {
					over()
					return
				}
			}
		}
	}()
	return func() { close(done) }
}
