// Command querylat measures the latency of assemblykg's "mentions" query
// inside one process (the store opened once, as the HTTP server holds it):
// it runs store.Mentions for a body the given number of times and prints
// "p50_ms p99_ms rows".
//
//	go run ./bench/querylat -db bolt -dbpath DIR -body "Transport for London" -n 200
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"sort"
	"time"

	"github.com/assemblykg/assemblykg/graph/store"
)

func main() {
	db := flag.String("db", store.DefaultKind, "store kind")
	path := flag.String("dbpath", "", "store path or postgres:// URL")
	body := flag.String("body", "Transport for London", "body to ask about")
	n := flag.Int("n", 200, "queries timed (after 5 warm-up queries)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the timed queries to `FILE`")
	flag.Parse()
	st, err := store.Open(*db, *path, store.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "querylat:", err)
		os.Exit(1)
	}
	defer st.Close()
	ctx := context.Background()
	rows := 0
	for range 5 {
		r, err := st.Mentions(ctx, store.MentionFilter{Body: *body})
		if err != nil {
			fmt.Fprintln(os.Stderr, "querylat:", err)
			os.Exit(1)
		}
		rows = len(r)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "querylat:", err)
			os.Exit(1)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "querylat:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	times := make([]time.Duration, *n)
	for i := range times {
		start := time.Now()
		if _, err := st.Mentions(ctx, store.MentionFilter{Body: *body}); err != nil {
			fmt.Fprintln(os.Stderr, "querylat:", err)
			os.Exit(1)
		}
		times[i] = time.Since(start)
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	ms := func(q float64) float64 {
		return float64(times[min(len(times)-1, int(q*float64(len(times))))].Microseconds()) / 1000
	}
	fmt.Printf("%.3f %.3f %d\n", ms(0.50), ms(0.99), rows)
}
