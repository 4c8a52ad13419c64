package site

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/ontology"
)

// Licence and attribution of the transcripts.
const (
	LicenceName = "Open Government Licence v3.0"
	LicenceURL  = string(ontology.OGL3)
	Attribution = "Contains public sector information licensed under the Open Government Licence v3.0: transcripts of Mayor's Question Time, London Assembly."
)

// pageData is what every page template gets.
type pageData struct {
	Title   string
	Doc     string // the path of the page's document, for its RDF alternates
	IRI     string // the IRI the page describes, if any
	Scripts bool   // the page draws a graph
	Data    any
}

func (s *Site) parseTemplates() error {
	funcs := template.FuncMap{
		"doc":  func(i quad.IRI) string { return s.DocPath(i) },
		"href": s.href,
		"ext":  func(i quad.IRI) bool { _, ok := s.rest(i); return !ok },
		"add":  func(a, b int) int { return a + b },
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return one
			}
			return many
		},
		"short": short,
		"year": func(d string) string {
			if len(d) >= 4 && d != store.Undated {
				return d[:4]
			}
			return d
		},
	}
	names, err := templateNames()
	if err != nil {
		return err
	}
	for _, n := range names {
		if n == "layout" {
			continue
		}
		t, err := template.New(n).Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/"+n+".html")
		if err != nil {
			return err
		}
		s.tpl[n] = t
	}
	return nil
}

func templateNames() ([]string, error) {
	entries, err := files.ReadDir("templates")
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		out = append(out, strings.TrimSuffix(e.Name(), ".html"))
	}
	return out, nil
}

func (s *Site) render(w io.Writer, name string, d pageData) error {
	t := s.tpl[name]
	if t == nil {
		return fmt.Errorf("no template %s", name)
	}
	return t.ExecuteTemplate(w, "layout", d)
}

// href is where a link to iri goes: its document on this site, or the IRI
// itself when it is not under the base.
func (s *Site) href(i quad.IRI) string {
	if d := s.DocPath(i); d != "" {
		return d
	}
	return string(i)
}

// homeData is what the home page shows; it is kept for a while, since the
// store does not change while served.
type homeData struct {
	Questions, Sessions, Turns, Mentions, People, Bodies int
	From, To                                             string
	Undated                                              int
	TopBodies                                            []store.BodyRow
	Recent                                               []store.SessionRow
	Licence, LicenceURL, Attribution                     string
}

const homeTTL = 5 * time.Minute

func (s *Site) homeSummary(ctx context.Context) (*homeData, error) {
	s.homeMu.Lock()
	defer s.homeMu.Unlock()
	if s.home != nil && time.Since(s.homeTime) < homeTTL {
		return s.home, nil
	}
	sessions, err := s.st.Sessions(ctx)
	if err != nil {
		return nil, err
	}
	bodies, err := s.st.Bodies(ctx)
	if err != nil {
		return nil, err
	}
	people, err := s.st.People(ctx)
	if err != nil {
		return nil, err
	}
	h := &homeData{People: len(people), Bodies: len(bodies), Licence: LicenceName, LicenceURL: LicenceURL, Attribution: Attribution}
	for _, r := range sessions {
		h.Questions += r.Questions
		h.Turns += r.Turns
		h.Mentions += r.Mentions
		if r.Date == store.Undated {
			h.Undated += r.Questions
			continue
		}
		h.Sessions++
		if h.From == "" || r.Date < h.From {
			h.From = r.Date
		}
		h.To = max(h.To, r.Date)
	}
	for i := len(sessions) - 1; i >= 0 && len(h.Recent) < 10; i-- {
		if sessions[i].Date != store.Undated {
			h.Recent = append(h.Recent, sessions[i])
		}
	}
	top := slices.Clone(bodies)
	slices.SortStableFunc(top, func(a, b store.BodyRow) int { return cmp.Compare(b.Mentions, a.Mentions) })
	for _, b := range top[:min(15, len(top))] {
		if b.Mentions > 0 {
			h.TopBodies = append(h.TopBodies, b)
		}
	}
	s.home, s.homeTime = h, time.Now()
	return h, nil
}

