package ordered

import (
	"context"
	"sync"
	"sync/atomic"
)

// Map calls fn on the inputs 0 to n-1, up to workers calls at once, and
// calls emit with each result in input order, from the calling goroutine.
// An error of fn goes to emit with its input's index; the other inputs go
// on. At most 2*workers results are held at any time (the one being
// emitted included), however large n is.
// When emit returns an error or ctx is done, Map hands out no more inputs,
// waits for the calls under way and returns that error.
func Map[T any](ctx context.Context, n, workers int, fn func(i int) (T, error), emit func(i int, v T, err error) error) error {
	workers = max(workers, 1)
	type result struct {
		v   T
		err error
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// A worker takes a place in the window before it takes the next index
	// (from a counter, so indices go out in order), so the window always
	// holds the lowest indices not yet emitted and the loop below can
	// always make progress. Input i's result goes in slot i%size of a ring:
	// the window keeps i from being taken before i-size was emitted, so its
	// slot is free. Workers fill slots, the loop below empties them in
	// order, so output order is input order whatever the timing.
	size := 2 * workers
	window := make(chan struct{}, size)
	slots := make([]chan result, size)
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	var taken atomic.Int64 // indices handed out
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case window <- struct{}{}:
				case <-ctx.Done():
					return
				}
				i := int(taken.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				v, err := fn(i)
				slots[i%size] <- result{v, err}
			}
		}()
	}
	defer wg.Wait()
	defer cancel()
	for i := range n {
		var r result
		select {
		case r = <-slots[i%size]:
		case <-ctx.Done():
			return ctx.Err()
		}
		if err := emit(i, r.v, r.err); err != nil {
			return err
		}
		<-window
	}
	return nil
}
