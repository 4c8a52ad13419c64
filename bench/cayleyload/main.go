// Command cayleyload times Cayley's default way of loading quads, the
// baseline for "assemblykg load": an N-Quads file is copied with
// quad.CopyBatch (batches of 10,000, as cayley load does) into
// graph.NewWriter over the "single" quad writer. It prints "quads seconds".
//
//	go run ./bench/cayleyload -db bolt -dbpath DIR FILE.nq
//	go run ./bench/cayleyload -db postgres -dbpath postgres://... FILE.nq
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/assemblykg/assemblykg/graph/store"
)

func main() {
	db := flag.String("db", "bolt", "Cayley backend: bolt, leveldb, postgres, memstore")
	path := flag.String("dbpath", "", "folder (bolt, leveldb) or postgres:// URL")
	batch := flag.Int("batch", 10000, "quads per batch")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: cayleyload -db KIND -dbpath PATH FILE.nq")
		os.Exit(2)
	}
	if err := load(*db, *path, flag.Arg(0), *batch); err != nil {
		fmt.Fprintln(os.Stderr, "cayleyload:", err)
		os.Exit(1)
	}
}

func load(db, path, file string, batch int) error {
	store.RegisterBackends() // the same backend registrations assemblykg uses
	if db != "memstore" {
		if err := graph.InitQuadStore(db, path, nil); err != nil && err != graph.ErrDatabaseExists {
			return err
		}
	}
	qs, err := graph.NewQuadStore(db, path, nil)
	if err != nil {
		return err
	}
	defer qs.Close()
	qw, err := graph.NewQuadWriter("single", qs, graph.Options{})
	if err != nil {
		return err
	}
	w := graph.NewWriter(qw)
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	start := time.Now()
	r := nquads.NewReader(f, false)
	n, err := quad.CopyBatch(w, r, batch)
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	fmt.Printf("%d %.3f\n", n, time.Since(start).Seconds())
	return nil
}
