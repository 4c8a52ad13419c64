package reconcile_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/mapping/bodies"
	"github.com/assemblykg/assemblykg/mapping/reconcile"
)

// service implements the Reconciliation Service API over answers recorded
// in testdata/answers.json, and keeps the queries it was sent.
type service struct {
	t       *testing.T
	answers map[string]json.RawMessage
	mu      sync.Mutex
	batches []map[string]query
}

type query struct {
	Query      string `json:"query"`
	Type       string `json:"type"`
	Limit      int    `json:"limit"`
	Properties []struct {
		PID string `json:"pid"`
		V   string `json:"v"`
	} `json:"properties"`
}

func newService(t *testing.T) *service {
	data, err := os.ReadFile("testdata/answers.json")
	if err != nil {
		t.Fatal(err)
	}
	s := &service{t: t}
	if err := json.Unmarshal(data, &s.answers); err != nil {
		t.Fatal(err)
	}
	return s
}

func (s *service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {
		http.Error(w, "want a form POST", http.StatusBadRequest)
		return
	}
	var qs map[string]query
	if err := json.Unmarshal([]byte(r.PostFormValue("queries")), &qs); err != nil {
		http.Error(w, "bad queries: "+err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.batches = append(s.batches, qs)
	s.mu.Unlock()
	out := map[string]any{}
	for k, q := range qs {
		res, ok := s.answers[q.Query]
		if !ok {
			res = json.RawMessage("[]")
		}
		out[k] = map[string]any{"result": res}
	}
	json.NewEncoder(w).Encode(out)
}

var entities = []reconcile.Entity{
	{IRI: "https://w3id.org/assemblykg/id/body/transport-for-london", Name: "Transport for London", Type: reconcile.TypeOrganisation},
	{IRI: "https://w3id.org/assemblykg/id/person/jenny-jones", Name: "Jenny Jones", Type: reconcile.TypeHuman, AssemblyMember: true},
	{IRI: "https://w3id.org/assemblykg/id/body/garden-bridge-trust", Name: "Garden Bridge Trust", Type: reconcile.TypeOrganisation},
}

func client(url string) *reconcile.Client {
	return &reconcile.Client{Service: url, Batch: 2, Timeout: 2 * time.Second, Retries: 2, Backoff: time.Millisecond}
}

func TestRunReview(t *testing.T) {
	svc := newService(t)
	srv := httptest.NewServer(svc)
	defer srv.Close()
	res, err := reconcile.Run(context.Background(), client(srv.URL), entities, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Three queries in batches of two: two requests, with type, limit and
	// the properties that tell namesakes apart.
	if len(svc.batches) != 2 || len(svc.batches[0]) != 2 || len(svc.batches[1]) != 1 {
		t.Fatalf("batches: %+v", svc.batches)
	}
	tfl, jones := svc.batches[0]["q0"], svc.batches[0]["q1"]
	if tfl.Query != "Transport for London" || tfl.Type != "Q43229" || tfl.Limit != 3 || len(tfl.Properties) != 1 || tfl.Properties[0].PID != "P17" || tfl.Properties[0].V != "Q145" {
		t.Errorf("organisation query: %+v", tfl)
	}
	if jones.Type != "Q5" || len(jones.Properties) != 1 || jones.Properties[0].PID != "P39" || jones.Properties[0].V != "Q56573014" {
		t.Errorf("person query: %+v", jones)
	}
	// Every candidate for review, best first; nothing accepted.
	var buf bytes.Buffer
	if err := reconcile.WriteCSV(&buf, res.Rows); err != nil {
		t.Fatal(err)
	}
	want := "iri,name,type,same_as,candidate,candidate_name,score,match\n" +
		"https://w3id.org/assemblykg/id/body/transport-for-london,Transport for London,organisation,,http://www.wikidata.org/entity/Q682520,Transport for London,100,true\n" +
		"https://w3id.org/assemblykg/id/body/transport-for-london,Transport for London,organisation,,http://www.wikidata.org/entity/Q900003,London Transport Museum,31.5,false\n" +
		"https://w3id.org/assemblykg/id/person/jenny-jones,Jenny Jones,human,,http://www.wikidata.org/entity/Q900001,Jenny Jones,100,false\n" +
		"https://w3id.org/assemblykg/id/person/jenny-jones,Jenny Jones,human,,http://www.wikidata.org/entity/Q900002,Jenny Jones,100,false\n"
	if buf.String() != want {
		t.Errorf("links file:\n%s\nwant:\n%s", buf.String(), want)
	}
	if len(res.Unmatched) != 1 || res.Unmatched[0].Name != "Garden Bridge Trust" || res.Accepted != 0 {
		t.Errorf("unmatched %v, accepted %d", res.Unmatched, res.Accepted)
	}
	// A file for review links nothing when read back.
	if ls, err := bodies.ReadLinks(&buf, "review.csv"); err != nil || len(ls) != 0 {
		t.Errorf("review file read as links: %v, %v", ls, err)
	}
}

func TestRunAccept(t *testing.T) {
	srv := httptest.NewServer(newService(t))
	defer srv.Close()
	res, err := reconcile.Run(context.Background(), client(srv.URL), entities, 90)
	if err != nil {
		t.Fatal(err)
	}
	// The confident match is accepted; the two namesakes are not.
	if len(res.Rows) != 1 || res.Accepted != 1 || res.Rows[0].Name != "Transport for London" || res.Rows[0].SameAs != "http://www.wikidata.org/entity/Q682520" {
		t.Fatalf("accepted rows: %+v", res.Rows)
	}
	var buf bytes.Buffer
	if err := reconcile.WriteCSV(&buf, res.Rows); err != nil {
		t.Fatal(err)
	}
	ls, err := bodies.ReadLinks(&buf, "accepted.csv")
	if err != nil || len(ls) != 1 || ls[0].Subject != entities[0].IRI || ls[0].SameAs != "http://www.wikidata.org/entity/Q682520" || ls[0].Line != 2 {
		t.Errorf("accepted file read as links: %+v, %v", ls, err)
	}
}

func TestServiceError(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		http.Error(w, "upstream query failed", http.StatusBadGateway)
	}))
	defer srv.Close()
	_, err := reconcile.Run(context.Background(), client(srv.URL), entities, 0)
	var e *reconcile.Error
	if !errors.As(err, &e) || e.Status != http.StatusBadGateway || !strings.Contains(err.Error(), "upstream query failed") {
		t.Fatalf("err = %v", err)
	}
	if calls != 3 { // the first try and two retries
		t.Errorf("%d requests, want 3", calls)
	}
	// A client error is not retried.
	calls = 0
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		http.Error(w, "no such endpoint", http.StatusNotFound)
	}))
	defer bad.Close()
	if _, err := reconcile.Run(context.Background(), client(bad.URL), entities, 0); !errors.As(err, &e) || e.Status != 404 || calls != 1 {
		t.Errorf("404: err %v after %d requests", err, calls)
	}
}

