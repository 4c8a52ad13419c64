package site_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"golang.org/x/net/html"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/graph/site"
	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
	"github.com/assemblykg/assemblykg/ontology"
)

func newSite(t *testing.T) *httptest.Server {
	ts, _ := newSiteStore(t)
	return ts
}

func newSiteStore(t *testing.T) (*httptest.Server, *store.Store) {
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
	describe := func(_ context.Context, dump string) ([]quad.Quad, error) {
		return []quad.Quad{{Subject: quad.IRI(ontology.DefaultBase + "dataset"), Predicate: ontology.VoidDataDump, Object: quad.IRI(dump)}}, nil
	}
	s, err := site.New(context.Background(), st, site.Options{Describe: describe})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return ts, st
}

// fetch GETs u with an Accept header, not following redirects.
func fetch(t *testing.T, u, accept string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func rest(iri string) string { return strings.TrimPrefix(iri, "https://w3id.org/assemblykg/id/") }

func TestIRIRedirectsToItsDocument(t *testing.T) {
	ts := newSite(t)
	resp, _ := fetch(t, ts.URL+"/id/"+rest(string(storetest.MPS)), "text/turtle")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/doc/body/metropolitan-police-service" {
		t.Fatalf("status %d, Location %q; want 303 to the document", resp.StatusCode, resp.Header.Get("Location"))
	}
	for _, u := range []string{"/id/body/no-such-body", "/doc/body/no-such-body", "/id/", "/nothing"} {
		if resp, _ := fetch(t, ts.URL+u, ""); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", u, resp.StatusCode)
		}
	}
}

func TestContentNegotiation(t *testing.T) {
	ts := newSite(t)
	doc := ts.URL + "/doc/question/2017-10-12/modern-day-slavery"
	for _, f := range rdfio.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			resp, body := fetch(t, doc, f.MediaType+", text/html;q=0.5")
			if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), f.MediaType) {
				t.Fatalf("status %d, type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
			}
			if resp.Header.Get("Vary") != "Accept" {
				t.Errorf("no Vary: Accept")
			}
			if f.NewReader == nil {
				if !bytes.Contains(body, []byte("Modern Day Slavery")) || !bytes.Contains(body, []byte("Sadiq Khan")) {
					t.Errorf("no name in %s", body)
				}
				return
			}
			r := f.NewReader(bytes.NewReader(body), rdfio.ReadOptions{Name: "doc"})
			defer r.Close()
			subjects := map[string]bool{}
			names := 0
			for {
				q, err := r.ReadQuad()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%v in\n%s", err, body)
				}
				subjects[q.Subject.String()] = true
				if q.Subject.String() != "<https://w3id.org/assemblykg/id/question/2017-10-12/modern-day-slavery>" &&
					(strings.HasSuffix(q.Predicate.String(), "/name>")) {
					names++
				}
			}
			// Its own triples and the names of its session and people.
			if !subjects["<https://w3id.org/assemblykg/id/question/2017-10-12/modern-day-slavery>"] || len(subjects) < 3 || names < 2 {
				t.Errorf("subjects %v, %d labels; want the body and what it links to, named", subjects, names)
			}
		})
	}
	if resp, _ := fetch(t, doc, "text/html"); !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("text/html: got %s", resp.Header.Get("Content-Type"))
	}
	if resp, _ := fetch(t, doc, "image/png"); resp.StatusCode != http.StatusNotAcceptable {
		t.Errorf("image/png: status %d, want 406", resp.StatusCode)
	}
	if resp, _ := fetch(t, doc+"?format=turtle", "text/html"); !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/turtle") {
		t.Errorf("?format=turtle: got %s", resp.Header.Get("Content-Type"))
	}
}

func TestTextNodeIsPlainText(t *testing.T) {
	ts := newSite(t)
	resp, body := fetch(t, ts.URL+"/doc/question/2017-10-12/modern-day-slavery/text", "text/html,*/*;q=0.8")
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("type %q, want text/plain", resp.Header.Get("Content-Type"))
	}
	// The fixture's mention of the MPS sits at the offsets of its IRI.
	runes := []rune(string(body))
	if !strings.Contains(string(body), "What is the MPS doing") || len(runes) < 50 {
		t.Fatalf("text: %q", body)
	}
}

func TestSecurityHeaders(t *testing.T) {
	ts := newSite(t)
	for _, u := range []string{"/", "/doc/" + rest(string(storetest.MPS)), "/static/site.css", "/nothing"} {
		resp, _ := fetch(t, ts.URL+u, "")
		csp := resp.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", u, csp)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", u)
		}
	}
	if resp, _ := fetch(t, ts.URL+"/static/", ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("/static/ lists files: status %d", resp.StatusCode)
	}
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/", strings.NewReader("x"))
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %v %v", resp.StatusCode, err)
	}
}

