package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"golang.org/x/net/html"

	"github.com/assemblykg/assemblykg/graph/server"
	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/internal/validate"
)

// explorer loads the seed and the development corpus into a bolt store and
// serves it as serve does, on a loopback port.
func explorer(t *testing.T) (*httptest.Server, *store.Store) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "kg.db")
	args := append([]string{"load", "--quiet", "--dbpath", dir}, corpusInputs(t)...)
	if _, stderr, code := runCLI(t, args...); code != 0 {
		t.Fatalf("load: exit %d: %s", code, stderr)
	}
	st, err := store.Open(store.Bolt, dir, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h, err := serveHandler(context.Background(), st, "", server.Options{}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts, st
}

// chromium finds Debian's chromium, or skips the test (fails it when
// validators are required).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no chromium on PATH (apt-get install chromium, or bash .ci/browser.sh)"
	if os.Getenv(validate.RequireEnv) == "1" {
		t.Fatalf("%s (%s=1)", msg, validate.RequireEnv)
	}
	t.Skip(msg)
	return ""
}

// browse starts a headless chromium with a fresh profile.
func browse(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1100, 850),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })
	return ctx
}

// artefacts is where the browser tests save their screenshots:
// $ASSEMBLYKG_ARTIFACTS, or artifacts/browser in the repository (ignored
// by git).
func artefacts(t *testing.T) string {
	dir := os.Getenv("ASSEMBLYKG_ARTIFACTS")
	if dir == "" {
		root, err := validate.RepoRoot()
		if err != nil {
			t.Fatal(err)
		}
		dir = filepath.Join(root, "artifacts", "browser")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(artefacts(t), name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", p)
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// waitFor evaluates js until it is true, through navigations (whose
// contexts go away under a running poll), for at most 20 seconds.
func waitFor(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	var err error
	for end := time.Now().Add(20 * time.Second); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		var ok bool
		if ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
	}
	t.Fatalf("waiting for %s: %v", js, err)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// TestExplorerInBrowser drives headless chromium over the seed and the
// development corpus: the MPS page, a mention opened in its transcript,
// the neighbourhood drawing and the search box.
func TestExplorerInBrowser(t *testing.T) {
	ts, st := explorer(t)
	ctx := browse(t)
	want, err := st.Mentions(context.Background(), store.Filter{Body: "MPS"})
	if err != nil {
		t.Fatal(err)
	}
	wantTotal := 0
	var wantSpeakers []string
	for _, r := range want {
		wantTotal += r.Mentions
		wantSpeakers = append(wantSpeakers, r.SpeakerName)
	}
	slices.Sort(wantSpeakers)
	wantSpeakers = slices.Compact(wantSpeakers)
	page := ts.URL + "/doc/body/metropolitan-police-service"

	t.Run("body page", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(page), chromedp.WaitVisible("#mention-count"))
		count := eval[string](t, ctx, `document.querySelector("#mention-count").textContent`)
		speakers := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("table.by-speaker td a")).map(a => a.textContent).sort()`)
		if count != strconv.Itoa(wantTotal) || !slices.Equal(speakers, wantSpeakers) {
			t.Errorf("page shows %s mentions by %q; the catalogue says %d by %q", count, speakers, wantTotal, wantSpeakers)
		}
		if !slices.Contains(speakers, "Sadiq Khan") || wantTotal < 7 {
			t.Errorf("speakers %q, %d mentions: the seed alone has seven, five by Sadiq Khan", speakers, wantTotal)
		}
		quotes := eval[int](t, ctx, `document.querySelectorAll("ol.quotes li").length`)
		if quotes != min(wantTotal, 100) {
			t.Errorf("%d quotes listed, want %d", quotes, min(wantTotal, 100))
		}
		screenshot(t, ctx, "body-page.png")
	})

	t.Run("mention opens the transcript at its place", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(page), chromedp.WaitVisible("ol.quotes li a.at"))
		surface := eval[string](t, ctx, `document.querySelector("ol.quotes li .surface").textContent`)
		href := eval[string](t, ctx, `document.querySelector("ol.quotes li a.at").getAttribute("href")`)
		do(t, ctx, chromedp.Click("ol.quotes li a.at"), chromedp.WaitVisible(".transcript :target"))
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(loc, href) || !strings.Contains(loc, "#char=") {
			t.Errorf("at %s, want %s", loc, href)
		}
		target := eval[string](t, ctx, `document.querySelector(":target").textContent`)
		class := eval[string](t, ctx, `document.querySelector(":target").className`)
		bg := eval[string](t, ctx, `getComputedStyle(document.querySelector(":target")).backgroundColor`)
		if !strings.Contains(surface, "“"+target+"”") || class != "mention" {
			t.Errorf("highlighted %q (class %q), the mention said %s", target, class, surface)
		}
		if bg == "rgba(0, 0, 0, 0)" || bg == "" {
			t.Errorf("the span at the fragment is not highlighted (background %s)", bg)
		}
		screenshot(t, ctx, "transcript-at-mention.png")
	})

	t.Run("graph drawing", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(page))
		waitFor(t, ctx, `window.akgGraph !== undefined && window.akgGraph.nodes().length > 0`)
		nodes := eval[[]string](t, ctx, `window.akgGraph.nodes().map(n => n.data("label")).sort()`)
		wantNodes := append([]string{"Metropolitan Police Service"}, wantSpeakers...)
		slices.Sort(wantNodes)
		if !slices.Equal(nodes, wantNodes) {
			t.Errorf("drawn nodes %q, want %q", nodes, wantNodes)
		}
		eval[bool](t, ctx, `document.querySelector("section.graph").scrollIntoView(); true`)
		screenshot(t, ctx, "graph.png")
		// A node opens its page.
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.akgGraph.nodes().filter(n => n.data("label") === "Sadiq Khan").emit("tap"); true`)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, `location.pathname === "/doc/person/sadiq-khan" && document.readyState === "complete"`)
		// The year filter redraws with the year's speakers only.
		do(t, ctx, chromedp.Navigate(page))
		waitFor(t, ctx, `window.akgGraph !== undefined`)
		year := eval[string](t, ctx, `document.querySelector("#graph-year option:nth-child(2)").value`)
		rows, err := st.Mentions(context.Background(), store.Filter{Body: "MPS", From: year + "-01-01", To: year + "-12-31"})
		if err != nil {
			t.Fatal(err)
		}
		wantYear := []string{"Metropolitan Police Service"}
		for _, r := range rows {
			wantYear = append(wantYear, r.SpeakerName)
		}
		slices.Sort(wantYear)
		do(t, ctx, chromedp.SetValue("#graph-year", year))
		eval[bool](t, ctx, `document.querySelector("#graph-year").dispatchEvent(new Event("change")); true`)
		waitFor(t, ctx, `window.akgGraphData !== undefined && window.akgGraphData.year === "`+year+`"`)
		nodes = eval[[]string](t, ctx, `window.akgGraph.nodes().map(n => n.data("label")).sort()`)
		if !slices.Equal(nodes, slices.Compact(wantYear)) || len(wantYear) < 2 {
			t.Errorf("%s drawing: %q, want %q", year, nodes, wantYear)
		}
	})

	t.Run("search", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible("#q"),
			chromedp.SendKeys("#q", "home off"), chromedp.Submit("#q"), chromedp.WaitVisible("ul.hits"))
		hits := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("ul.hits li a")).map(a => a.textContent)`)
		if len(hits) == 0 || hits[0] != "Home Office" {
			t.Errorf("search for \"home off\": %q, want Home Office first", hits)
		}
		screenshot(t, ctx, "search.png")
	})
}

// TestDereferencedTurtleParsesInRdflib asks a running explorer for a body
// as Turtle, as a linked-data client would: 303, then the description,
// which rdflib reads as the same graph as the N-Triples one.
func TestDereferencedTurtleParsesInRdflib(t *testing.T) {
	ts, _ := explorer(t)
	get := func(u, accept string) (*http.Response, []byte) {
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		req.Header.Set("Accept", accept)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	resp, ttl := get(ts.URL+"/id/body/home-office", "text/turtle")
	if resp.StatusCode != http.StatusOK || resp.Request.URL.Path != "/doc/body/home-office" || !bytes.Contains(ttl, []byte("Home Office")) {
		t.Fatalf("status %d at %s:\n%s", resp.StatusCode, resp.Request.URL, ttl)
	}
	_, nt := get(ts.URL+"/id/body/home-office", "application/n-triples")
	validate.RdflibIsomorphic(t, nt, "turtle", ttl)
	if resp, _ := get(ts.URL+"/id/body/no-such-body", "text/turtle"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("unknown IRI: status %d, want 404", resp.StatusCode)
	}
	// The dataset's description is export's, with this server's dump.
	resp, void := get(ts.URL+"/.well-known/void", "text/turtle")
	if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/turtle") || !bytes.Contains(void, []byte("void:dataDump <"+ts.URL+"/dump.nq>")) ||
		!bytes.Contains(void, []byte("void:triples")) {
		t.Errorf("VoID:\n%s", void)
	}
	_, voidNT := get(ts.URL+"/.well-known/void", "application/n-triples")
	validate.RdflibIsomorphic(t, voidNT, "turtle", void)
}

// TestExplorerLinks crawls every page reachable from the home page over
// the seed and the development corpus: each is valid HTML, and no link
// between pages is broken.
func TestExplorerLinks(t *testing.T) {
	ts, st := explorer(t)
	seen := map[string]bool{"/": true}
	queue := []string{"/"}
	from := map[string]string{}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		resp, err := http.Get(ts.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s (linked from %s): status %d", p, from[p], resp.StatusCode)
			continue
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, l := range links(doc) {
			u, err := url.Parse(l)
			if err != nil {
				t.Errorf("%s: bad link %q", p, l)
				continue
			}
			if u.Host != "" || u.Scheme != "" {
				continue
			}
			ref := (&url.URL{Path: p}).ResolveReference(u)
			key := ref.Path
			if ref.RawQuery != "" && !strings.HasPrefix(ref.RawQuery, "format=") {
				key += "?" + ref.RawQuery
			}
			if strings.HasPrefix(ref.RawQuery, "format=") || ref.Path == "/dump.nq" {
				key = ref.Path + "?" + ref.RawQuery
			}
			if !seen[key] {
				seen[key] = true
				from[key] = p
				queue = append(queue, key)
			}
		}
	}
	// Every question, every body mentioned and every person who spoke
	// is reached.
	ctx := context.Background()
	var want []string
	quotes, err := st.Quotes(ctx, store.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range quotes {
		want = append(want, string(q.IRI), string(q.BodyI), string(q.SpeakerI))
	}
	people, err := st.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Turns > 0 {
			want = append(want, string(p.Person))
		}
	}
	for _, iri := range want {
		if p := "/doc/" + strings.TrimPrefix(iri, "https://w3id.org/assemblykg/id/"); !seen[p] {
			t.Errorf("no page links to %s", p)
		}
	}
	t.Logf("crawled %d addresses", len(seen))
}

// links returns the href and src values of a page.
func links(n *html.Node) []string {
	var out []string
	if n.Type == html.ElementNode {
		for _, a := range n.Attr {
			if a.Key == "href" || a.Key == "src" || a.Key == "data-src" {
				out = append(out, a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, links(c)...)
	}
	return out
}