func (s *Site) homePage(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	h, err := s.homeSummary(ctx)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	return s.render(w, "home", pageData{Title: "Mayor's Question Time, as linked data", Data: h})
}

// names is the index of names searched, kept for a while as the home
// page's summary is.
func (s *Site) names(ctx context.Context) (*store.NameIndex, error) {
	s.homeMu.Lock()
	defer s.homeMu.Unlock()
	if s.nameIdx != nil && time.Since(s.nameTime) < homeTTL {
		return s.nameIdx, nil
	}
	idx, err := s.st.Names(ctx)
	if err != nil {
		return nil, err
	}
	s.nameIdx, s.nameTime = idx, time.Now()
	return idx, nil
}

type searchData struct {
	Query string
	Hits  []store.Hit
	Total int
}

func (s *Site) searchPage(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if len([]rune(q)) > 200 {
		return &statusError{http.StatusBadRequest, "Search for at most 200 characters."}
	}
	d := searchData{Query: q}
	if q != "" {
		idx, err := s.names(ctx)
		if err != nil {
			return err
		}
		d.Hits, d.Total = idx.Search(q, s.o.Rows)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	title := "Search"
	if q != "" {
		title = "Search: " + q
	}
	return s.render(w, "search", pageData{Title: title, Data: d})
}

// entityPage renders the HTML page of a resource by its type.
func (s *Site) entityPage(ctx context.Context, w http.ResponseWriter, r *http.Request, iri quad.IRI, types []quad.IRI, desc []quad.Quad) error {
	pd := pageData{Doc: r.URL.Path, IRI: string(iri)}
	off, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	off = max(off, 0)
	switch {
	case slices.Contains(types, ontology.OrgOrganization):
		d, err := s.bodyData(ctx, iri, desc, off)
		if err != nil {
			return err
		}
		pd.Title, pd.Data, pd.Scripts = d.Name, d, true
		return s.render(w, "body", pd)
	case slices.Contains(types, ontology.FOAFPerson):
		d, err := s.personData(ctx, iri, desc)
		if err != nil {
			return err
		}
		pd.Title, pd.Data, pd.Scripts = d.Name, d, true
		return s.render(w, "person", pd)
	case slices.Contains(types, ontology.SchemaQuestion):
		t, err := s.st.ReadTranscript(ctx, iri)
		if err != nil {
			return err
		}
		pd.Title, pd.Data = cmp.Or(t.Title, string(iri)), s.transcriptData(t)
		return s.render(w, "question", pd)
	case slices.Contains(types, ontology.SchemaEvent):
		d, err := s.sessionData(ctx, iri, desc)
		if err != nil {
			return err
		}
		pd.Title, pd.Data = d.Title, d
		return s.render(w, "session", pd)
	}
	d := s.genericData(iri, desc)
	pd.Title, pd.Data = d.Title, d
	return s.render(w, "resource", pd)
}

// stmt is one triple of a description, ready to show.
type stmt struct {
	Pred    string   // prefixed name
	PredIRI quad.IRI // the predicate
	Link    quad.IRI // the object, when an IRI
	Label   string   // the object's label, or its text
	Text    string   // the object's text, when a literal
}

// describeOwn lists the description's own triples (not the labels of what
// it links to), once each, with labels.
func describeOwn(iri quad.IRI, desc []quad.Quad) []stmt {
	labels := map[quad.IRI]string{}
	for _, q := range desc {
		if sub, ok := q.Subject.(quad.IRI); ok && sub != iri {
			if _, ok := labels[sub]; !ok {
				labels[sub] = store.Lexical(q.Object)
			}
		}
	}
	var out []stmt
	seen := map[[2]string]bool{}
	for _, q := range desc {
		if q.Subject != iri {
			continue
		}
		k := [2]string{q.Predicate.String(), q.Object.String()}
		if seen[k] {
			continue
		}
		seen[k] = true
		p := store.Lexical(q.Predicate)
		st := stmt{Pred: short(p), PredIRI: quad.IRI(p)}
		if o, ok := q.Object.(quad.IRI); ok {
			st.Link, st.Label = o, cmp.Or(labels[o], short(string(o)))
		} else {
			st.Text = store.Lexical(q.Object)
			if len([]rune(st.Text)) > 600 {
				st.Text = string([]rune(st.Text)[:600]) + " …"
			}
		}
		out = append(out, st)
	}
	return out
}

// values gives the objects of pred in the description's own triples.
func values(iri quad.IRI, desc []quad.Quad, pred quad.IRI) []quad.Value {
	var out []quad.Value
	seen := map[string]bool{}
	for _, q := range desc {
		if q.Subject == iri && q.Predicate == pred && !seen[q.Object.String()] {
			seen[q.Object.String()] = true
			out = append(out, q.Object)
		}
	}
	return out
}

func firstText(iri quad.IRI, desc []quad.Quad, preds ...quad.IRI) string {
	for _, p := range preds {
		if v := values(iri, desc, p); len(v) > 0 {
			return store.Lexical(v[0])
		}
	}
	return ""
}

// linkOf is an object with its label from the description.
func linksOf(iri quad.IRI, desc []quad.Quad, pred quad.IRI) []store.Ref {
	var out []store.Ref
	for _, st := range describeOwn(iri, desc) {
		if st.PredIRI == pred && st.Link != "" {
			out = append(out, store.Ref{IRI: st.Link, Name: st.Label})
		}
	}
	return out
}

type genericData struct {
	Title string
	Stmts []stmt
}

func (s *Site) genericData(iri quad.IRI, desc []quad.Quad) genericData {
	title := firstText(iri, desc, ontology.FOAFName, ontology.SKOSPrefLabel, ontology.DCTTitle, ontology.SchemaName)
	if title == "" {
		r, _ := s.rest(iri)
		title = r
	}
	return genericData{Title: title, Stmts: describeOwn(iri, desc)}
}

type sessionData struct {
	Title, Date string
	Questions   []store.Ref
	Stmts       []stmt
}

func (s *Site) sessionData(ctx context.Context, iri quad.IRI, desc []quad.Quad) (*sessionData, error) {
	date := firstText(iri, desc, ontology.SchemaStartDate)
	d := &sessionData{Date: date, Title: cmp.Or(firstText(iri, desc, ontology.SchemaName, ontology.DCTTitle), "Mayor's Question Time "+date), Stmts: describeOwn(iri, desc)}
	qs, err := s.st.Referrers(ctx, iri, ontology.DCTIsPartOf, 1000)
	if err != nil {
		return nil, err
	}
	names, err := s.st.Labels(ctx, qs)
	if err != nil {
		return nil, err
	}
	for _, q := range qs {
		d.Questions = append(d.Questions, store.Ref{IRI: q, Name: cmp.Or(names[q], string(q))})
	}
	return d, nil
}

// count is a labelled number, for the tables and charts.
type count struct {
	Label string
	IRI   quad.IRI
	N     int
}

func sortCounts(cs []count) []count {
	slices.SortFunc(cs, func(a, b count) int {
		return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Label, b.Label), cmp.Compare(a.IRI, b.IRI))
	})
	return cs
}

