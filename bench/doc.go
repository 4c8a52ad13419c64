// Package bench holds the programs bench/run.sh uses to compare assemblykg
// with the tools people already use on RDF: json-gold (JSON-LD), Cayley's
// own quad writer (store loads) and a query-latency probe. The comparison
// itself, with serdi, rapper and N3.js, is bench/run.sh; the results are in
// BENCHMARKS.md.
package bench
