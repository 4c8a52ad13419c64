package ordered_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/internal/ordered"
)

// TestOrder: results come in input order although the calls finish in
// another order.
func TestOrder(t *testing.T) {
	const n = 200
	var got []int
	err := ordered.Map(context.Background(), n, 4, func(i int) (int, error) {
		time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
		return i * i, nil
	}, func(i, v int, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		if v != i*i {
			t.Errorf("input %d gave %d", i, v)
		}
		got = append(got, i)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("%d results, want %d", len(got), n)
	}
	for k, i := range got {
		if k != i {
			t.Fatalf("result %d is input %d", k, i)
		}
	}
}

// TestErrorsPerInput: an input's error goes with its index and the other
// inputs still go through.
func TestErrorsPerInput(t *testing.T) {
	bad := errors.New("bad input")
	var ok, failed []int
	err := ordered.Map(context.Background(), 10, 3, func(i int) (string, error) {
		if i%3 == 0 {
			return "", fmt.Errorf("input %d: %w", i, bad)
		}
		return fmt.Sprint(i), nil
	}, func(i int, v string, err error) error {
		if err != nil {
			if !errors.Is(err, bad) || err.Error() != fmt.Sprintf("input %d: bad input", i) {
				t.Errorf("input %d: error %v", i, err)
			}
			failed = append(failed, i)
			return nil
		}
		if v != fmt.Sprint(i) {
			t.Errorf("input %d gave %q", i, v)
		}
		ok = append(ok, i)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(failed) != "[0 3 6 9]" || fmt.Sprint(ok) != "[1 2 4 5 7 8]" {
		t.Errorf("failed %v, ok %v", failed, ok)
	}
}

// TestBounded: however slow the consumer, no more than 2*workers results
// are computed and not yet emitted, whatever the number of inputs.
func TestBounded(t *testing.T) {
	const workers = 3
	var held, most atomic.Int64
	err := ordered.Map(context.Background(), 500, workers, func(i int) (int, error) {
		h := held.Add(1)
		for {
			m := most.Load()
			if h <= m || most.CompareAndSwap(m, h) {
				break
			}
		}
		return i, nil
	}, func(i, v int, err error) error {
		if i%50 == 0 {
			time.Sleep(2 * time.Millisecond) // let the workers run ahead
		}
		held.Add(-1)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if m := most.Load(); m > 2*workers {
		t.Errorf("%d results held at once, want at most %d", m, 2*workers)
	} else if m < 2 {
		t.Errorf("at most %d result held: the workers never ran ahead", m)
	}
}

// TestStop: an emit error stops the map early and is returned; so is the
// context's error when it is cancelled.
func TestStop(t *testing.T) {
	stop := errors.New("disk full")
	var calls atomic.Int64
	err := ordered.Map(context.Background(), 10000, 2, func(i int) (int, error) {
		calls.Add(1)
		return i, nil
	}, func(i, v int, err error) error {
		if i == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("got %v, want the emit error", err)
	}
	if c := calls.Load(); c > 6+4 {
		t.Errorf("%d calls after emit failed at input 5", c)
	}

	ctx, cancel := context.WithCancel(context.Background())
	err = ordered.Map(ctx, 10000, 2, func(i int) (int, error) {
		if i == 10 {
			cancel()
		}
		return i, nil
	}, func(int, int, error) error { return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func ExampleMap() {
	words := []string{"mayor", "assembly", "question"}
	err := ordered.Map(context.Background(), len(words), 2, func(i int) (int, error) {
		return len(words[i]), nil
	}, func(i, n int, err error) error {
		fmt.Println(words[i], n)
		return err
	})
	fmt.Println(err)
	// Output:
	// mayor 5
	// assembly 8
	// question 8
	// <nil>
}