type bodyData struct {
	Name, Kind, Notation string
	KindIRI              quad.IRI
	Aliases              []string
	Parents, SameAs      []store.Ref
	Mentions             int
	BySpeaker, ByGroup   []count
	ByYear               chart
	Quotes               []store.QuoteRow
	Offset, Next, Prev   int
	More                 bool
	Claims               []store.ClaimRow
	GraphURL             string
	Years                []string
}

func (s *Site) bodyData(ctx context.Context, iri quad.IRI, desc []quad.Quad, off int) (*bodyData, error) {
	d := &bodyData{Name: cmp.Or(firstText(iri, desc, ontology.SKOSPrefLabel, ontology.SchemaName), string(iri)),
		Notation: firstText(iri, desc, ontology.SKOSNotation), Parents: linksOf(iri, desc, ontology.OrgSubOrganizationOf),
		GraphURL: "/graph/" + strings.TrimPrefix(s.DocPath(iri), "/doc/")}
	for _, v := range values(iri, desc, ontology.SKOSAltLabel) {
		d.Aliases = append(d.Aliases, store.Lexical(v))
	}
	slices.Sort(d.Aliases)
	if k := linksOf(iri, desc, ontology.OrgClassification); len(k) > 0 {
		d.Kind, d.KindIRI = k[0].Name, k[0].IRI
	}
	for _, v := range values(iri, desc, ontology.SchemaSameAs) {
		if i, ok := v.(quad.IRI); ok {
			d.SameAs = append(d.SameAs, store.Ref{IRI: i, Name: siteName(string(i))})
		}
	}
	// The three reads are independent: run them side by side.
	var (
		quotes []store.QuoteRow
		claims []store.ClaimRow
		dates  []store.DatedMentions
		mems   map[quad.IRI][]store.Membership
		errs   [3]error
		wg     sync.WaitGroup
	)
	f := store.Filter{Body: string(iri)}
	wg.Add(3)
	go func() {
		defer wg.Done()
		quotes, d.Mentions, errs[0] = s.st.LatestQuotes(ctx, f, store.Page{Offset: off, Limit: s.o.Rows})
	}()
	go func() { defer wg.Done(); claims, _, errs[1] = s.st.ClaimsPage(ctx, f, store.Page{Limit: s.o.Rows}) }()
	go func() {
		defer wg.Done()
		if dates, errs[2] = s.st.MentionDates(ctx, iri); errs[2] != nil {
			return
		}
		speakers := make([]quad.IRI, 0, len(dates))
		for _, r := range dates {
			speakers = append(speakers, r.Speaker.IRI)
		}
		mems, errs[2] = s.st.Memberships(ctx, speakers)
	}()
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	bySpeaker := map[quad.IRI]*count{}
	byGroup := map[quad.IRI]*count{}
	byYear := map[string]int{}
	for _, r := range dates {
		c := bySpeaker[r.Speaker.IRI]
		if c == nil {
			c = &count{Label: r.Speaker.Name, IRI: r.Speaker.IRI}
			bySpeaker[r.Speaker.IRI] = c
		}
		c.N += r.Mentions
		g := groupAt(mems[r.Speaker.IRI], r.Date)
		if c = byGroup[g.IRI]; c == nil {
			c = &count{Label: cmp.Or(g.Name, "no Assembly group"), IRI: g.IRI}
			byGroup[g.IRI] = c
		}
		c.N += r.Mentions
		byYear[yearOf(r.Date)] += r.Mentions
	}
	for _, c := range bySpeaker {
		d.BySpeaker = append(d.BySpeaker, *c)
	}
	sortCounts(d.BySpeaker)
	for _, c := range byGroup {
		d.ByGroup = append(d.ByGroup, *c)
	}
	sortCounts(d.ByGroup)
	d.ByYear = yearChart(byYear)
	for _, b := range d.ByYear.Bars {
		d.Years = append(d.Years, b.Label)
	}
	// Newest first, a page at a time.
	d.Quotes = quotes
	d.Offset = min(off, d.Mentions)
	end := d.Offset + len(quotes)
	d.More, d.Next, d.Prev = end < d.Mentions, end, max(0, d.Offset-s.o.Rows)
	d.Claims = claims
	return d, nil
}

