package store

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cayleygraph/quad"
)

// The catalogue of named queries. The command line (assemblykg query NAME),
// the HTTP server (/api/NAME) and the documentation all iterate it, and
// every query with Twin set has a SPARQL twin, ontology/queries/NAME.rq,
// that gives the same rows over an export: a new query is one entry here
// (and its twin).
var catalogue = []*Query{
	{
		Name:    "mentions",
		Summary: "who mentioned which body, how often, first and last session",
		Counts: "Each row is a speaker and a body; mentions counts the distinct places in that speaker's " +
			"turns where the body is named. Undated transcripts count; their date is \"undated\", which sorts last. " +
			"Summed over the rows it equals the mentions of bodies and of sessions.",
		Params:  []Param{bodyParam, speakerParam, questionParam, fromParam, toParam},
		Example: `mentions --body MPS --from 2010-01-01`,
		Twin:    "mention_counts",
		Row:     MentionRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.Mentions(ctx, a.Filter()) },
	},
	{
		Name:    "quotes",
		Summary: "every mention, cited: date, question, speaker, role, body, words used, sentence, file and offsets",
		Counts: "Each row is one mention of a body in a speech turn; begin and end are code-point offsets " +
			"into the file (RFC 5147), so the quote can be checked in the published transcript.",
		Params:  []Param{bodyParam, speakerParam, questionParam, fromParam, toParam},
		Example: `quotes --body "Home Office"`,
		Twin:    "quotes",
		Row:     QuoteRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.Quotes(ctx, a.Filter()) },
		page: func(ctx context.Context, s *Store, a Args, p Page) (any, int, error) {
			return s.QuotesPage(ctx, a.Filter(), p)
		},
	},
	{
		Name:    "bodies",
		Summary: "the public bodies, their kinds, links to open data and numbers of mentions",
		Counts:  "Each row is a body in the graph; mentions counts the places any turn names it.",
		Example: `bodies --format csv`,
		Twin:    "bodies",
		Row:     BodyRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.Bodies(ctx) },
	},
	{
		Name:    "people",
		Summary: "the people who spoke or are named, with their numbers of speech turns",
		Counts:  "Each row is a person in the graph; turns counts the speech turns they gave.",
		Example: `people --format json`,
		Twin:    "people",
		Row:     PersonRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.People(ctx) },
	},
	{
		Name:    "sessions",
		Summary: "the sessions with their numbers of questions, turns and mentions",
		Counts: "Each row is a session; questions counts its question items (one per transcript), turns " +
			"their speech turns, mentions the bodies named in them. Undated transcripts make one last row, " +
			"dated undated, so the questions add up to the transcripts loaded.",
		Example: `sessions`,
		Twin:    "sessions",
		Row:     SessionRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.Sessions(ctx) },
	},
	{
		Name:    "claims",
		Summary: "the claims speakers made (figures, commitments...), cited, with value, unit and period",
		Counts: "Each row is one claim: a figure stated (value, unit, period) or a commitment, agreement " +
			"or refusal, with the sentence it was made in and where.",
		Params:  []Param{bodyParam, speakerParam, questionParam, fromParam, toParam},
		Example: `claims --body "Transport for London"`,
		Twin:    "claims_cited",
		Row:     ClaimRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.Claims(ctx, a.Filter()) },
		page: func(ctx context.Context, s *Store, a Args, p Page) (any, int, error) {
			return s.ClaimsPage(ctx, a.Filter(), p)
		},
	},
	{
		Name:    "mentions-by-group",
		Summary: "mentions of each body in the questions each Assembly group asked, year by year",
		Counts: "Each row is an Assembly group, a year and a body. The group is the one a question was asked on " +
			"behalf of: as its header prints it, else the asker's group on the day, from the register. questions counts " +
			"the group's questions that year naming the body, mentions the places in them (question and answers). " +
			"Undated questions are left out. Run as `query mentions --by group`.",
		Params:  []Param{bodyParam, fromParam, toParam},
		Example: `mentions-by-group --body "Transport for London"`,
		Twin:    "mentions_by_group",
		Row:     GroupMentionRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.MentionsByGroup(ctx, a.Filter()) },
	},
	{
		Name:    "mentions-by-year",
		Summary: "mentions of each body, year by year",
		Counts: "Each row is a year and a body; questions counts the question items that year naming the body, " +
			"mentions the places they name it. Undated transcripts make the year undated. Run as `query mentions --by year`.",
		Params:  []Param{bodyParam, fromParam, toParam},
		Example: `mentions-by-year --body MOPAC`,
		Row:     YearMentionRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.MentionsByYear(ctx, a.Filter()) },
	},
	{
		Name:    "mentions-by-role",
		Summary: "mentions of each body by the role of the speaker: Mayor of London, Assembly Member, Chair...",
		Counts: "Each row is a role and a body: the role the speaker held in the turn (as printed, else from the " +
			"register on the day); turns counts the turns in that role naming the body, mentions the places. " +
			"Run as `query mentions --by role`; `--by speaker` is the mentions query.",
		Params:  []Param{bodyParam, fromParam, toParam},
		Example: `mentions-by-role --body "Home Office"`,
		Row:     RoleMentionRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.MentionsByRole(ctx, a.Filter()) },
	},
	{
		Name:    "claims-by-group",
		Summary: "claims made in the questions each Assembly group asked, year by year",
		Counts: "Each row is an Assembly group and a year; claims counts the claims (figures, commitments...) made " +
			"in the group's questions that year, question and answers. Undated questions are left out. " +
			"Run as `query claims --by group`.",
		Params:  []Param{bodyParam, fromParam, toParam},
		Example: `claims-by-group`,
		Row:     GroupClaimRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.ClaimsByGroup(ctx, a.Filter()) },
	},
	{
		Name:    "claims-by-year",
		Summary: "claims made, year by year",
		Counts:  "Each row is a year; claims counts the claims made in its sessions. Run as `query claims --by year`.",
		Params:  []Param{bodyParam, fromParam, toParam},
		Example: `claims-by-year --body "Transport for London"`,
		Row:     YearClaimRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.ClaimsByYear(ctx, a.Filter()) },
	},
	{
		Name:    "claims-by-speaker",
		Summary: "claims made by each speaker",
		Counts:  "Each row is a speaker; claims counts the claims they made. Run as `query claims --by speaker`.",
		Params:  []Param{bodyParam, fromParam, toParam},
		Example: `claims-by-speaker`,
		Row:     SpeakerClaimRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.ClaimsBySpeaker(ctx, a.Filter()) },
	},
	{
		Name:    "claims-by-role",
		Summary: "claims made in each role: Mayor of London, Assembly Member...",
		Counts:  "Each row is a role; claims counts the claims made by speakers in it. Run as `query claims --by role`.",
		Params:  []Param{bodyParam, fromParam, toParam},
		Example: `claims-by-role`,
		Row:     RoleClaimRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.ClaimsByRole(ctx, a.Filter()) },
	},
	{
		Name:    "answers",
		Summary: "who answered about a body: turns of the person answering the question that mention it",
		Counts: "Each row is a person recorded as answering a question item (akg:answeredBy); turns counts " +
			"their turns in those items that mention the body (any body when none is given), questions " +
			"the items those turns belong to.",
		Params:  []Param{bodyParam, speakerParam, questionParam, fromParam, toParam},
		Example: `answers --body MPS`,
		Twin:    "answers",
		Row:     AnswerRow{},
		run:     func(ctx context.Context, s *Store, a Args) (any, error) { return s.Answers(ctx, a.Filter()) },
	},
	{
		Name:    "path",
		Summary: "a shortest connection between two people, bodies or other nodes",
		Counts: "Each row is one edge, written as the stored triple, from the first node to the second. " +
			"SPARQL property paths cannot return the edges they follow, so this query has no SPARQL twin.",
		Params: []Param{
			{Name: "from", Kind: NodeParam, Positional: true, Required: true, Help: "the first node: a name, alias, id or IRI"},
			{Name: "to", Kind: NodeParam, Positional: true, Required: true, Help: "the second node"},
			{Name: "depth", Kind: IntParam, Min: 1, Max: 12, Default: strconv.Itoa(DefaultPathDepth), Help: "longest connection, in edges"},
		},
		Example: `path "Jennette Arnold" "Home Office"`,
		Row:     Step{},
		run: func(ctx context.Context, s *Store, a Args) (any, error) {
			d, _ := strconv.Atoi(a["depth"])
			return s.Path(ctx, a["from"], a["to"], d)
		},
	},
}

