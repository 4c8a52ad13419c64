package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/table"
	"github.com/assemblykg/assemblykg/mapping/people"
)

func init() {
	register("query", "ask the graph store: "+strings.Join(store.Names(), ", ")+", or Gizmo", runQuery)
}

// byKeys are what --by counts mentions and claims by.
var byKeys = []string{"group", "year", "speaker", "role"}

const queryExitCodes = `exit codes: 0 rows written (none is not an error), 1 the store cannot be read, a name
or IRI matches nothing, or the time limit passed, 2 bad flags, dates or query name`

func runQuery(ctx context.Context, name string, args []string, s streams) error {
	fs := newFlags(name, s)
	var (
		db            dbFlags
		gizmo, format string
		iris          bool
		limit, offset int
		width         int
		timeout       time.Duration
		values        = map[string]*string{}
	)
	db.add(fs)
	// One flag per parameter name of the catalogue; each query takes some.
	for _, q := range store.Catalogue() {
		for _, p := range q.Params {
			if _, ok := values[p.Name]; ok || p.Positional {
				continue
			}
			values[p.Name] = fs.String(p.Name, p.Default, p.Help)
		}
	}
	fs.StringVar(&gizmo, "gizmo", "", "run a Gizmo `SCRIPT` (Cayley's JavaScript query language) instead of a named query")
	fs.StringVar(&format, "format", "table", "output `FORMAT`: "+strings.Join(table.Formats, ", "))
	fs.BoolVar(&iris, "iris", false, "table: show the IRI columns too (csv, tsv and json always have them)")
	fs.IntVar(&width, "width", table.DefaultWidth, "table: most characters per line (long cells are cut with …); 0 for no limit")
	fs.IntVar(&limit, "limit", store.DefaultLimit, "most rows written (a note on stderr says when more were left out)")
	fs.IntVar(&offset, "offset", 0, "rows skipped before the first written (to page on)")
	fs.DurationVar(&timeout, "timeout", 30*time.Second, "time limit of the query")
	by := fs.String("by", "", "mentions and claims: count by `KEY`, one of "+strings.Join(byKeys, ", ")+" (the queries mentions-by-…, claims-by-…)")
	named := firstArg(fs, args)
	q, _ := store.Lookup(named)
	fs.Usage = func() { queryUsage(s.err, fs, q) }
	if err := fs.Parse(args); err != nil {
		return usageError{err}
	}
	if !slices.Contains(table.Formats, format) {
		return usagef("unknown --format %q (want %s)", format, strings.Join(table.Formats, ", "))
	}
	if limit < 1 || offset < 0 || width < 0 {
		return usagef("--limit must be at least 1, --offset and --width at least 0")
	}
	if width == 0 {
		width = -1
	}
	rest := fs.Args()
	if *by != "" {
		if len(rest) == 0 || !slices.Contains([]string{"mentions", "claims"}, rest[0]) {
			return usagef("--by goes with mentions or claims")
		}
		if !slices.Contains(byKeys, *by) {
			return usagef("unknown --by %q (want %s)", *by, strings.Join(byKeys, ", "))
		}
		if rest[0] != "mentions" || *by != "speaker" { // mentions by speaker is the mentions query
			rest[0] += "-by-" + *by
		}
		q, _ = store.Lookup(rest[0])
	}
	if gizmo != "" && len(rest) > 0 {
		return usagef("give either a query name or --gizmo, not both")
	}
	var a store.Args
	if gizmo == "" {
		if len(rest) == 0 {
			return usagef("name a query (%s) or give --gizmo", strings.Join(store.Names(), ", "))
		}
		if q == nil || q.Name != rest[0] {
			return usagef("unknown query %q (have %s)", rest[0], strings.Join(store.Names(), ", "))
		}
		given := map[string]string{}
		var positional []store.Param
		for _, p := range q.Params {
			if p.Positional {
				positional = append(positional, p)
			}
		}
		if len(rest)-1 != len(positional) {
			if len(positional) == 0 {
				return usagef("%s takes no arguments, only flags (example: assemblykg query %s)", q.Name, q.Example)
			}
			return usagef("%s takes %d arguments (example: assemblykg query %s)", q.Name, len(positional), q.Example)
		}
		for i, p := range positional {
			given[p.Name] = rest[i+1]
		}
		var wrong []string
		fs.Visit(func(f *pflag.Flag) {
			if v, ok := values[f.Name]; ok {
				given[f.Name] = *v
			}
		})
		for n := range given {
			if !slices.ContainsFunc(q.Params, func(p store.Param) bool { return p.Name == n }) {
				wrong = append(wrong, "--"+n)
			}
		}
		if len(wrong) > 0 {
			slices.Sort(wrong)
			return usagef("%s does not take %s (see assemblykg query %s --help)", q.Name, strings.Join(wrong, ", "), q.Name)
		}
		var err error
		if a, err = q.Parse(given); err != nil {
			var ae *store.ArgError
			if errors.As(err, &ae) {
				return usagef("--%s", err)
			}
			return err
		}
	}

	st, err := store.Open(db.kind, db.path, store.Options{ReadOnly: true})
	if err != nil {
		return err
	}
	defer st.Close()
	if reg, err := people.Default(); err == nil {
		st.UseRegister(reg)
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	page := store.Page{Offset: offset, Limit: limit}
	var res *store.Result
	if gizmo != "" {
		var vals []any
		vals, err = st.Gizmo(ctx, gizmo, store.GizmoOptions{Limit: offset + limit + 1})
		if err == nil {
			res = store.GizmoResult(vals[min(offset, len(vals)):min(offset+limit, len(vals))], len(vals), page)
		}
	} else {
		res, err = st.Run(ctx, q, a, page)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w after %s (give --timeout for more, or narrow the query)", store.ErrTimeLimit, timeout)
	}
	if err != nil {
		return err
	}
	if err := table.Write(s.out, res, table.Options{Format: format, IRIs: iris, Width: width}); err != nil {
		return err
	}
	if res.Truncated() {
		fmt.Fprintf(s.err, "query: wrote rows %d to %d of %d; give --offset %d for the next, or a higher --limit\n",
			res.Offset+1, res.Offset+len(res.Rows), res.Total, res.Offset+len(res.Rows))
	}
	return nil
}

// firstArg returns the first argument that is neither a flag nor a flag's
// value: the query's name.
func firstArg(fs *pflag.FlagSet, args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			return a
		}
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		if f := fs.Lookup(name); f != nil && f.NoOptDefVal == "" {
			i++ // the flag's value
		} else if len(name) == 1 {
			if f := fs.ShorthandLookup(name); f != nil && f.NoOptDefVal == "" {
				i++
			}
		}
	}
	return ""
}