func yearOf(d string) string {
	if d == store.Undated || len(d) < 4 {
		return store.Undated
	}
	return d[:4]
}

// groupAt is the Assembly group a person belonged to on date.
func groupAt(ms []store.Membership, date string) store.Ref {
	for _, m := range ms {
		if m.Kind == "assembly-group" && m.During(date) {
			return m.Organisation
		}
	}
	return store.Ref{}
}

// siteName names the site an external IRI is on.
func siteName(iri string) string {
	for _, s := range []struct{ prefix, name string }{
		{"http://www.wikidata.org/", "Wikidata"}, {"https://www.wikidata.org/", "Wikidata"},
		{"https://www.gov.uk/", "GOV.UK"}, {"http://statistics.data.gov.uk/", "GSS"},
		{"https://www.legislation.gov.uk/", "legislation.gov.uk"}, {"http://www.legislation.gov.uk/", "legislation.gov.uk"},
		{"https://data.police.uk/", "data.police.uk"}, {"https://www.theyworkforyou.com/", "TheyWorkForYou"},
	} {
		if strings.HasPrefix(iri, s.prefix) {
			return s.name
		}
	}
	return iri
}

// chart is a bar chart drawn as SVG on the server.
type chart struct {
	Width, Height int
	Bars          []bar
}

