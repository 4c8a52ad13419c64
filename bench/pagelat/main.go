// Command pagelat measures how long the explorer takes to make its pages
// inside one process (the store opened once, as serve holds it): it asks
// the site for each page the given number of times, after warm-up
// requests, and prints one line per page: "page p50_ms p99_ms bytes
// cpu_ms", the last the process's CPU time per timed request (all its
// threads, so garbage collection and side-by-side reads count).
//
//	go run ./bench/pagelat -dbpath DIR -body "Transport for London" -n 50
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/assemblykg/assemblykg/graph/site"
	"github.com/assemblykg/assemblykg/graph/store"
)

func main() {
	db := flag.String("db", store.DefaultKind, "store kind")
	path := flag.String("dbpath", "", "store path or postgres:// URL")
	body := flag.String("body", "Transport for London", "body whose page is timed")
	n := flag.Int("n", 50, "requests timed per page (after 3 warm-up requests)")
	only := flag.String("page", "", "time only this page (home, body, body-turtle, body-graph, person, question, search, id-303)")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the timed requests to `FILE`")
	out := flag.String("out", "", "write each page timed to `DIR`/NAME (to compare pages between versions)")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "pagelat:", err)
			os.Exit(1)
		}
		defer pprof.StopCPUProfile()
	}
	if err := run(*db, *path, *body, *only, *out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "pagelat:", err)
		os.Exit(1)
	}
}

func run(db, path, body, only, out string, n int) error {
	st, err := store.Open(db, path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	s, err := site.New(ctx, st, site.Options{Timeout: time.Minute})
	if err != nil {
		return err
	}
	// The pages of the body, of the person who mentioned it most, and of a
	// question where it is mentioned.
	quotes, err := st.Quotes(ctx, store.Filter{Body: body})
	if err != nil {
		return err
	}
	if len(quotes) == 0 {
		return fmt.Errorf("%s is never mentioned", body)
	}
	doc := func(iri string) string { return "/doc/" + strings.TrimPrefix(iri, s.Base()) }
	bodyDoc := doc(string(quotes[0].BodyI))
	pages := []struct{ name, path, accept string }{
		{"home", "/", "text/html"},
		{"body", bodyDoc, "text/html"},
		{"body-turtle", bodyDoc, "text/turtle"},
		{"body-graph", "/graph/" + strings.TrimPrefix(bodyDoc, "/doc/"), "application/json"},
		{"person", doc(string(quotes[0].SpeakerI)), "text/html"},
		{"question", doc(string(quotes[0].IRI)), "text/html"},
		{"search", "/search?q=" + strings.ReplaceAll(strings.ToLower(body[:min(len(body), 8)]), " ", "+"), "text/html"},
		{"id-303", "/id/" + strings.TrimPrefix(bodyDoc, "/doc/"), "text/html"},
	}
	fmt.Printf("# %s: %d mentions\n", body, len(quotes))
	for _, p := range pages {
		if only != "" && p.name != only {
			continue
		}
		times := make([]time.Duration, n)
		var last []byte
		var cpu time.Duration
		for i := -3; i < n; i++ {
			req := httptest.NewRequest(http.MethodGet, p.path, nil)
			req.Header.Set("Accept", p.accept)
			rec := httptest.NewRecorder()
			start, cpu0 := time.Now(), cpuTime()
			s.ServeHTTP(rec, req)
			d := time.Since(start)
			if rec.Code != http.StatusOK && rec.Code != http.StatusSeeOther {
				return fmt.Errorf("%s: status %d: %s", p.path, rec.Code, rec.Body.String())
			}
			if i >= 0 {
				times[i] = d
				cpu += cpuTime() - cpu0
			}
			last = rec.Body.Bytes()
		}
		if out != "" {
			if err := os.WriteFile(filepath.Join(out, p.name), last, 0o644); err != nil {
				return err
			}
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		ms := func(q float64) float64 {
			return float64(times[min(len(times)-1, int(q*float64(len(times))))].Microseconds()) / 1000
		}
		fmt.Printf("%s %.1f %.1f %d %.1f\n", p.name, ms(0.50), ms(0.99), len(last), float64(cpu.Microseconds())/1000/float64(n))
	}
	return nil
}

// cpuTime is the CPU time the process has used, user and system: less
// sensitive than wall time to other work on the machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