// queryUsage prints the help of the query command, or of one query: what it
// counts, its parameters and columns, an example and the exit codes.
func queryUsage(w io.Writer, fs *pflag.FlagSet, q *store.Query) {
	if q == nil {
		fmt.Fprintln(w, "usage: assemblykg query NAME [ARGS] [flags]")
		fmt.Fprintln(w, "       assemblykg query --gizmo SCRIPT [flags]")
		fmt.Fprintln(w, "\nqueries (assemblykg query NAME --help for each):")
		for _, q := range store.Catalogue() {
			fmt.Fprintf(w, "  %-9s %s\n", q.Name, q.Summary)
		}
		fmt.Fprintln(w, "\nexamples:")
		fmt.Fprintln(w, "  assemblykg query mentions --body MPS")
		fmt.Fprintln(w, `  assemblykg query --gizmo 'g.V("<https://w3id.org/assemblykg/id/body/home-office>").In("<http://schema.org/mentions>").All()'`)
		fmt.Fprintln(w, "\nflags:")
		fs.PrintDefaults()
		fmt.Fprintln(w, "\n"+queryExitCodes)
		return
	}
	use := "usage: assemblykg query " + q.Name
	for _, p := range q.Params {
		if p.Positional {
			use += " " + strings.ToUpper(p.Name)
		}
	}
	fmt.Fprintln(w, use+" [flags]")
	fmt.Fprintln(w, "\n"+wrap(q.Summary+". "+q.Counts, 90))
	if len(q.Params) > 0 {
		fmt.Fprintln(w, "\nparameters:")
		for _, p := range q.Params {
			n := "--" + p.Name
			if p.Positional {
				n = strings.ToUpper(p.Name)
			}
			fmt.Fprintf(w, "  %-11s %s\n", n, p.Help)
		}
	}
	fmt.Fprintln(w, "\ncolumns (IRI columns in tables only with --iris):")
	for _, c := range q.Columns() {
		iri := ""
		if c.IRI {
			iri = " [IRI]"
		}
		fmt.Fprintf(w, "  %-12s %s%s\n", c.Name, c.Doc, iri)
	}
	fmt.Fprintln(w, "\nexample:\n  assemblykg query "+q.Example)
	fmt.Fprintln(w, "\nflags of every query: --db --dbpath --format --iris --width --limit --offset --timeout")
	fmt.Fprintln(w, "\n"+queryExitCodes)
}

// wrap breaks text into lines of at most n characters.
func wrap(text string, n int) string {
	var b strings.Builder
	line := 0
	for _, w := range strings.Fields(text) {
		if line > 0 && line+1+len(w) > n {
			b.WriteByte('\n')
			line = 0
		} else if line > 0 {
			b.WriteByte(' ')
			line++
		}
		b.WriteString(w)
		line += len(w)
	}
	return b.String()
}