// checkHTML parses a page, fails on parse errors the parser reports as
// text outside the document, duplicate ids, inline scripts or style
// attributes, and returns the links it holds.
func checkHTML(t *testing.T, name string, body []byte) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !bytes.HasPrefix(body, []byte("<!DOCTYPE html>")) {
		t.Errorf("%s: no doctype", name)
	}
	ids := map[string]bool{}
	var links []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch {
				case a.Key == "id":
					if ids[a.Val] {
						t.Errorf("%s: id %q twice", name, a.Val)
					}
					ids[a.Val] = true
				case a.Key == "style" || strings.HasPrefix(a.Key, "on"):
					t.Errorf("%s: inline %s attribute on <%s>", name, a.Key, n.Data)
				case a.Key == "href" || a.Key == "src" || a.Key == "data-src":
					links = append(links, a.Val)
				}
			}
			if (n.Data == "script" && n.FirstChild != nil) || n.Data == "style" {
				t.Errorf("%s: inline <%s>", name, n.Data)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	// Reparsing what the parser made gives the same tree when the input
	// was well nested.
	var out bytes.Buffer
	if err := html.Render(&out, doc); err != nil {
		t.Fatal(err)
	}
	return links
}

func TestPagesAreValidHTML(t *testing.T) {
	ts := newSite(t)
	for _, u := range []string{"/", "/search?q=police", "/doc/" + rest(string(storetest.MPS)), "/doc/" + rest(string(storetest.Sadiq)),
		"/doc/question/2017-10-12/modern-day-slavery", "/doc/" + rest(string(storetest.Mayor)), "/nothing"} {
		resp, body := fetch(t, ts.URL+u, "text/html")
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			t.Errorf("%s: %s", u, resp.Header.Get("Content-Type"))
		}
		checkHTML(t, u, body)
	}
}

func TestTranscriptMarksMentionsAtTheirOffsets(t *testing.T) {
	ts := newSite(t)
	_, text := fetch(t, ts.URL+"/doc/question/2017-10-12/modern-day-slavery/text", "text/plain")
	_, page := fetch(t, ts.URL+"/doc/question/2017-10-12/modern-day-slavery", "text/html")
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(string(text))
	marks := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "mark" {
			var id string
			for _, a := range n.Attr {
				if a.Key == "id" {
					id = a.Val
				}
			}
			var b, e int
			if _, err := fmt.Sscanf(id, "char=%d,%d", &b, &e); err == nil {
				marks++
				if got, want := textOf(n), string(runes[b:e]); got != want {
					t.Errorf("mark %s holds %q, the text there is %q", id, got, want)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if marks == 0 {
		t.Fatal("no mention marked")
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestSearchAndEscaping(t *testing.T) {
	ts := newSite(t)
	_, body := fetch(t, ts.URL+"/search?q="+url.QueryEscape("metropolitan pol"), "")
	if !bytes.Contains(body, []byte(`href="/doc/body/metropolitan-police-service"`)) {
		t.Errorf("search did not find the MPS:\n%s", body)
	}
	_, body = fetch(t, ts.URL+"/search?q="+url.QueryEscape(`<script>alert("x")</script>`), "")
	if bytes.Contains(body, []byte("<script>alert")) {
		t.Errorf("search echoes markup unescaped")
	}
}

func TestNeighbourhoodJSON(t *testing.T) {
	ts := newSite(t)
	resp, body := fetch(t, ts.URL+"/graph/"+rest(string(storetest.MPS)), "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var g struct {
		Nodes []struct{ ID, Kind, Href string }
		Edges []struct{ Source, Target string }
	}
	if err := json.Unmarshal(body, &g); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range g.Nodes {
		if n.ID == string(storetest.Sadiq) && n.Kind == "person" && n.Href == "/doc/person/sadiq-khan" {
			found = true
		}
	}
	if !found || len(g.Edges) != len(g.Nodes)-1 {
		t.Errorf("graph %s: want Sadiq Khan linked to the MPS", body)
	}
	if resp, _ := fetch(t, ts.URL+"/graph/"+rest(string(storetest.MPS))+"?year=17", ""); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("bad year: status %d", resp.StatusCode)
	}
}

func TestVoIDAndDump(t *testing.T) {
	ts, st := newSiteStore(t)
	resp, body := fetch(t, ts.URL+"/.well-known/void", "text/turtle")
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/turtle") || !bytes.Contains(body, []byte("void:dataDump <"+ts.URL+"/dump.nq>")) {
		t.Errorf("VoID: %s\n%s", resp.Header.Get("Content-Type"), body)
	}
	resp, body = fetch(t, ts.URL+"/dump.nq", "")
	f, _ := rdfio.ByName("nquads")
	r := f.NewReader(bytes.NewReader(body), rdfio.ReadOptions{Name: "dump.nq"})
	n := 0
	for {
		_, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	want, err := st.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if int64(n) != want || resp.Header.Get("Content-Type") != "application/n-quads; charset=utf-8" {
		t.Errorf("dump: %d quads (fixture %d), %s", n, want, resp.Header.Get("Content-Type"))
	}
}
