package main

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// abuseRSSBound is the most memory (peak resident set) serve may use
// while TestServeAbuse attacks it. Alone, the attack peaks at 290–530 MB;
// a script's allocation budget is checked as it runs, so on a machine
// busy with other work the checks come later and the peak is higher (930
// MB seen at load average 7). A script that escaped its budget would grow
// without end, past any such bound.
const abuseRSSBound = 1536 << 20

// TestServeAbuse runs serve as a process of its own and sends it what a
// hostile client would: Gizmo scripts that emit 1 MB strings 3,000 times,
// double a string or grow an array without end, several at once; a dump
// of the store with no limit; a 100 MB request body; paths between names
// that do not exist. Every request must answer within its time limit with
// a JSON error or a bounded answer, and the server's peak memory must stay
// under abuseRSSBound.
func TestServeAbuse(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server and runs it out of budget (-short)")
	}
	db := seedStore(t)
	cmd := subprocess(t, "serve", "--dbpath", db, "--addr", "127.0.0.1:0", "--timeout", "10s")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	base := ""
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if m := regexp.MustCompile(`on (http://\S+)/ `).FindStringSubmatch(lines.Text()); m != nil {
			base = m[1]
			break
		}
	}
	if base == "" {
		t.Fatal("serve did not say where it listens")
	}
	go io.Copy(io.Discard, stderr)

	client := &http.Client{Timeout: 30 * time.Second}
	type probe struct {
		name, method, path string
		body               io.Reader
		want               int
		// queued: sent with others of its kind, it may wait its turn past
		// the time limit (504) instead of being stopped (413).
		queued bool
	}
	gizmo := func(script string) string { return "/api/v2/query?lang=gizmo&qu=" + url.QueryEscape(script) }
	probes := []probe{
		{"emit 1 MB 3,000 times", "GET", gizmo(`var s = new Array(1 << 20).join("x"); for (var i = 0; i < 3000; i++) { g.Emit(s); }`), nil, http.StatusRequestEntityTooLarge, false},
		{"string doubling", "GET", gizmo(`var s = "x"; while (true) { s = s + s; }`), nil, http.StatusRequestEntityTooLarge, false},
		{"array growth", "GET", gizmo(`var a = []; while (true) { a.push({k: "some text " + a.length}); }`), nil, http.StatusRequestEntityTooLarge, false},
		{"dump without limit", "GET", "/api/v2/read?format=nquads&limit=100000000", nil, http.StatusOK, false},
		{"100 MB body", "POST", "/api/v2/query?lang=gizmo", strings.NewReader(strings.Repeat("x", 100<<20)), http.StatusRequestEntityTooLarge, false},
		{"path between unknown names", "GET", "/api/path?from=Nobody+Here&to=Nothing+There", nil, http.StatusNotFound, false},
		{"unfiltered quotes", "GET", "/api/quotes", nil, http.StatusOK, false},
	}
	run := func(p probe) error {
		req, _ := http.NewRequest(p.method, base+p.path, p.body)
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			if p.want == http.StatusRequestEntityTooLarge && p.body != nil {
				return nil // the server closed the connection on the body
			}
			return fmt.Errorf("%s: %v", p.name, err)
		}
		defer resp.Body.Close()
		n, _ := io.Copy(io.Discard, resp.Body)
		if resp.StatusCode != p.want && !(p.want == http.StatusRequestEntityTooLarge && resp.StatusCode == http.StatusGatewayTimeout && p.body == nil && p.queued) {
			return fmt.Errorf("%s: status %d, want %d", p.name, resp.StatusCode, p.want)
		}
		if d := time.Since(start); d > 15*time.Second {
			return fmt.Errorf("%s: answered after %v", p.name, d)
		}
		if n > 17<<20 {
			return fmt.Errorf("%s: %d bytes answered", p.name, n)
		}
		return nil
	}
	for _, p := range probes {
		if err := run(p); err != nil {
			t.Error(err)
		}
	}
	// The memory-hungry scripts, eight at once.
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := probes[1+i%2]
			p.queued = true
			errs <- run(p)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	peak := peakRSS(t, cmd.Process.Pid)
	t.Logf("serve: peak RSS %d MB under abuse (bound %d MB)", peak>>20, abuseRSSBound>>20)
	if peak > abuseRSSBound {
		t.Errorf("serve reached %d MB, over the bound of %d MB", peak>>20, abuseRSSBound>>20)
	}
}

// peakRSS reads the peak resident set size of a process (Linux).
func peakRSS(t *testing.T, pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc: %v", err)
	}
	m := regexp.MustCompile(`VmHWM:\s+(\d+) kB`).FindSubmatch(b)
	if m == nil {
		t.Skip("no VmHWM in /proc/PID/status")
	}
	kb, _ := strconv.ParseInt(string(m[1]), 10, 64)
	return kb << 10
}
