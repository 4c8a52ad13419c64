package server_test

import (
	"context"
	"encoding/json"
	"fmt"
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
	_, err = st.Load(context.Background(), store.Graphs(storetest.Fixture()...), store.LoadOptions{})
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
	if res, _ := out["rows"].([]any); len(res) != 3 || out["truncated"] != true || out["total"] != 5.0 {
		t.Errorf("mentions: %d rows, truncated %v, total %v; want 3, true, 5", len(res), out["truncated"], out["total"])
	}
	// limit= below the server's limit is honoured, and offset= pages on.
	_, out = get(t, ts.URL+"/api/mentions?limit=2&offset=1")
	if res, _ := out["rows"].([]any); len(res) != 2 || out["offset"] != 1.0 || out["truncated"] != true {
		t.Errorf("mentions?limit=2&offset=1: %v", out)
	}
	_, out = get(t, ts.URL+"/api/mentions?limit=100&offset=4")
	if res, _ := out["rows"].([]any); len(res) != 1 || out["truncated"] != false {
		t.Errorf("mentions?limit=100&offset=4: %v", out)
	}
	if code, _ := get(t, ts.URL+"/api/mentions?limit=0"); code != http.StatusBadRequest {
		t.Errorf("limit=0: status %d, want 400", code)
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
	res, _ := out["rows"].([]any)
	if code != http.StatusOK || len(res) != 2 {
		t.Fatalf("mentions?body=MPS: %d %v", code, out)
	}
	first := res[0].(map[string]any)
	if first["speaker"] != "Sadiq Khan" || first["mentions"] != 3.0 {
		t.Errorf("first row %v", first)
	}
	for _, q := range store.Catalogue() {
		// The examples name the seed's people and bodies, which the
		// fixture may lack: the route answers either way.
		code, out := get(t, ts.URL+server.ExampleURL(q))
		if res, _ := out["rows"].([]any); code == http.StatusOK && res == nil || code == http.StatusNotFound && !strings.HasPrefix(out["error"].(string), "no ") ||
			code != http.StatusOK && code != http.StatusNotFound || strings.Contains(fmt.Sprint(out["error"]), "no endpoint") {
			t.Errorf("GET %s: %d %v", server.ExampleURL(q), code, out)
		}
	}
	for _, p := range []string{"/api/bodies", "/api/people", "/api/sessions", "/api/claims?body=TfL",
		"/api/answers?body=TfL", "/api/path?from=Len+Duvall&to=TfL", "/api/quotes?speaker=Len+Duvall"} {
		code, out := get(t, ts.URL+p)
		if res, _ := out["rows"].([]any); code != http.StatusOK || len(res) == 0 {
			t.Errorf("GET %s: %d %v", p, code, out)
		}
	}
	// No rows is an empty list, not null.
	resp, err := http.Get(ts.URL + "/api/mentions?body=MPS&from=2030-01-01")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.HasPrefix(string(body), `{"rows": []`) {
		t.Errorf("no rows: %s", body)
	}
	for p, want := range map[string]int{
		"/api/mentions?body=Nobody": http.StatusNotFound,
		"/api/mentions?body=" + url.QueryEscape("https://example.org/nothing"): http.StatusNotFound,
		"/api/path?from=x":                            http.StatusBadRequest,
		"/api/path?from=Nobody+Here&to=TfL":           http.StatusNotFound,
		"/api/mentions?from=2017-13-01":               http.StatusBadRequest,
		"/api/mentions?from=2018-01-01&to=2017-01-01": http.StatusBadRequest,
		"/api/mentions?colour=blue":                   http.StatusBadRequest,
		"/api/nosuchquery":                            http.StatusNotFound,
	} {
		code, out := get(t, ts.URL+p)
		if code != want || out["error"] == nil {
			t.Errorf("GET %s: status %d %v, want %d and an error", p, code, out, want)
		}
	}
}

// TestIndex: / lists every named query with its parameters and columns.
func TestIndex(t *testing.T) {
	ts := newServer(t, server.Options{})
	code, out := get(t, ts.URL+"/api/")
	eps, _ := out["endpoints"].([]any)
	if code != http.StatusOK || len(eps) < len(store.Catalogue()) {
		t.Fatalf("index: %d %v", code, out)
	}
	paths := map[string]bool{}
	for _, e := range eps {
		paths[e.(map[string]any)["path"].(string)] = true
	}
	for _, q := range store.Catalogue() {
		if !paths["/api/"+q.Name] {
			t.Errorf("index lacks /api/%s", q.Name)
		}
	}
}

// TestTimeoutIsJSON: a named query past the time limit answers 504 with a
// JSON error.
func TestTimeoutIsJSON(t *testing.T) {
	ts := newServer(t, server.Options{Timeout: time.Nanosecond})
	for _, p := range []string{"/api/mentions", "/api/v2/query?lang=gizmo&qu=" + url.QueryEscape("while(true){}")} {
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		var out map[string]any
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if resp.StatusCode != http.StatusGatewayTimeout || err != nil || out["error"] == nil ||
			resp.Header.Get("Content-Type") != "application/json" {
			t.Errorf("GET %s: %d %s %v %v, want 504 and a JSON error", p, resp.StatusCode, resp.Header.Get("Content-Type"), out, err)
		}
	}
}

// TestRequestBodyCapped: a body over the cap answers 413 without echoing it.
func TestRequestBodyCapped(t *testing.T) {
	ts := newServer(t, server.Options{MaxBody: 1 << 10})
	big := strings.Repeat("x", 1<<20)
	resp, err := http.Post(ts.URL+"/api/v2/query?lang=gizmo", "application/javascript", strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge || len(body) > 200 {
		t.Errorf("1 MB body: status %d, %d bytes answered, want 413 and a short error", resp.StatusCode, len(body))
	}
}

// TestResponseBudget: answers stay under the byte budget; named queries are
// cut (and say so), Gizmo scripts emitting too much are stopped.
func TestResponseBudget(t *testing.T) {
	ts := newServer(t, server.Options{MaxBytes: 2000})
	resp, err := http.Get(ts.URL + "/api/quotes")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var out map[string]any
	json.Unmarshal(body, &out)
	if resp.StatusCode != http.StatusOK || len(body) > 2000 || out["truncated"] != true {
		t.Errorf("quotes under a 2000-byte budget: %d, %d bytes, truncated %v", resp.StatusCode, len(body), out["truncated"])
	}
	script := `var s = "x"; for (var i = 0; i < 12; i++) { s = s + s; } for (var i = 0; i < 100; i++) { g.Emit(s); }`
	code, res := get(t, ts.URL+"/api/v2/query?lang=gizmo&qu="+url.QueryEscape(script))
	if code != http.StatusRequestEntityTooLarge || res["error"] == nil {
		t.Errorf("emitting 400 KB under a 2000-byte budget: %d %v", code, res)
	}
}

// TestGizmoMemoryBudget: a script that builds a huge string without
// emitting it is stopped at the memory budget, well before its time limit.
func TestGizmoMemoryBudget(t *testing.T) {
	ts := newServer(t, server.Options{MaxHeap: 64 << 20, Timeout: time.Minute})
	script := `var s = "x"; while (true) { s = s + s; }`
	start := time.Now()
	code, out := get(t, ts.URL+"/api/v2/query?lang=gizmo&qu="+url.QueryEscape(script))
	if code != http.StatusRequestEntityTooLarge || out["error"] == nil {
		t.Errorf("string doubling: %d %v, want 413", code, out)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("stopped after %v", d)
	}
}

// TestReadIsPaged: /api/v2/read writes a page of quads and names the next.
func TestReadIsPaged(t *testing.T) {
	ts := newServer(t, server.Options{})
	resp, err := http.Get(ts.URL + "/api/v2/read?limit=10")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if n := strings.Count(string(body), "\n"); resp.StatusCode != http.StatusOK || n != 10 || resp.Header.Get("X-Next-Offset") != "10" {
		t.Errorf("read?limit=10: %d, %d lines, next %q", resp.StatusCode, n, resp.Header.Get("X-Next-Offset"))
	}
}
