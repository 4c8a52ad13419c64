package rdfio_test

import (
	"encoding/json"
	"io"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/piprate/json-gold/ld"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/ontology"
)

var benchQuads = sync.OnceValue(func() []quad.Quad { return generate(1_000_000) })

// BenchmarkWrite writes 1M generated transcript quads with each writer.
// Targets: N-Triples and Turtle at least serdi's ~900k triples/s, JSON-LD at
// least 10x json-gold's fromRDF+compact (~75k triples/s).
func BenchmarkWrite(b *testing.B) {
	qs := benchQuads()
	ctx := readFile(b, "context.jsonld")
	for _, f := range rdfio.Formats() {
		b.Run(f.Name, func(b *testing.B) {
			opts := rdfio.Options{Prefixes: ontology.Prefixes, Context: ctx}
			for b.Loop() {
				w := f.NewWriter(io.Discard, opts)
				if _, err := w.WriteQuads(qs); err != nil {
					b.Fatal(err)
				}
				if err := w.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(qs)*b.N)/b.Elapsed().Seconds(), "triples/s")
		})
	}
}

// BenchmarkJSONGoldFromRDFCompact is the generic route to compacted
// JSON-LD (json-gold v0.9.1 fromRDF then compact against the same context)
// on the first 100k of the same quads, for comparison with
// BenchmarkWrite/jsonld.
func BenchmarkJSONGoldFromRDFCompact(b *testing.B) {
	qs := benchQuads()[:100_000]
	var ctx map[string]any
	if err := json.Unmarshal(readFile(b, "context.jsonld"), &ctx); err != nil {
		b.Fatal(err)
	}
	nquads := string(write(b, mustFormat(b, "nquads"), rdfio.Options{}, qs))
	proc := ld.NewJsonLdProcessor()
	for b.Loop() {
		opts := ld.NewJsonLdOptions("")
		opts.InputFormat = "application/n-quads"
		doc, err := proc.FromRDF(nquads, opts)
		if err != nil {
			b.Fatal(err)
		}
		out, err := proc.Compact(doc, ctx, ld.NewJsonLdOptions(""))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(out); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(qs)*b.N)/b.Elapsed().Seconds(), "triples/s")
}
