package store_test

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

// benchGraphs is about 320,000 quads in 100 transcripts.
var benchGraphs = storetest.Synthetic(100, 100)

func benchQuads() int64 {
	var n int64
	for _, g := range benchGraphs {
		n += int64(len(g.Quads))
	}
	return n
}

func openBench(b *testing.B, kind string, o store.Options) (*store.Store, string) {
	b.Helper()
	path := ""
	switch kind {
	case store.Bolt, store.LevelDB:
		path = filepath.Join(b.TempDir(), "db")
	case store.Postgres:
		path = storetest.FreshDatabase(b, storetest.PostgresURL(b))
	}
	s, err := store.Open(kind, path, o)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s, path
}

func diskSize(path string) int64 {
	var n int64
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

var benchKinds = []string{store.Memory, store.Bolt, store.LevelDB, store.Postgres}

// BenchmarkLoad compares, per backend, Cayley's default batch writer
// (graph.NewWriter, 10k quads per AddQuadSet) with the store's loader
// (named-graph replacement, COPY on PostgreSQL), and the loader with
// NoSync. Run with -benchtime=1x; it reports quads/s and MB on disk.
func BenchmarkLoad(b *testing.B) {
	total := benchQuads()
	for _, kind := range benchKinds {
		for _, mode := range []string{"cayley-writer", "loader", "loader-nosync", "loader-100k"} {
			if mode == "loader-nosync" && (kind == store.Memory || kind == store.Postgres) {
				continue
			}
			b.Run(kind+"/"+mode, func(b *testing.B) {
				for range b.N {
					b.StopTimer()
					s, path := openBench(b, kind, store.Options{NoSync: mode == "loader-nosync"})
					b.StartTimer()
					start := time.Now()
					switch mode {
					case "cayley-writer":
						w := graph.NewWriter(s.Handle())
						// 10k quads per AddQuadSet, as cayley load does.
						var all []quad.Quad
						for _, g := range benchGraphs {
							all = append(all, g.Quads...)
						}
						for i := 0; i < len(all); i += quad.DefaultBatch {
							if _, err := w.WriteQuads(all[i:min(i+quad.DefaultBatch, len(all))]); err != nil {
								b.Fatal(err)
							}
						}
						if err := w.Close(); err != nil {
							b.Fatal(err)
						}
					default:
						o := store.LoadOptions{}
						if mode == "loader-100k" {
							o.Batch = 100000
						}
						if _, err := s.Load(context.Background(), store.Graphs(benchGraphs...), o); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(total)/time.Since(start).Seconds(), "quads/s")
					b.StopTimer()
					if kind == store.Bolt || kind == store.LevelDB {
						b.ReportMetric(float64(diskSize(path))/1e6, "MB")
					}
					s.Close()
					b.StartTimer()
				}
			})
		}
	}
}

// BenchmarkQuery measures the named queries on each backend after loading
// the benchmark graphs: Mentions of one body is the two-hop "who mentioned
// body X" query.
func BenchmarkQuery(b *testing.B) {
	ctx := context.Background()
	for _, kind := range benchKinds {
		b.Run(kind, func(b *testing.B) {
			s, _ := openBench(b, kind, store.Options{NoSync: true})
			if _, err := s.Load(ctx, store.Graphs(benchGraphs...), store.LoadOptions{}); err != nil {
				b.Fatal(err)
			}
			queries := map[string]func() error{
				"mentions-body": func() error {
					_, err := s.Mentions(ctx, store.MentionFilter{Body: "Body 07"})
					return err
				},
				"mentions-speaker": func() error {
					_, err := s.Mentions(ctx, store.MentionFilter{Speaker: "Member 03"})
					return err
				},
				"gizmo-2hop": func() error {
					_, err := s.Gizmo(ctx, `g.V("<`+string(storetest.B("body/body-07"))+`>").In("<http://www.w3.org/2005/11/its/rdf#taIdentRef>").Out("<https://w3id.org/assemblykg/ns#inTurn>").Out("<http://schema.org/creator>").All()`, store.GizmoOptions{})
					return err
				},
				"bodies": func() error { _, err := s.Bodies(ctx); return err },
				"people": func() error { _, err := s.People(ctx); return err },
				"answers-body": func() error {
					_, err := s.Answers(ctx, store.Filter{Body: "B07"})
					return err
				},
				"path": func() error {
					_, err := s.Path(ctx, "Member 03", "Body 07", 4)
					return err
				},
			}
			for name, q := range queries {
				b.Run(name, func(b *testing.B) {
					for range b.N {
						if err := q(); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		})
	}
}
