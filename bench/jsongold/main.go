// Command jsongold times json-gold (the Go JSON-LD processor) turning an
// N-Quads file into compacted JSON-LD with assemblykg's context: FromRDF,
// then Compact, then JSON encoding to a discarding writer. It prints
// "quads seconds" on stdout, for bench/run.sh.
//
//	go run ./bench/jsongold FILE.nq
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/piprate/json-gold/ld"

	"github.com/assemblykg/assemblykg/ontology"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: jsongold FILE.nq")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "jsongold:", err)
		os.Exit(1)
	}
	var context any
	if err := json.Unmarshal(ontology.Context(), &context); err != nil {
		fmt.Fprintln(os.Stderr, "jsongold: context:", err)
		os.Exit(1)
	}
	quads := strings.Count(string(data), "\n")
	start := time.Now()
	proc := ld.NewJsonLdProcessor()
	opts := ld.NewJsonLdOptions("")
	opts.Format = "application/n-quads"
	doc, err := proc.FromRDF(string(data), opts)
	if err != nil {
		fmt.Fprintln(os.Stderr, "jsongold: fromRDF:", err)
		os.Exit(1)
	}
	compacted, err := proc.Compact(doc, context, ld.NewJsonLdOptions(""))
	if err != nil {
		fmt.Fprintln(os.Stderr, "jsongold: compact:", err)
		os.Exit(1)
	}
	if err := json.NewEncoder(io.Discard).Encode(compacted); err != nil {
		fmt.Fprintln(os.Stderr, "jsongold: encode:", err)
		os.Exit(1)
	}
	fmt.Printf("%d %.3f\n", quads, time.Since(start).Seconds())
}
