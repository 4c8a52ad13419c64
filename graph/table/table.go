package table

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
)

// Formats lists the output formats, the default first.
var Formats = []string{"table", "csv", "tsv", "json", "jsonl"}

// DefaultWidth is the width tables fit by default, in characters.
const DefaultWidth = 100

// Options say how to write a result.
type Options struct {
	Format string // one of Formats; "table" when empty
	// IRIs keeps the IRI columns in tables (csv, tsv and JSON always
	// carry them).
	IRIs bool
	// Width is the most characters per table line (DefaultWidth when
	// zero); long cells are cut with "…". Negative means no limit.
	Width int
}

// Write writes r to w in the format o names.
func Write(w io.Writer, r *store.Result, o Options) error {
	switch o.Format {
	case "", "table":
		return writeTable(w, r, o)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(header(r.Columns))
		for _, row := range r.Rows {
			cw.Write(cells(row, ""))
		}
		cw.Flush()
		return cw.Error()
	case "tsv":
		tsvSpaces := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
		line := func(cs []string) error {
			for i, c := range cs {
				cs[i] = tsvSpaces.Replace(c)
			}
			_, err := fmt.Fprintln(w, strings.Join(cs, "\t"))
			return err
		}
		if err := line(header(r.Columns)); err != nil {
			return err
		}
		for _, row := range r.Rows {
			if err := line(cells(row, "; ")); err != nil {
				return err
			}
		}
		return nil
	case "json":
		return writeJSON(w, r)
	case "jsonl":
		for _, row := range r.Rows {
			b, err := object(r.Columns, row)
			if err != nil {
				return err
			}
			if _, err := w.Write(append(b, '\n')); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q (want %s)", o.Format, strings.Join(Formats, ", "))
}

// JSON is the shape of the json format: the rows as objects keyed by
// column, how many rows the query gave before the page, and whether rows
// after the page were left out.
//
//	{"rows": [{"speaker": "Sadiq Khan", "mentions": 3, ...}], "total": 9, "offset": 0, "truncated": true}
func writeJSON(w io.Writer, r *store.Result) error {
	var b strings.Builder
	b.WriteString(`{"rows": [`)
	for i, row := range r.Rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n  ")
		o, err := object(r.Columns, row)
		if err != nil {
			return err
		}
		b.Write(o)
	}
	if len(r.Rows) > 0 {
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "], \"total\": %d, \"offset\": %d, \"truncated\": %t}\n", r.Total, r.Offset, r.Truncated())
	_, err := io.WriteString(w, b.String())
	return err
}

// object writes one row as a JSON object with the columns in order.
func object(cols []store.Column, row []any) ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		k, _ := json.Marshal(c.Name)
		b.Write(k)
		b.WriteString(": ")
		v, err := marshal(row[i])
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

func marshal(v any) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	switch x := v.(type) {
	case quad.IRI:
		v = string(x)
	case []string:
		if x == nil {
			v = []string{}
		}
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

func header(cols []store.Column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.Name
	}
	return out
}

func cells(row []any, sep string) []string {
	out := make([]string, len(row))
	for i, v := range row {
		out[i] = Cell(v, sep)
	}
	return out
}

// Cell is the text of a value; lists are joined with sep ("; " when
// empty).
func Cell(v any, sep string) string {
	if sep == "" {
		sep = "; "
	}
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case *int:
		if x == nil {
			return ""
		}
		return strconv.Itoa(*x)
	case store.Decimal:
		return string(x)
	case quad.IRI:
		return string(x)
	case []string:
		return strings.Join(x, sep)
	}
	return fmt.Sprint(v)
}

