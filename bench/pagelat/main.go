// Command pagelat measures how long the explorer takes to make its pages
// inside one process (the store opened once, as serve holds it): it asks
// the site for each page the given number of times, after warm-up
// requests, and prints one line per page: "page p50_ms p99_ms bytes".
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
	"runtime/pprof"
	"sort"
	"strings"
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
	if err := run(*db, *path, *body, *only, *n); err != nil {
		fmt.Fprintln(os.Stderr, "pagelat:", err)
		os.Exit(1)
	}
}

func run(db, path, body, only string, n int) error {
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
		size := 0
		for i := -3; i < n; i++ {
			req := httptest.NewRequest(http.MethodGet, p.path, nil)
			req.Header.Set("Accept", p.accept)
			rec := httptest.NewRecorder()
			start := time.Now()
			s.ServeHTTP(rec, req)
			d := time.Since(start)
			if rec.Code != http.StatusOK && rec.Code != http.StatusSeeOther {
				return fmt.Errorf("%s: status %d: %s", p.path, rec.Code, rec.Body.String())
			}
			if i >= 0 {
				times[i] = d
			}
			size = rec.Body.Len()
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		ms := func(q float64) float64 {
			return float64(times[min(len(times)-1, int(q*float64(len(times))))].Microseconds()) / 1000
		}
		fmt.Printf("%s %.1f %.1f %d\n", p.name, ms(0.50), ms(0.99), size)
	}
	return nil
}
