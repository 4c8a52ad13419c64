package main

// Benchmarks of each stage of the export pipeline on a synthetic archive
// (internal/synth), and of the whole export command in each format:
//
//	go test ./cmd/assemblykg -run '^$' -bench . -benchtime 3x
//
// ASSEMBLYKG_BENCH_TRANSCRIPTS sets the archive size (default 300, about
// 170k triples). Every benchmark reports triples/s: the triples the
// transcripts it handles turn into, per second of that stage, so the
// stages can be compared with each other and with the whole export.

import (
	"bytes"
	"context"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/internal/synth"
	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

const benchSeed = 1

// benchArchive is a synthetic archive held in memory with what each stage
// makes of it, so a stage can be timed alone.
type benchArchive struct {
	names       []string
	data        [][]byte
	bytes       int64
	pipe        *pipeline
	transcripts []*transcript.Transcript
	findings    []mapping.Findings
	graphs      []mapping.Graph
	triples     int
}

var (
	archiveOnce sync.Once
	archive     *benchArchive
	archiveErr  error
)

func benchTranscripts() int {
	if n, err := strconv.Atoi(os.Getenv("ASSEMBLYKG_BENCH_TRANSCRIPTS")); err == nil && n > 0 {
		return n
	}
	return 300
}

func loadArchive(b *testing.B) *benchArchive {
	b.Helper()
	archiveOnce.Do(func() {
		a := &benchArchive{}
		g, err := synth.New(benchSeed)
		if err != nil {
			archiveErr = err
			return
		}
		opts := mapOptions{base: ontology.DefaultBase, workers: 1}
		if err := opts.validate(); err != nil {
			archiveErr = err
			return
		}
		if a.pipe, err = newPipeline(opts, io.Discard); err != nil {
			archiveErr = err
			return
		}
		for i := range benchTranscripts() {
			name, data := g.Transcript(i)
			a.names = append(a.names, name)
			a.data = append(a.data, data)
			a.bytes += int64(len(data))
			t, err := a.pipe.reader.Parse(name, data)
			if err != nil {
				archiveErr = err
				return
			}
			f := a.pipe.mapper.Find(t)
			gr := a.pipe.mapper.Map(t, f)
			a.transcripts = append(a.transcripts, t)
			a.findings = append(a.findings, f)
			a.graphs = append(a.graphs, gr)
			a.triples += len(gr.Quads)
		}
		archive = a
	})
	if archiveErr != nil {
		b.Fatal(archiveErr)
	}
	return archive
}

// reportTriples reports the rate at which triples went through a stage
// that handled the whole archive b.N times.
func reportTriples(b *testing.B, triples int) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(triples)*float64(b.N)/s, "triples/s")
	}
}

// BenchmarkRead times reading transcripts into the model, resolving
// speakers against the people register on the way.
func BenchmarkRead(b *testing.B) {
	a := loadArchive(b)
	b.SetBytes(a.bytes)
	b.ReportAllocs()
	for b.Loop() {
		for i, data := range a.data {
			if _, err := a.pipe.reader.Parse(a.names[i], data); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportTriples(b, a.triples)
}

// BenchmarkResolvePeople times resolving the printed speaker labels of
// the archive against the people register, the part of reading that
// grows with the register.
func BenchmarkResolvePeople(b *testing.B) {
	a := loadArchive(b)
	var printed []string
	for _, t := range a.transcripts {
		for _, turn := range t.Turns {
			if turn.Label != "" {
				// The reader resolves the name without the bracketed role.
				name, _, _ := strings.Cut(turn.Label, " (")
				printed = append(printed, name)
			}
		}
	}
	reg := a.pipe.reader.People
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range printed {
			reg.Resolve(p)
		}
	}
	b.ReportMetric(float64(len(printed)*b.N)/b.Elapsed().Seconds(), "labels/s")
	reportTriples(b, a.triples)
}

// BenchmarkDetect times finding body mentions and claims.
func BenchmarkDetect(b *testing.B) {
	a := loadArchive(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range a.transcripts {
			a.pipe.mapper.Find(t)
		}
	}
	reportTriples(b, a.triples)
}

// BenchmarkMap times turning transcripts and their findings into quads.
func BenchmarkMap(b *testing.B) {
	a := loadArchive(b)
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range a.transcripts {
			a.pipe.mapper.Map(t, a.findings[i])
		}
	}
	reportTriples(b, a.triples)
}

var benchFormats = []string{"ntriples", "turtle", "nquads", "jsonld"}

// BenchmarkWrite times each writer alone on the mapped quads.
func BenchmarkWrite(b *testing.B) {
	a := loadArchive(b)
	wo := rdfio.Options{Prefixes: ontology.Prefixes, Context: ontology.Context()}
	for _, name := range benchFormats {
		f, ok := rdfio.ByName(name)
		if !ok {
			b.Fatalf("no format %q", name)
		}
		b.Run(name, func(b *testing.B) {
			cw := &countingWriter{}
			b.ReportAllocs()
			for b.Loop() {
				cw.n = 0
				w := f.NewWriter(cw, wo)
				for _, g := range a.graphs {
					if _, err := w.WriteQuads(g.Quads); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cw.n), "out-bytes")
			reportTriples(b, a.triples)
		})
	}
}

// BenchmarkExport times the export command end to end (list the folder,
// read, detect, map, write) on transcript files, writing to io.Discard,
// with the command's default number of workers.
func BenchmarkExport(b *testing.B) {
	a := loadArchive(b)
	dir := b.TempDir()
	g, err := synth.New(benchSeed)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := g.WriteDir(context.Background(), dir, len(a.data), 0); err != nil {
		b.Fatal(err)
	}
	for _, name := range benchFormats {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(a.bytes)
			b.ReportAllocs()
			for b.Loop() {
				exportOnce(b, name, dir)
			}
			reportTriples(b, a.triples)
		})
	}
}

// exportOnce runs "assemblykg export -f name dir" to io.Discard. A run
// that takes far longer than it should is stopped and reported, so a
// stalled pipeline fails the benchmark instead of hanging it.
func exportOnce(b *testing.B, format, dir string) {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	args := []string{"export", "-q", "-f", format, "--workers", strconv.Itoa(runtime.GOMAXPROCS(0)), dir}
	if code := run(ctx, args, streams{in: bytes.NewReader(nil), out: io.Discard, err: &stderr}); code != exitOK {
		if ctx.Err() != nil {
			b.Fatalf("export -f %s stalled for %s (the ordered worker pipeline stopped making progress): %s", format, 5*time.Minute, stderr.String())
		}
		b.Fatalf("export -f %s: exit %d: %s", format, code, stderr.String())
	}
}

// countingWriter counts the bytes written to it and discards them.
type countingWriter struct{ n int }

func (c *countingWriter) Write(p []byte) (int, error) { c.n += len(p); return len(p), nil }
