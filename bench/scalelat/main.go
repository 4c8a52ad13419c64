// Command scalelat measures the latency of the catalogue's named queries on
// a loaded store, opened once and read-only as the HTTP server holds it: for
// the most- and the least-mentioned body and the people with the most and
// the fewest speech turns, each query taking a body or a speaker is run
// until -n runs or -budget time (a first run longer than the budget is the
// only one; one longer than -limit is stopped and reported as "> limit"),
// and its p50 and p99 are printed, one tab-separated line per query and
// target:
//
//	query  parameter  target  rows  runs  p50_ms  p99_ms
//
// The queries without parameters, and path from the busiest person to the
// most-mentioned body, are timed the same way, and so is the explorer's
// page of the most- and the least-mentioned body as the server makes it
// (graph/site, in this process): its line is named body-page, and its rows
// column gives the bytes of the page. The first line gives the number of
// quads in the store.
//
//	go run ./bench/scalelat -db bolt -dbpath DIR -n 50
package main

import (
	"context"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/assemblykg/assemblykg/graph/site"
	"github.com/assemblykg/assemblykg/graph/store"
)

func main() {
	db := flag.String("db", store.DefaultKind, "store kind")
	path := flag.String("dbpath", "", "store path or postgres:// URL")
	n := flag.Int("n", 50, "runs per query and target at most")
	budget := flag.Duration("budget", 5*time.Second, "time per query and target")
	flag.DurationVar(&limit, "limit", 60*time.Second, "longest run of a query")
	only := flag.String("queries", "", "comma-separated names of the queries to time, body-page for the body page (default all)")
	flag.Parse()
	if *only != "" {
		queries = strings.Split(*only, ",")
	}
	if err := run(*db, *path, *n, *budget); err != nil {
		fmt.Fprintln(os.Stderr, "scalelat:", err)
		os.Exit(1)
	}
}

type target struct{ what, iri, name string }

var (
	limit   time.Duration
	queries []string // the names of the queries to time; all when empty
)