type bar struct {
	Label      string
	N          int
	X, Y, W, H int
	LabelX     int
	LabelY     int
	ValueY     int
}

// yearChart draws counts by year, years in order (undated last).
func yearChart(by map[string]int) chart {
	var years []string
	for y := range by {
		years = append(years, y)
	}
	slices.SortStableFunc(years, func(a, b string) int {
		if (a == store.Undated) != (b == store.Undated) {
			if a == store.Undated {
				return 1
			}
			return -1
		}
		return cmp.Compare(a, b)
	})
	peak := 1
	for _, n := range by {
		peak = max(peak, n)
	}
	const barW, gap, plotH, top = 34, 8, 100, 16
	c := chart{Width: max(1, len(years)) * (barW + gap), Height: top + plotH + 20}
	for i, y := range years {
		h := max(1, by[y]*plotH/peak)
		x := i * (barW + gap)
		c.Bars = append(c.Bars, bar{Label: y, N: by[y], X: x, W: barW, H: h, Y: top + plotH - h,
			LabelX: x + barW/2, LabelY: top + plotH + 14, ValueY: top + plotH - h - 4})
	}
	return c
}

type personData struct {
	Name, Honorific string
	SameAs          []store.Ref
	Memberships     []store.Membership
	Bodies          []store.MentionRow
	Claims          []store.ClaimRow
	ClaimsTotal     int
	Questions       []store.QuestionRef
	GraphURL        string
	Years           []string
}

func (s *Site) personData(ctx context.Context, iri quad.IRI, desc []quad.Quad) (*personData, error) {
	d := &personData{Name: cmp.Or(firstText(iri, desc, ontology.FOAFName), string(iri)),
		Honorific: firstText(iri, desc, ontology.HonorificSuffix),
		GraphURL:  "/graph/" + strings.TrimPrefix(s.DocPath(iri), "/doc/")}
	for _, v := range values(iri, desc, ontology.SchemaSameAs) {
		if i, ok := v.(quad.IRI); ok {
			d.SameAs = append(d.SameAs, store.Ref{IRI: i, Name: siteName(string(i))})
		}
	}
	mems, err := s.st.Memberships(ctx, []quad.IRI{iri})
	if err != nil {
		return nil, err
	}
	d.Memberships = mems[iri]
	rows, err := s.st.Mentions(ctx, store.Filter{Speaker: string(iri)})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(rows, func(a, b store.MentionRow) int { return cmp.Compare(b.Mentions, a.Mentions) })
	d.Bodies = rows[:min(len(rows), s.o.Rows)]
	years := map[string]bool{}
	for _, r := range rows {
		for y := yearNum(r.First); y > 0 && y <= yearNum(r.Last); y++ {
			years[strconv.Itoa(y)] = true
		}
	}
	for y := range years {
		d.Years = append(d.Years, y)
	}
	slices.Sort(d.Years)
	claims, err := s.st.Claims(ctx, store.Filter{Speaker: string(iri)})
	if err != nil {
		return nil, err
	}
	d.ClaimsTotal = len(claims)
	d.Claims = claims
	if d.Questions, err = s.st.QuestionsOf(ctx, iri); err != nil {
		return nil, err
	}
	return d, nil
}

