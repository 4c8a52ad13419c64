package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
)

func init() {
	register("query", "ask the graph store: mentions, bodies, people, sessions, claims, answers, path, or Gizmo", runQuery)
}

var queryNames = []string{"mentions", "bodies", "people", "sessions", "claims", "answers", "path"}

func runQuery(ctx context.Context, name string, args []string, s streams) error {
	fs := newFlags(name, s)
	var (
		db                      dbFlags
		body, speaker, from, to string
		gizmo, format           string
		depth, limit            int
		timeout                 time.Duration
	)
	db.add(fs)
	fs.StringVar(&body, "body", "", "mentions, claims, answers: the body (name, alias or IRI)")
	fs.StringVar(&speaker, "speaker", "", "mentions: the speaker (name or IRI)")
	fs.StringVar(&from, "from", "", "mentions: first session `DATE` (yyyy-mm-dd)")
	fs.StringVar(&to, "to", "", "mentions: last session `DATE` (yyyy-mm-dd)")
	fs.IntVar(&depth, "depth", store.DefaultPathDepth, "path: longest connection, in edges")
	fs.StringVar(&gizmo, "gizmo", "", "run a Gizmo `SCRIPT` (Cayley's JavaScript query language) instead of a named query")
	fs.StringVar(&format, "format", "table", "output `FORMAT`: table, tsv or json")
	fs.IntVar(&limit, "limit", store.DefaultLimit, "most rows shown")
	fs.DurationVar(&timeout, "timeout", 30*time.Second, "time limit of the query")
	fs.Usage = func() {
		fmt.Fprintln(s.err, "usage: assemblykg query NAME [flags]     NAME: "+strings.Join(queryNames, ", "))
		fmt.Fprintln(s.err, "       assemblykg query path A B [flags]")
		fmt.Fprintln(s.err, "       assemblykg query --gizmo 'g.V().Limit(5).All()' [flags]")
		fmt.Fprintln(s.err, "\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	switch format {
	case "table", "tsv", "json":
	default:
		return usagef("unknown --format %q (want table, tsv or json)", format)
	}
	if limit < 1 {
		return usagef("--limit must be at least 1")
	}
	rest := fs.Args()
	if gizmo == "" && len(rest) == 0 {
		return usagef("name a query (%s) or give --gizmo", strings.Join(queryNames, ", "))
	}
	if gizmo != "" && len(rest) > 0 {
		return usagef("give either a query name or --gizmo, not both")
	}
	wantArgs := 0
	if gizmo == "" && rest[0] == "path" {
		wantArgs = 2
	}
	if gizmo == "" && len(rest)-1 != wantArgs {
		if wantArgs == 2 {
			return usagef("path needs two nodes: assemblykg query path A B")
		}
		return usagef("%s takes no arguments, only flags", rest[0])
	}
	if gizmo == "" && !slices.Contains(queryNames, rest[0]) {
		return usagef("unknown query %q (have %s)", rest[0], strings.Join(queryNames, ", "))
	}

	st, err := store.Open(db.kind, db.path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	var rows any
	if gizmo != "" {
		rows, err = st.Gizmo(ctx, gizmo, limit)
	} else {
		switch rest[0] {
		case "mentions":
			rows, err = st.Mentions(ctx, store.MentionFilter{Body: body, Speaker: speaker, From: from, To: to})
		case "bodies":
			rows, err = st.Bodies(ctx)
		case "people":
			rows, err = st.People(ctx)
		case "sessions":
			rows, err = st.Sessions(ctx)
		case "claims":
			rows, err = st.Claims(ctx, body)
		case "answers":
			rows, err = st.Answers(ctx, body)
		case "path":
			rows, err = st.Path(ctx, rest[1], rest[2], depth)
		}
	}
	if err != nil {
		return err
	}
	return writeRows(s.out, format, rows, limit)
}

// writeRows prints a slice of row structs (or of Gizmo results) as an
// aligned table, tab-separated values or JSON.
func writeRows(w io.Writer, format string, rows any, limit int) error {
	v := reflect.ValueOf(rows)
	if v.Len() > limit {
		v = v.Slice(0, limit)
	}
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(v.Interface())
	}
	header, cells := tabulate(v)
	sep := "\t"
	var tw *tabwriter.Writer
	out := w
	if format == "table" {
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		out = tw
	}
	clean := func(c string) string {
		return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
	}
	line := func(cs []string) {
		for i := range cs {
			cs[i] = clean(cs[i])
		}
		fmt.Fprintln(out, strings.Join(cs, sep))
	}
	line(header)
	for _, r := range cells {
		line(r)
	}
	if tw != nil {
		return tw.Flush()
	}
	return nil
}

// tabulate turns rows into a header and cells: struct fields by their JSON
// names, or the keys of maps (Gizmo results) in sorted order.
func tabulate(v reflect.Value) ([]string, [][]string) {
	et := v.Type().Elem()
	if et.Kind() == reflect.Struct {
		var header []string
		for i := range et.NumField() {
			header = append(header, strings.Split(et.Field(i).Tag.Get("json"), ",")[0])
		}
		cells := make([][]string, v.Len())
		for r := range v.Len() {
			for i := range et.NumField() {
				cells[r] = append(cells[r], cell(v.Index(r).Field(i).Interface()))
			}
		}
		return header, cells
	}
	keys := map[string]bool{}
	for r := range v.Len() {
		if m, ok := v.Index(r).Interface().(map[string]any); ok {
			for k := range m {
				keys[k] = true
			}
		}
	}
	if len(keys) == 0 {
		cells := make([][]string, v.Len())
		for r := range v.Len() {
			cells[r] = []string{cell(v.Index(r).Interface())}
		}
		return []string{"result"}, cells
	}
	header := make([]string, 0, len(keys))
	for k := range keys {
		header = append(header, k)
	}
	slices.Sort(header)
	cells := make([][]string, v.Len())
	for r := range v.Len() {
		m, _ := v.Index(r).Interface().(map[string]any)
		for _, k := range header {
			cells[r] = append(cells[r], cell(m[k]))
		}
	}
	return header, cells
}

func cell(x any) string {
	switch x := x.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case []string:
		return strings.Join(x, "; ")
	case quad.IRI:
		return string(x)
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(x)
}
