package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/assemblykg/assemblykg/graph/server"
	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

func newServer(t *testing.T, o server.Options) *httptest.Server {
	t.Helper()
	st, err := store.Open(store.Memory, "", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	_, err = st.Load(context.Background(), func(yield func(store.Graph, error) bool) {
		for _, g := range storetest.Fixture() {
			if !yield(g, nil) {
				return
			}
		}
	}, store.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(server.New(st, o))
	t.Cleanup(ts.Close)
	return ts
}

func get(t *testing.T, u string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("GET %s: %v in %s", u, err, body)
	}
	return resp.StatusCode, out
}

func TestGizmoOverHTTP(t *testing.T) {
	ts := newServer(t, server.Options{})
	q := `g.V("<` + string(storetest.Sadiq) + `>").Out("<http://xmlns.com/foaf/0.1/name>").All()`
	code, out := get(t, ts.URL+"/api/v2/query?lang=gizmo&qu="+url.QueryEscape(q))
	res, _ := out["result"].([]any)
	if code != http.StatusOK || len(res) == 0 {
		t.Fatalf("status %d, %v", code, out)
	}
	if id := res[0].(map[string]any)["id"]; id != "Sadiq Khan" {
		t.Errorf("got %v, want Sadiq Khan", id)
	}
	// POST with the script in the body.
	resp, err := http.Post(ts.URL+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(q))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("POST query: status %d", resp.StatusCode)
	}
}

func TestEndlessGizmoStopsAtTimeLimit(t *testing.T) {
	ts := newServer(t, server.Options{Timeout: 300 * time.Millisecond})
	start := time.Now()
	code, out := get(t, ts.URL+"/api/v2/query?lang=gizmo&qu="+url.QueryEscape("while(true){}"))
	if code == http.StatusOK || out["error"] == nil {
		t.Errorf("endless script: status %d, %v; want an error", code, out)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("endless script answered after %v with a 300ms limit", d)
	}
}

func TestResultLimit(t *testing.T) {
	ts := newServer(t, server.Options{Limit: 3})
	_, out := get(t, ts.URL+"/api/v2/query?lang=gizmo&qu="+url.QueryEscape("g.V().All()"))
	if res, _ := out["result"].([]any); len(res) != 3 {
		t.Errorf("gizmo: %d results, want 3", len(res))
	}
	_, out = get(t, ts.URL+"/api/mentions")
	if res, _ := out["result"].([]any); len(res) != 3 || out["truncated"] != true {
		t.Errorf("mentions: %d rows, truncated %v; want 3, true", len(res), out["truncated"])
	}
}

func TestWritesRefused(t *testing.T) {
	ts := newServer(t, server.Options{})
	nq := `<http://example.org/a> <http://example.org/b> <http://example.org/c> .` + "\n"
	for _, p := range []string{"/api/v2/write", "/api/v2/delete", "/api/v2/node/delete"} {
		resp, err := http.Post(ts.URL+p, "application/n-quads", strings.NewReader(nq))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("POST %s: status %d, want 403", p, resp.StatusCode)
		}
	}
	code, out := get(t, ts.URL+"/api/v2/query?lang=gizmo&qu="+url.QueryEscape(`g.V("<http://example.org/a>").Out().All()`))
	if res, _ := out["result"].([]any); code != http.StatusOK || len(res) != 0 {
		t.Errorf("after refused writes: %d %v", code, out)
	}
}

func TestNamedQueries(t *testing.T) {
	ts := newServer(t, server.Options{})
	code, out := get(t, ts.URL+"/api/mentions?body=MPS")
	res, _ := out["result"].([]any)
	if code != http.StatusOK || len(res) != 2 {
		t.Fatalf("mentions?body=MPS: %d %v", code, out)
	}
	first := res[0].(map[string]any)
	if first["speakerName"] != "Sadiq Khan" || first["mentions"] != 3.0 {
		t.Errorf("first row %v", first)
	}
	for _, p := range []string{"/api/bodies", "/api/people", "/api/sessions", "/api/claims?body=TfL",
		"/api/answers?body=TfL", "/api/path?from=Len+Duvall&to=TfL"} {
		code, out := get(t, ts.URL+p)
		if res, _ := out["result"].([]any); code != http.StatusOK || len(res) == 0 {
			t.Errorf("GET %s: %d %v", p, code, out)
		}
	}
	if code, _ := get(t, ts.URL+"/api/mentions?body=Nobody"); code != http.StatusNotFound {
		t.Errorf("unknown body: status %d, want 404", code)
	}
	if code, _ := get(t, ts.URL+"/api/path?from=x"); code != http.StatusBadRequest {
		t.Errorf("path without to: status %d, want 400", code)
	}
}