func run(db, path string, n int, budget time.Duration) error {
	st, err := store.Open(db, path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := context.Background()
	stats, err := st.QuadStore().Stats(ctx, false)
	if err == nil && !stats.Quads.Exact {
		stats, err = st.QuadStore().Stats(ctx, true)
	}
	if err != nil {
		return err
	}
	fmt.Printf("quads\t%d\n", stats.Quads.Value)

	bodies, err := st.Bodies(ctx)
	if err != nil {
		return err
	}
	bodies = slices.DeleteFunc(bodies, func(b store.BodyRow) bool { return b.Mentions == 0 })
	people, err := st.People(ctx)
	if err != nil {
		return err
	}
	people = slices.DeleteFunc(people, func(p store.PersonRow) bool { return p.Turns == 0 })
	if len(bodies) == 0 || len(people) == 0 {
		return fmt.Errorf("no body mentioned or no person speaking: is the store loaded?")
	}
	slices.SortStableFunc(bodies, func(a, b store.BodyRow) int { return b.Mentions - a.Mentions })
	slices.SortStableFunc(people, func(a, b store.PersonRow) int { return b.Turns - a.Turns })
	mostB, leastB := bodies[0], bodies[len(bodies)-1]
	mostP, leastP := people[0], people[len(people)-1]
	byKind := map[store.ParamKind][]target{
		store.BodyParam: {
			{"most-mentioned body", string(mostB.Body), fmt.Sprintf("%s (%d mentions)", mostB.Name, mostB.Mentions)},
			{"least-mentioned body", string(leastB.Body), fmt.Sprintf("%s (%d mentions)", leastB.Name, leastB.Mentions)},
		},
		store.PersonParam: {
			{"busiest person", string(mostP.Person), fmt.Sprintf("%s (%d turns)", mostP.Name, mostP.Turns)},
			{"quietest person", string(leastP.Person), fmt.Sprintf("%s (%d turns)", leastP.Name, leastP.Turns)},
		},
	}
	for _, q := range store.Catalogue() {
		if len(queries) > 0 && !slices.Contains(queries, q.Name) {
			continue
		}
		var required, optional []store.Param
		for _, p := range q.Params {
			if p.Required {
				required = append(required, p)
			} else if _, ok := byKind[p.Kind]; ok {
				optional = append(optional, p)
			}
		}
		switch {
		case q.Name == "path":
			args := map[string]string{"from": string(mostP.Person), "to": string(mostB.Body)}
			if err := timeQuery(ctx, st, q, "from,to", mostP.Name+" -> "+mostB.Name, args, n, budget); err != nil {
				return err
			}
		case len(required) > 0:
			continue // needs arguments this program does not know how to give
		case len(optional) == 0:
			if err := timeQuery(ctx, st, q, "-", "all", nil, n, budget); err != nil {
				return err
			}
		default:
			for _, p := range optional {
				for _, t := range byKind[p.Kind] {
					if err := timeQuery(ctx, st, q, p.Name, t.what+": "+t.name, map[string]string{p.Name: t.iri}, n, budget); err != nil {
						return err
					}
				}
			}
		}
	}
	if len(queries) == 0 || slices.Contains(queries, "body-page") {
		s, err := site.New(ctx, st, site.Options{Timeout: limit})
		if err != nil {
			return err
		}
		for _, t := range byKind[store.BodyParam] {
			if err := timePage(s, "/doc/"+strings.TrimPrefix(t.iri, s.Base()), t.what+": "+t.name, n, budget); err != nil {
				return err
			}
		}
	}
	return nil
}

// timePage times the HTML page at path as timeQuery times a query.
func timePage(h http.Handler, path, what string, n int, budget time.Duration) error {
	var times []time.Duration
	size := 0
	start := time.Now()
	for len(times) < n && (len(times) == 0 || time.Since(start) < budget) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept", "text/html")
		rec := httptest.NewRecorder()
		t0 := time.Now()
		h.ServeHTTP(rec, req)
		d := time.Since(t0)
		if rec.Code == http.StatusServiceUnavailable || rec.Code == http.StatusGatewayTimeout {
			fmt.Printf("body-page\thtml\t%s\t-\t%d\t>%.0f\t>%.0f\n", what, len(times)+1, limit.Seconds()*1000, limit.Seconds()*1000)
			return nil
		}
		if rec.Code != http.StatusOK {
			return fmt.Errorf("%s: status %d: %.200s", path, rec.Code, rec.Body.String())
		}
		size = rec.Body.Len()
		if len(times) == 0 && d < budget && n > 1 {
			// A quick first request warms the caches and is not counted.
			start = time.Now()
			times = append(times, -1)
			continue
		}
		times = append(times, d)
	}
	times = slices.DeleteFunc(times, func(d time.Duration) bool { return d < 0 })
	slices.Sort(times)
	ms := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
	}
	fmt.Printf("body-page\thtml\t%s\t%d\t%d\t%.3f\t%.3f\n", strings.ReplaceAll(what, "\t", " "), size, len(times), ms(0.5), ms(0.99))
	return nil
}

func timeQuery(ctx context.Context, st *store.Store, q *store.Query, param, what string, values map[string]string, n int, budget time.Duration) (err error) {
	defer func() {
		// A query that fails inside the backend is reported, and the
		// others are still timed.
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "scalelat: %s %v: panic: %v\n", q.Name, values, r)
			fmt.Printf("%s\t%s\t%s\t-\t-\tpanic\tpanic\n", q.Name, param, what)
			err = nil
		}
	}()
	args, err := q.Parse(values)
	if err != nil {
		return fmt.Errorf("%s: %w", q.Name, err)
	}
	var times []time.Duration
	rows := 0
	start := time.Now()
	for len(times) < n && (len(times) == 0 || time.Since(start) < budget) {
		qctx, cancel := context.WithTimeout(ctx, limit)
		t0 := time.Now()
		r, err := st.Run(qctx, q, args, store.Page{})
		d := time.Since(t0)
		cancel()
		if err != nil && qctx.Err() != nil {
			fmt.Printf("%s\t%s\t%s\t-\t%d\t>%.0f\t>%.0f\n", q.Name, param, what, len(times)+1, limit.Seconds()*1000, limit.Seconds()*1000)
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s %v: %w", q.Name, values, err)
		}
		rows = r.Total
		if len(times) == 0 && d < budget && n > 1 {
			// A quick first run warms the caches and is not counted.
			start = time.Now()
			times = append(times, -1)
			continue
		}
		times = append(times, d)
	}
	times = slices.DeleteFunc(times, func(d time.Duration) bool { return d < 0 })
	slices.Sort(times)
	ms := func(p float64) float64 {
		return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
	}
	fmt.Printf("%s\t%s\t%s\t%d\t%d\t%.3f\t%.3f\n", q.Name, param, strings.ReplaceAll(what, "\t", " "), rows, len(times), ms(0.5), ms(0.99))
	return nil
}