func TestRetryThenAnswer(t *testing.T) {
	svc := newService(t)
	fails := 1
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if fails > 0 {
			fails--
			http.Error(w, "busy", http.StatusTooManyRequests)
			return
		}
		svc.ServeHTTP(w, r)
	}))
	defer srv.Close()
	res, err := reconcile.Run(context.Background(), client(srv.URL), entities[:1], 90)
	if err != nil || res.Accepted != 1 {
		t.Fatalf("after a 429: %+v, %v", res, err)
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	c := client(srv.URL)
	c.Timeout, c.Retries = 50*time.Millisecond, 1
	_, err := reconcile.Run(context.Background(), c, entities, 0)
	var e *reconcile.Error
	if !errors.As(err, &e) || e.Status != 0 || !strings.Contains(err.Error(), "no answer within 50ms") {
		t.Fatalf("err = %v", err)
	}
}

func TestUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	c := client(url)
	c.Retries = 1
	_, err := reconcile.Run(context.Background(), c, entities, 0)
	var e *reconcile.Error
	if !errors.As(err, &e) || e.Status != 0 || !strings.Contains(err.Error(), "reconciliation service "+url+" unreachable") {
		t.Fatalf("err = %v", err)
	}
}

func TestWriteCSVUnlinked(t *testing.T) {
	var buf bytes.Buffer
	rows := []reconcile.Row{{Entity: entities[2]}}
	if err := reconcile.WriteCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][0] != entities[2].IRI || recs[1][3] != "" || recs[1][6] != "" {
		t.Errorf("unlinked rows: %q, %v", recs, err)
	}
}

func ExampleWikidataQuery() {
	q := reconcile.WikidataQuery(reconcile.Entity{Name: "Len Duvall", Type: reconcile.TypeHuman, AssemblyMember: true})
	fmt.Println(q.Name, q.Type, q.Properties)
	q = reconcile.WikidataQuery(reconcile.Entity{Name: "MOPAC", Type: reconcile.TypeOrganisation})
	fmt.Println(q.Name, q.Type, q.Properties)
	// Output:
	// Len Duvall Q5 [{P39 Q56573014}]
	// MOPAC Q43229 [{P17 Q145}]
}
