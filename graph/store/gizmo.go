package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
)

// ErrTimeLimit reports a query stopped because it ran out of time.
var ErrTimeLimit = errors.New("query stopped at its time limit")

// DefaultLimit is the result limit of Gizmo queries when none is given.
const DefaultLimit = 10000

// Gizmo runs a script in Cayley's Gizmo language (JavaScript with the g.V()
// graph API) and returns its results as JSON-ready values, at most limit of
// them (DefaultLimit when limit <= 0). The script stops when ctx is done: give
// ctx a deadline, since a script can loop forever. A script stopped by its
// deadline returns an error wrapping ErrTimeLimit.
func (s *Store) Gizmo(ctx context.Context, script string, limit int) ([]any, error) {
	if limit <= 0 {
		limit = DefaultLimit
	}
	ses := gizmo.NewSession(s.h.QuadStore)
	it, err := ses.Execute(ctx, script, query.Options{Collation: query.JSON, Limit: limit})
	if err != nil {
		return nil, &Error{Op: "gizmo", Store: s.name(), Err: err}
	}
	defer it.Close()
	out := []any{}
	for len(out) < limit && it.Next(ctx) {
		if r := it.Result(); r != nil {
			out = append(out, r)
		}
	}
	err = it.Err()
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("%w: %w", ErrTimeLimit, err)
		}
		return nil, &Error{Op: "gizmo", Store: s.name(), Err: err}
	}
	return out, nil
}