func yearNum(d string) int {
	if len(d) < 4 {
		return 0
	}
	n, _ := strconv.Atoi(d[:4])
	return n
}

// graphNode and graphEdge are the elements of a neighbourhood drawing.
type graphNode struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Kind   string `json:"kind"` // "body" or "person"
	Href   string `json:"href"`
	Weight int    `json:"weight"`
	Centre bool   `json:"centre,omitempty"`
}

type graphEdge struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	Target string `json:"target"`
	Weight int    `json:"weight"`
}

type graphJSON struct {
	Nodes []graphNode `json:"nodes"`
	Edges []graphEdge `json:"edges"`
	Year  string      `json:"year,omitempty"`
}

// maxGraphNodes bounds the neighbours drawn around an entity.
const maxGraphNodes = 40

// graphData answers the neighbourhood of a body (the people who mentioned
// it) or of a person (the bodies they mentioned), weighted by mentions and
// limited to a year with ?year=.
func (s *Site) graphData(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	iri, rest := s.iriOf(r, "/graph/")
	if rest == "" {
		return &statusError{http.StatusNotFound, "Give the rest of an IRI after /graph/."}
	}
	f := store.Filter{}
	year := r.URL.Query().Get("year")
	if year != "" {
		if n, err := strconv.Atoi(year); err != nil || n < 1000 || n > 9999 {
			return &statusError{http.StatusBadRequest, "year: want a year such as 2017"}
		}
		f.From, f.To = year+"-01-01", year+"-12-31"
	}
	desc, err := s.st.Describe(ctx, iri)
	if err != nil {
		return err
	}
	types := typesOf(iri, desc)
	var rows []store.MentionRow
	centre := graphNode{ID: string(iri), Href: s.DocPath(iri), Centre: true}
	switch {
	case slices.Contains(types, ontology.OrgOrganization):
		f.Body = string(iri)
		centre.Kind, centre.Label = "body", firstText(iri, desc, ontology.SKOSPrefLabel)
	case slices.Contains(types, ontology.FOAFPerson):
		f.Speaker = string(iri)
		centre.Kind, centre.Label = "person", firstText(iri, desc, ontology.FOAFName)
	default:
		return &statusError{http.StatusNotFound, "Only bodies and people have a neighbourhood drawing."}
	}
	if rows, err = s.st.Mentions(ctx, f); err != nil {
		return err
	}
	slices.SortStableFunc(rows, func(a, b store.MentionRow) int { return cmp.Compare(b.Mentions, a.Mentions) })
	g := graphJSON{Nodes: []graphNode{centre}, Edges: []graphEdge{}, Year: year}
	for _, row := range rows[:min(len(rows), maxGraphNodes)] {
		n := graphNode{ID: string(row.Speaker), Label: row.SpeakerName, Kind: "person", Href: s.DocPath(row.Speaker), Weight: row.Mentions}
		if centre.Kind == "person" {
			n = graphNode{ID: string(row.Body), Label: row.BodyName, Kind: "body", Href: s.DocPath(row.Body), Weight: row.Mentions}
		}
		g.Nodes = append(g.Nodes, n)
		g.Edges = append(g.Edges, graphEdge{ID: "e" + strconv.Itoa(len(g.Edges)), Source: centre.ID, Target: n.ID, Weight: row.Mentions})
		g.Nodes[0].Weight += row.Mentions
	}
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	return enc.Encode(g)
}

// short writes an IRI as a prefixed name when a prefix of ontology.Prefixes
// covers it.
func short(iri string) string {
	for _, p := range ontology.Prefixes {
		if rest, ok := strings.CutPrefix(iri, p.Namespace); ok && rest != "" && !strings.ContainsAny(rest, "/#") {
			return p.Prefix + ":" + rest
		}
	}
	return iri
}