// Parameters the queries share.
var (
	bodyParam     = Param{Name: "body", Kind: BodyParam, Help: "a body: name, alias, id, IRI or an external IRI (Wikidata, GOV.UK)"}
	speakerParam  = Param{Name: "speaker", Kind: PersonParam, Help: "a speaker: name or variant (titles and post-nominals are ignored), id, IRI, or a post such as \"The Mayor\" (held between --from and --to)"}
	questionParam = Param{Name: "question", Kind: QuestionParam, Help: "a question item: title, file name or IRI"}
	fromParam     = Param{Name: "from", Kind: DateParam, Help: "first session date, yyyy-mm-dd (leaves out undated transcripts)"}
	toParam       = Param{Name: "to", Kind: DateParam, Help: "last session date, yyyy-mm-dd"}
)

// Catalogue returns the named queries in the order they are documented.
func Catalogue() []*Query { return slices.Clone(catalogue) }

// Lookup returns the named query called name.
func Lookup(name string) (*Query, bool) {
	i := slices.IndexFunc(catalogue, func(q *Query) bool { return q.Name == name })
	if i < 0 {
		return nil, false
	}
	return catalogue[i], true
}

// Names lists the names of the catalogue's queries.
func Names() []string {
	out := make([]string, len(catalogue))
	for i, q := range catalogue {
		out[i] = q.Name
	}
	return out
}

