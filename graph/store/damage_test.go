package store_test

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"google.golang.org/protobuf/proto"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

// loadedBolt returns the file of a bolt store holding the fixture.
func loadedBolt(t *testing.T) []byte {
	t.Helper()
	dir := fixtureBolt(t)
	data, err := os.ReadFile(filepath.Join(dir, "indexes.bolt"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fixtureBolt loads the fixture into a new bolt store, closes it and
// returns its folder.
func fixtureBolt(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "kg.db")
	s, err := store.Open(store.Bolt, dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(context.Background(), store.Graphs(storetest.Fixture()...), store.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// openDamaged opens a store whose file holds data, for reading and for
// writing, and returns the errors; a panic fails the test. Each store is
// new: a handle Cayley fails to open is not closed, and keeps its lock.
func openDamaged(t *testing.T, data []byte) []error {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "kg.db")
	os.Mkdir(dir, 0o700)
	if err := os.WriteFile(filepath.Join(dir, "indexes.bolt"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	var errs []error
	for _, ro := range []bool{true, false} {
		s, err := store.Open(store.Bolt, dir, store.Options{ReadOnly: ro})
		if err == nil {
			_, err = s.Count(context.Background())
			if err == nil && !ro {
				err = s.NewLoader(store.LoadOptions{}).Put(context.Background(), storetest.Fares, storetest.ChangedFares().Quads)
			}
			s.Close()
		}
		errs = append(errs, err)
	}
	return errs
}

// TestDamagedBolt opens bolt stores cut short, emptied and overwritten:
// each gives an error wrapping ErrDamaged, never a panic or a fault.
func TestDamagedBolt(t *testing.T) {
	good := loadedBolt(t)
	pageSize := int(binary.LittleEndian.Uint32(good[24:]))
	// The pages in use: the high-water mark of the newer meta page.
	meta := good[16:]
	if binary.LittleEndian.Uint64(good[pageSize+16+48:]) > binary.LittleEndian.Uint64(meta[48:]) {
		meta = good[pageSize+16:]
	}
	pages := int(binary.LittleEndian.Uint64(meta[40:]))
	everyPage := func(off int, b byte) []byte {
		d := append([]byte(nil), good...)
		for p := 2; p < pages; p++ {
			d[p*pageSize+off] ^= b
		}
		return d
	}
	bothMetas := append([]byte(nil), good...)
	bothMetas[16] ^= 0xff
	bothMetas[pageSize+16] ^= 0xff
	cases := map[string][]byte{
		"empty":               {},
		"header only":         good[:100],
		"two pages":           good[:2*pageSize],
		"half":                good[:len(good)/2],
		"one page short":      good[:(pages-1)*pageSize],
		"both meta pages":     bothMetas,
		"page types":          everyPage(8, 0xff),
		"page ids":            everyPage(0, 0x40),
		"element counts":      everyPage(10, 0x80),
		"first element field": everyPage(16+4, 0x7f),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			for _, err := range openDamaged(t, data) {
				if !errors.Is(err, store.ErrDamaged) {
					t.Errorf("got %v, want an error wrapping ErrDamaged", err)
				}
				if err != nil && !strings.Contains(err.Error(), "load the inputs again") {
					t.Errorf("no advice in %v", err)
				}
			}
		})
	}
}

// TestRandomlyDamagedBolt flips bits and cuts the file at random places
// (fixed seed): opening, counting and loading either work or fail with an
// error; none panics.
func TestRandomlyDamagedBolt(t *testing.T) {
	good := loadedBolt(t)
	r := rand.New(rand.NewPCG(17, 1))
	damagedSeen := 0
	for i := range 60 {
		d := append([]byte(nil), good...)
		if i%4 == 0 {
			d = d[:r.IntN(len(d))]
		} else {
			for range 1 + r.IntN(16) {
				d[r.IntN(len(d))] ^= 1 << r.IntN(8)
			}
		}
		for _, err := range openDamaged(t, d) {
			if errors.Is(err, store.ErrDamaged) {
				damagedSeen++
			} else if err != nil {
				t.Logf("%d: %v", i, err)
			}
		}
	}
	if damagedSeen == 0 {
		t.Error("no damage found in 60 damaged files")
	}
}

// TestIsDamaged tells damage from other errors: ErrDamaged, a record that
// does not decode, wrapped or not.
func TestIsDamaged(t *testing.T) {
	for err, want := range map[error]bool{
		store.ErrDamaged:                              true,
		fmt.Errorf("query: %w", proto.Error):          true,
		&store.Error{Op: "open", Err: store.ErrInUse}: false,
		errors.New("proto: cannot parse"):             false,
		nil:                                           false,
	} {
		if got := store.IsDamaged(err); got != want {
			t.Errorf("IsDamaged(%v) = %v, want %v", err, got, want)
		}
	}
}

// TestCheckRecord: a store closed by its writer is not walked page by page
// at the next Open (its check record matches), and a store damaged in
// place afterwards is walked again and found damaged.
func TestCheckRecord(t *testing.T) {
	dir := fixtureBolt(t)
	file := filepath.Join(dir, "indexes.bolt")
	if _, err := os.Stat(file + ".checked"); err != nil {
		t.Fatalf("no check record after a load: %v", err)
	}
	if s, err := store.Open(store.Bolt, dir, store.Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	} else {
		s.Close()
	}
	// Every page's type overwritten in place, as in TestDamagedBolt.
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int(binary.LittleEndian.Uint32(data[24:]))
	for p := 2; p < len(data)/pageSize; p++ {
		data[p*pageSize+8] ^= 0xff
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{true, false} {
		s, err := store.Open(store.Bolt, dir, store.Options{ReadOnly: ro})
		if err == nil {
			s.Close()
		}
		if !errors.Is(err, store.ErrDamaged) {
			t.Errorf("read-only %v: got %v, want an error wrapping ErrDamaged", ro, err)
		}
	}
}

// TestUnfinishedSummaries: a load killed while bolt was creating the
// summaries' file leaves it empty; readers then answer from the quads, and
// the next writer counts the summaries anew.
func TestUnfinishedSummaries(t *testing.T) {
	dir := fixtureBolt(t)
	if err := os.WriteFile(filepath.Join(dir, "summaries.bolt"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	var rows [2][]store.MentionRow
	for i, ro := range []bool{true, false} {
		s, err := store.Open(store.Bolt, dir, store.Options{ReadOnly: ro})
		if err != nil {
			t.Fatalf("read-only %v: %v", ro, err)
		}
		if rows[i], err = s.Mentions(context.Background(), store.MentionFilter{}); err != nil {
			t.Fatalf("read-only %v: %v", ro, err)
		}
		if !ro {
			storetest.CheckAnswers(t, s) // the summaries among them
		}
		s.Close()
	}
	if len(rows[0]) == 0 || !reflect.DeepEqual(rows[0], rows[1]) {
		t.Errorf("mentions without summaries %v, with them %v", rows[0], rows[1])
	}
}
