package csvrow_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/internal/csvrow"
	"github.com/assemblykg/assemblykg/internal/textpos"
)

var errBad = errors.New("bad row")

func TestColumnsByName(t *testing.T) {
	const data = "\ufeffName,Same As,source\n  GLA , http://example.org/gla ,seed\n\n\"Transport for London\",,\n"
	r, err := csvrow.NewReader(strings.NewReader(data), "b.csv", nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Require("name", "same_as"); err != nil {
		t.Fatal(err)
	}
	if r.Has("kind") {
		t.Error("Has(kind) on a file without that column")
	}
	var got []string
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%d %q %q %q", row.Line, row.Get("name"), row.Get("sameAs"), row.Get("kind")))
	}
	want := []string{`2 "GLA" "http://example.org/gla" ""`, `4 "Transport for London" "" ""`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestPositions: every error names file, line and, where there is one,
// column; none says line 0.
func TestPositions(t *testing.T) {
	for _, c := range []struct {
		name, data, want string
	}{
		{"empty", "", "x.csv:1: bad row: empty file"},
		{"missing column", "id,name\n", "x.csv:1: bad row: header \"id,name\" lacks the column(s) kind"},
		{"bare quote", "id,name,kind\na,\"b\"c,d\n", "x.csv:2:5: bad row: extraneous or missing \" in quoted-field"},
		{"field count", "id,name,kind\na,b\n", "x.csv:2: bad row: 2 fields, the header has 3"},
		{"bad field", "id,name,kind\na,b,  oops\n", "x.csv:2:5: bad row: kind \"oops\""},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := readAll(c.data)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Fatalf("got %v, want %s", err, c.want)
			}
			var pe *textpos.Error
			if !errors.As(err, &pe) || pe.Line == 0 {
				t.Errorf("%v is not a positioned error", err)
			}
			if !errors.Is(err, errBad) {
				t.Errorf("%v does not wrap the reader's kind of error", err)
			}
		})
	}
}

func readAll(data string) error {
	r, err := csvrow.NewReader(strings.NewReader(data), "x.csv", errBad)
	if err != nil {
		return err
	}
	if err := r.Require("id", "name", "kind"); err != nil {
		return err
	}
	for {
		row, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if k := row.Get("kind"); k != "d" {
			return row.Errorf("kind", "kind %q", k)
		}
	}
}

func ExampleReader() {
	const data = "id,name,aliases\nmps,Metropolitan Police Service,the Met|Scotland Yard\n"
	r, err := csvrow.NewReader(strings.NewReader(data), "bodies.csv", nil)
	if err != nil {
		panic(err)
	}
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		fmt.Println(row.Line, row.Get("name"), csvrow.List(row.Get("aliases"), "|"))
	}
	// Output: 2 Metropolitan Police Service [the Met Scotland Yard]
}

func TestUnion(t *testing.T) {
	got := csvrow.Union([]string{"OBE", "AM"}, []string{"AM", "CBE", "OBE", "QPM"})
	if fmt.Sprint(got) != "[OBE AM CBE QPM]" {
		t.Errorf("Union: %v", got)
	}
}