// ParamKind says what a parameter takes.
type ParamKind string

// Kinds of parameter.
const (
	BodyParam     ParamKind = "body"
	PersonParam   ParamKind = "person"
	QuestionParam ParamKind = "question"
	NodeParam     ParamKind = "node"
	DateParam     ParamKind = "date"
	IntParam      ParamKind = "int"
)

// Param is a parameter of a named query: a flag on the command line, a URL
// parameter of the server.
type Param struct {
	Name       string
	Kind       ParamKind
	Help       string
	Positional bool   // an argument on the command line rather than a flag
	Required   bool   // must be given
	Min, Max   int    // bounds of an IntParam
	Default    string // value when not given
}

// Query is a named query of the catalogue.
type Query struct {
	Name    string
	Summary string // one line
	Counts  string // what each row and each number counts
	Params  []Param
	Example string // arguments of "assemblykg query" that run it
	Twin    string // ontology/queries/TWIN.rq gives the same rows over an export ("" when none can)
	Row     any    // a row (a struct whose json tags name the columns)
	run     func(ctx context.Context, s *Store, a Args) (any, error)
	// page, when set, gives one page of the rows and their total,
	// reading little more than the page's rows.
	page func(ctx context.Context, s *Store, a Args, p Page) (any, int, error)
}

// Column is a column of a query's rows.
type Column struct {
	Name  string // snake_case
	Doc   string
	IRI   bool   // an IRI or a list of IRIs, which tables leave out unless asked
	Whole bool   // never cut in tables (an IRI that is the answer)
	Kind  string // "text", "int", "number" or "list"
}

// Columns describes the query's rows.
func (q *Query) Columns() []Column { return columnsOf(reflect.TypeOf(q.Row)) }

func columnsOf(t reflect.Type) []Column {
	var out []Column
	for i := range t.NumField() {
		f := t.Field(i)
		name := strings.Split(f.Tag.Get("json"), ",")[0]
		if name == "" || name == "-" {
			continue
		}
		c := Column{Name: name, Doc: f.Tag.Get("doc"), IRI: f.Tag.Get("col") == "iri", Whole: f.Tag.Get("col") == "whole", Kind: "text"}
		switch f.Type.Kind() {
		case reflect.Int, reflect.Pointer:
			c.Kind = "int"
		case reflect.Slice:
			c.Kind = "list"
		}
		if f.Type == reflect.TypeOf(Decimal("")) {
			c.Kind = "number"
		}
		out = append(out, c)
	}
	return out
}

// ArgError reports a bad parameter value.
type ArgError struct {
	Param string
	Msg   string
}

func (e *ArgError) Error() string { return e.Param + ": " + e.Msg }

// Args are the parameter values of a query, by name, checked by Parse.
type Args map[string]string

// Filter gives the filter parameters.
func (a Args) Filter() Filter {
	return Filter{Body: a["body"], Speaker: a["speaker"], Question: a["question"], From: a["from"], To: a["to"]}
}

// Parse checks parameter values, got by name, against the query's
// parameters: unknown names, dates that are not real yyyy-mm-dd dates, a
// from date after the to date, numbers out of range and missing required
// values are ArgErrors.
func (q *Query) Parse(values map[string]string) (Args, error) {
	a := Args{}
	for name := range values {
		if !slices.ContainsFunc(q.Params, func(p Param) bool { return p.Name == name }) {
			return nil, &ArgError{name, fmt.Sprintf("%s takes no such parameter (it takes %s)", q.Name, q.paramNames())}
		}
	}
	for _, p := range q.Params {
		v := strings.TrimSpace(values[p.Name])
		if v == "" {
			if p.Required {
				return nil, &ArgError{p.Name, "missing"}
			}
			v = p.Default
		}
		if v == "" {
			continue
		}
		switch p.Kind {
		case DateParam:
			if _, err := time.Parse(time.DateOnly, v); err != nil {
				return nil, &ArgError{p.Name, fmt.Sprintf("%q is not a date (want yyyy-mm-dd, e.g. 2017-10-12)", v)}
			}
		case IntParam:
			n, err := strconv.Atoi(v)
			if err != nil || n < p.Min || n > p.Max {
				return nil, &ArgError{p.Name, fmt.Sprintf("%q is not a number from %d to %d", v, p.Min, p.Max)}
			}
		}
		a[p.Name] = v
	}
	if q.has("from", DateParam) && a["from"] != "" && a["to"] != "" && a["from"] > a["to"] {
		return nil, &ArgError{"from", fmt.Sprintf("%s is after --to %s", a["from"], a["to"])}
	}
	return a, nil
}

