package reconcile

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Query asks a service who a name is.
type Query struct {
	Name string
	// Type is the service's type of the entity ("Q43229" organisation, "Q5"
	// human on Wikidata); "" for any.
	Type string
	// Properties narrow the candidates (country, position held).
	Properties []Property
}

// Property is a property id of the service and a value.
type Property struct {
	ID    string `json:"pid"`
	Value string `json:"v"`
}

// Candidate is an entity the service proposes for a query.
type Candidate struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Score float64 `json:"score"`
	// Match is the service's own judgement that the candidate is the one.
	Match bool `json:"match"`
}

// Client speaks the Reconciliation Service API to one service.
type Client struct {
	// Service is the endpoint, e.g. https://wikidata.reconci.link/en/api.
	Service string
	// HTTP does the requests; nil means http.DefaultClient.
	HTTP *http.Client
	// Batch is how many queries go in one request (default 10).
	Batch int
	// Limit is how many candidates to ask for per query (default 3).
	Limit int
	// Timeout bounds each request (default 30s).
	Timeout time.Duration
	// Retries is how many times a request that failed for a reason that
	// may pass (network error, timeout, 429, 5xx) is tried again: 0 means
	// the default, 3; a negative number, never.
	Retries int
	// Backoff is the wait before the first retry; it doubles each time
	// (default 1s).
	Backoff time.Duration
}

// Error reports a request the service did not answer usefully.
type Error struct {
	Service string
	// Status is the HTTP status, 0 when no answer came.
	Status int
	Err    error
}

func (e *Error) Error() string {
	if e.Status == 0 {
		return fmt.Sprintf("reconciliation service %s unreachable: %v", e.Service, e.Err)
	}
	return fmt.Sprintf("reconciliation service %s: HTTP %d: %v", e.Service, e.Status, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Reconcile sends qs in batches and returns the candidates for each query,
// best first, in the order of qs. It stops at the first batch the service
// does not answer after its retries.
func (c *Client) Reconcile(ctx context.Context, qs []Query) ([][]Candidate, error) {
	batch := c.Batch
	if batch <= 0 {
		batch = 10
	}
	out := make([][]Candidate, 0, len(qs))
	for start := 0; start < len(qs); start += batch {
		end := min(start+batch, len(qs))
		cs, err := c.batch(ctx, qs[start:end])
		if err != nil {
			return out, err
		}
		out = append(out, cs...)
	}
	return out, nil
}

// wireQuery is a query as the protocol writes it.
type wireQuery struct {
	Query      string     `json:"query"`
	Type       string     `json:"type,omitempty"`
	Limit      int        `json:"limit,omitempty"`
	Properties []Property `json:"properties,omitempty"`
}

func (c *Client) batch(ctx context.Context, qs []Query) ([][]Candidate, error) {
	limit := c.Limit
	if limit <= 0 {
		limit = 3
	}
	wire := make(map[string]wireQuery, len(qs))
	for i, q := range qs {
		wire["q"+strconv.Itoa(i)] = wireQuery{Query: q.Name, Type: q.Type, Limit: limit, Properties: q.Properties}
	}
	body, err := json.Marshal(wire)
	if err != nil {
		return nil, err
	}
	form := url.Values{"queries": {string(body)}}.Encode()

	retries, wait := c.Retries, c.Backoff
	switch {
	case retries == 0:
		retries = 3
	case retries < 0:
		retries = 0
	}
	if wait <= 0 {
		wait = time.Second
	}
	var answer map[string]struct {
		Result []Candidate `json:"result"`
	}
	for attempt := 0; ; attempt++ {
		answer = nil
		err = c.post(ctx, form, &answer)
		var e *Error
		if err == nil || ctx.Err() != nil || attempt == retries || !errors.As(err, &e) || !transient(e) {
			break
		}
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		wait *= 2
	}
	if err != nil {
		return nil, err
	}
	out := make([][]Candidate, len(qs))
	for i := range qs {
		cs := answer["q"+strconv.Itoa(i)].Result
		sort.SliceStable(cs, func(a, b int) bool { return cs[a].Score > cs[b].Score })
		out[i] = cs
	}
	return out, nil
}

// transient reports an error that may pass: no answer, too many requests,
// or a server error.
func transient(e *Error) bool {
	return e.Status == 0 || e.Status == http.StatusTooManyRequests || e.Status >= 500
}

func (c *Client) post(ctx context.Context, form string, into any) error {
	timeout := c.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Service, strings.NewReader(form))
	if err != nil {
		return &Error{Service: c.Service, Err: err}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("no answer within %v", timeout)
		}
		return &Error{Service: c.Service, Err: err}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return &Error{Service: c.Service, Err: err}
	}
	if resp.StatusCode != http.StatusOK {
		return &Error{Service: c.Service, Status: resp.StatusCode, Err: errors.New(snippet(data))}
	}
	if err := json.Unmarshal(data, into); err != nil {
		return &Error{Service: c.Service, Status: resp.StatusCode, Err: fmt.Errorf("answer is not reconciliation results: %v", err)}
	}
	return nil
}

func snippet(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	if s == "" {
		s = "empty answer"
	}
	return s
}
