package main

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/internal/synth"
)

// BenchmarkLoadBolt times "assemblykg load --db bolt" of the synthetic
// archive's transcripts into a new embedded store (read, detect, map,
// replace each graph, commit), and reports quads/s.
func BenchmarkLoadBolt(b *testing.B) {
	a := loadArchive(b)
	dir := b.TempDir()
	g, err := synth.New(benchSeed)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := g.WriteDir(context.Background(), filepath.Join(dir, "archive"), len(a.data), 0); err != nil {
		b.Fatal(err)
	}
	k := 0
	for b.Loop() {
		k++
		db := filepath.Join(dir, "store"+strconv.Itoa(k))
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		var stderr bytes.Buffer
		code := run(ctx, []string{"load", "-q", "--db", "bolt", "--dbpath", db, filepath.Join(dir, "archive")},
			streams{in: bytes.NewReader(nil), out: io.Discard, err: &stderr})
		cancel()
		if code != exitOK {
			b.Fatalf("load: exit %d: %s", code, stderr.String())
		}
	}
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(a.triples)*float64(b.N)/s, "quads/s")
	}
}