func (q *Query) has(name string, kind ParamKind) bool {
	return slices.ContainsFunc(q.Params, func(p Param) bool { return p.Name == name && p.Kind == kind })
}

func (q *Query) paramNames() string {
	if len(q.Params) == 0 {
		return "none"
	}
	var n []string
	for _, p := range q.Params {
		n = append(n, p.Name)
	}
	return strings.Join(n, ", ")
}

// Page selects rows: Offset rows are skipped, then at most Limit are kept
// (all when Limit is zero).
type Page struct{ Offset, Limit int }

// bounds gives the rows [lo, hi) of n that the page holds: from Offset
// (none below 0), Limit of them when Limit is above 0, else all the rest.
func (p Page) bounds(n int) (lo, hi int) {
	lo, hi = min(max(p.Offset, 0), n), n
	if p.Limit > 0 {
		hi = min(hi, lo+p.Limit)
	}
	return lo, hi
}

// Result is the answer of a query: its columns and rows (one value per
// column: string, int, *int, Decimal, quad.IRI or []string), and how many
// rows there were before the page was cut.
type Result struct {
	Columns []Column
	Rows    [][]any
	Total   int // rows before Offset and Limit
	Offset  int
}

// Truncated reports whether rows after the page were left out.
func (r *Result) Truncated() bool { return r.Offset+len(r.Rows) < r.Total }

// Run runs a named query with checked arguments and returns a page of its
// rows. A query that can read one page alone (quotes, claims) does so when the
// page has a limit, so that a short page of a long list comes quickly.
func (s *Store) Run(ctx context.Context, q *Query, a Args, page Page) (*Result, error) {
	if q.page != nil && page.Limit > 0 {
		rows, total, err := q.page(ctx, s, a, page)
		if err != nil {
			return nil, err
		}
		r := newResult(q.Columns(), reflect.ValueOf(rows), Page{})
		r.Total, r.Offset = total, page.Offset
		return r, nil
	}
	rows, err := q.run(ctx, s, a)
	if err != nil {
		return nil, err
	}
	return newResult(q.Columns(), reflect.ValueOf(rows), page), nil
}

func newResult(cols []Column, v reflect.Value, page Page) *Result {
	r := &Result{Columns: cols, Total: v.Len(), Offset: page.Offset, Rows: [][]any{}}
	lo, hi := page.bounds(v.Len())
	for i := lo; i < hi; i++ {
		row := v.Index(i)
		cells := make([]any, 0, len(cols))
		for f := range row.NumField() {
			if name := strings.Split(row.Type().Field(f).Tag.Get("json"), ",")[0]; name != "" && name != "-" {
				cells = append(cells, row.Field(f).Interface())
			}
		}
		r.Rows = append(r.Rows, cells)
	}
	return r
}

// GizmoResult tabulates the results of a Gizmo script: one column per key
// of the result objects, sorted, or one column "result" for plain values.
func GizmoResult(values []any, total int, page Page) *Result {
	keys := map[string]bool{}
	for _, v := range values {
		if m, ok := v.(map[string]any); ok {
			for k := range m {
				keys[k] = true
			}
		}
	}
	r := &Result{Total: total, Offset: page.Offset, Rows: [][]any{}}
	if len(keys) == 0 {
		r.Columns = []Column{{Name: "result", Kind: "text"}}
		for _, v := range values {
			r.Rows = append(r.Rows, []any{plain(v)})
		}
		return r
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		r.Columns = append(r.Columns, Column{Name: k, Kind: "text"})
	}
	for _, v := range values {
		m, _ := v.(map[string]any)
		row := make([]any, len(names))
		for i, k := range names {
			row[i] = plain(m[k])
		}
		r.Rows = append(r.Rows, row)
	}
	return r
}

// plain turns a Gizmo value into text, a number or a list.
func plain(v any) any {
	switch v := v.(type) {
	case nil, string, int, int64, float64, bool:
		return v
	case quad.Value:
		return Lexical(v)
	case json.Number:
		return Decimal(v)
	case []any:
		out := make([]string, len(v))
		for i, x := range v {
			out[i] = fmt.Sprint(plain(x))
		}
		return out
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
