package heapfloor

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// Percent is the collector's setting while a floor is set: the heap may
// grow to five times its live size, and the floor then caps it.
const Percent = 400

// slack is what the memory limit allows beyond twice the live heap: the
// runtime's own memory (stacks, the collector's metadata) and the heap's
// fragmentation.
const slack = 16 << 20

// Set sets a floor of floor bytes under the memory the collector lets the
// heap grow to before collecting: while the live heap is under about half
// of floor, the heap grows to at most Percent percent over it and floor in
// all (the memory limit, with GOGC=Percent); past that, to twice the live
// heap and some slack, about what GOGC=100 gives. The limit follows the
// live heap after every collection.
//
// A user's GOGC or GOMEMLIMIT is left as it is: then Set does nothing.
// The returned function puts back the settings Set changed. Calls may
// overlap (two exports in one process): the first sets the floor, and the
// settings are put back when every call's function has been called.
func Set(floor int64) (restore func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	mu.Lock()
	defer mu.Unlock()
	if users == 0 {
		p := &pacer{floor: floor, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
		p.oldLimit = debug.SetMemoryLimit(p.limit())
		p.oldPercent = debug.SetGCPercent(Percent)
		p.arm()
		current = p
	}
	users++
	var once sync.Once
	return func() {
		once.Do(func() {
			mu.Lock()
			defer mu.Unlock()
			if users--; users == 0 {
				current.stop()
				current = nil
			}
		})
	}
}

var (
	mu      sync.Mutex // guards users and current
	users   int
	current *pacer
)

type pacer struct {
	floor      int64
	oldLimit   int64
	oldPercent int
	mu         sync.Mutex // guards stopped and the settings
	stopped    bool
	sample     []metrics.Sample
}

// limit is the memory limit for the live heap as of the last collection.
func (p *pacer) limit() int64 {
	metrics.Read(p.sample)
	live := int64(p.sample[0].Value.Uint64())
	return max(p.floor, 2*live+slack)
}

// arm makes the limit follow the next collection: the cleanup of an object
// nothing refers to runs after the collection that finds it unreachable,
// and arms the next one.
func (p *pacer) arm() {
	runtime.AddCleanup(new([32]byte), func(p *pacer) {
		p.mu.Lock()
		defer p.mu.Unlock()
		if p.stopped {
			return
		}
		debug.SetMemoryLimit(p.limit())
		p.arm()
	}, p)
}

func (p *pacer) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = true
	debug.SetGCPercent(p.oldPercent)
	debug.SetMemoryLimit(p.oldLimit)
}
