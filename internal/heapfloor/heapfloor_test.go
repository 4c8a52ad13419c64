package heapfloor_test

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/internal/heapfloor"
)

func settings() (percent int, limit int64) {
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}

// TestFloor: with a floor above twice the live heap, the heap may grow to
// the floor; Set's restore puts back the default settings.
func TestFloor(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent0, limit0 := settings()
	restore := heapfloor.Set(1 << 30)
	percent, limit := settings()
	restore()
	if percent != heapfloor.Percent || limit != 1<<30 {
		t.Errorf("with a floor: GOGC %d, limit %d; want %d, %d", percent, limit, heapfloor.Percent, 1<<30)
	}
	if percent, limit := settings(); percent != percent0 || limit != limit0 {
		t.Errorf("restored: GOGC %d, limit %d; want %d, %d", percent, limit, percent0, limit0)
	}
}

// TestFollowsLiveHeap: once twice the live heap is over the floor, the
// limit follows the live heap after each collection.
func TestFollowsLiveHeap(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	const held = 48 << 20
	runtime.GC() // the live heap, as of the last collection, is small
	restore := heapfloor.Set(1 << 20)
	defer restore()
	_, before := settings()
	live := make([]byte, held)
	for i := range live {
		live[i] = byte(i)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		runtime.GC()
		if _, limit := settings(); limit >= 2*held {
			break
		}
		if time.Now().After(deadline) {
			_, limit := settings()
			t.Fatalf("limit %d MB with %d MB live (%d MB before)", limit>>20, held>>20, before>>20)
		}
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
	if before >= 2*held {
		t.Errorf("limit %d MB before the heap grew", before>>20)
	}
}

// TestUsersSetting: a user's GOGC or GOMEMLIMIT is left alone.
func TestUsersSetting(t *testing.T) {
	for _, env := range []string{"GOGC", "GOMEMLIMIT"} {
		t.Setenv("GOGC", "")
		t.Setenv("GOMEMLIMIT", "")
		t.Setenv(env, "200")
		percent0, limit0 := settings()
		restore := heapfloor.Set(1 << 30)
		percent, limit := settings()
		restore()
		if percent != percent0 || limit != limit0 {
			t.Errorf("%s set: GOGC %d, limit %d", env, percent, limit)
		}
	}
}

// TestOverlapping: two uses that overlap put back the settings from before
// the first, whatever the order they end in.
func TestOverlapping(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	percent0, limit0 := settings()
	a := heapfloor.Set(1 << 30)
	b := heapfloor.Set(1 << 29)
	a()
	a() // a second call does nothing
	if percent, limit := settings(); percent != heapfloor.Percent || limit != 1<<30 {
		t.Errorf("one use left: GOGC %d, limit %d", percent, limit)
	}
	b()
	if percent, limit := settings(); percent != percent0 || limit != limit0 {
		t.Errorf("restored: GOGC %d, limit %d; want %d, %d", percent, limit, percent0, limit0)
	}
}