// writeTable writes an aligned table: IRI columns only when asked, no
// column that is empty in every row, and long cells cut so that lines fit
// the width.
func writeTable(w io.Writer, r *store.Result, o Options) error {
	width := o.Width
	if width == 0 {
		width = DefaultWidth
	}
	var keep []int
	for i, c := range r.Columns {
		if c.IRI && !o.IRIs {
			continue
		}
		empty := len(r.Rows) > 0
		for _, row := range r.Rows {
			if Cell(row[i], "") != "" {
				empty = false
				break
			}
		}
		if !empty {
			keep = append(keep, i)
		}
	}
	text := make([][]string, len(r.Rows)+1)
	for _, i := range keep {
		text[0] = append(text[0], r.Columns[i].Name)
	}
	for j, row := range r.Rows {
		for _, i := range keep {
			text[j+1] = append(text[j+1], oneLine(Cell(row[i], "")))
		}
	}
	widths := make([]int, len(keep))
	for _, line := range text {
		for k, c := range line {
			widths[k] = max(widths[k], utf8.RuneCountInString(c))
		}
	}
	fixed := make([]bool, len(keep))
	for k, i := range keep {
		fixed[k] = r.Columns[i].Kind == "int" || r.Columns[i].Kind == "number" || r.Columns[i].Name == "date" || r.Columns[i].Whole || r.Columns[i].IRI
	}
	if !fit(widths, text[0], fixed, width) {
		return writeRecords(w, text, width)
	}
	var b strings.Builder
	for _, line := range text {
		b.Reset()
		for k, c := range line {
			c = cut(c, widths[k])
			numeric := r.Columns[keep[k]].Kind == "int" || r.Columns[keep[k]].Kind == "number"
			pad := strings.Repeat(" ", widths[k]-utf8.RuneCountInString(c))
			if k > 0 {
				b.WriteString("  ")
			}
			if numeric {
				b.WriteString(pad + c)
			} else if k < len(line)-1 {
				b.WriteString(c + pad)
			} else {
				b.WriteString(c)
			}
		}
		b.WriteByte('\n')
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

// fit narrows the widest columns, one character at a time, until the
// line fits in width (two spaces between columns). Dates, numbers and
// IRIs are never cut, other columns not below minWidth characters; fit reports
// false when the line cannot be made to fit so.
func fit(widths []int, header []string, fixed []bool, width int) bool {
	if width < 0 || len(widths) == 0 {
		return true
	}
	floor := make([]int, len(widths))
	for k := range widths {
		floor[k] = min(widths[k], max(minWidth, utf8.RuneCountInString(header[k])))
		if fixed[k] {
			floor[k] = widths[k]
		}
	}
	total := 2 * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	for total > width {
		widest := -1
		for k := range widths {
			if widths[k] > floor[k] && (widest < 0 || widths[k] > widths[widest]) {
				widest = k
			}
		}
		if widest < 0 {
			return false
		}
		widths[widest]--
		total--
	}
	return true
}

// minWidth is the narrowest a text column is cut to in a table; when the
// columns do not fit so, each row is written as a record instead.
const minWidth = 14

// writeRecords writes each row as a block of "column  value" lines, long
// values wrapped to the width: for results with more columns than a line
// holds.
func writeRecords(w io.Writer, text [][]string, width int) error {
	head := text[0]
	pad := 0
	for _, h := range head {
		pad = max(pad, utf8.RuneCountInString(h))
	}
	var b strings.Builder
	for j, row := range text[1:] {
		rule := fmt.Sprintf("-[ %d ]", j+1)
		b.WriteString(rule + strings.Repeat("-", max(0, min(width, 40)-utf8.RuneCountInString(rule))) + "\n")
		for k, c := range row {
			if c == "" {
				continue
			}
			lines := wrapText(c, max(20, width-pad-2))
			for i, l := range lines {
				label := ""
				if i == 0 {
					label = head[k]
				}
				b.WriteString(label + strings.Repeat(" ", pad-utf8.RuneCountInString(label)) + "  " + l + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wrapText breaks s into lines of at most n characters at spaces (a word
// longer than n is cut).
func wrapText(s string, n int) []string {
	var lines []string
	var cur []rune
	for _, word := range strings.Fields(s) {
		wr := []rune(word)
		if len(cur) > 0 && len(cur)+1+len(wr) > n {
			lines = append(lines, string(cur))
			cur = nil
		}
		for len(wr) > n {
			lines = append(lines, string(wr[:n]))
			wr = wr[n:]
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		cur = append(cur, wr...)
	}
	if len(cur) > 0 || len(lines) == 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// cut shortens s to n characters, ending with "…" when cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
