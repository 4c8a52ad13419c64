package textpos_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/assemblykg/assemblykg/internal/textpos"
)

func TestError(t *testing.T) {
	bad := errors.New("bad row")
	for _, c := range []struct {
		e    textpos.Error
		want string
	}{
		{textpos.Error{File: "a.csv", Line: 3, Col: 7, Err: bad}, "a.csv:3:7: bad row"},
		{textpos.Error{File: "a.csv", Line: 3, Err: bad}, "a.csv:3: bad row"},
		{textpos.Error{File: "a.csv", Err: bad}, "a.csv: bad row"},
		{textpos.Error{File: "a.csv", Col: 4, Err: bad}, "a.csv: bad row"},
		{textpos.Error{Line: 2, Err: bad}, "2: bad row"},
		{textpos.Error{Err: bad}, "bad row"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.e, got, c.want)
		}
		if !errors.Is(&c.e, bad) {
			t.Errorf("%+v does not wrap its error", c.e)
		}
	}
}

func ExampleError() {
	err := &textpos.Error{File: "people.csv", Line: 12, Col: 5, Err: errors.New("empty name")}
	fmt.Println(err)
	// Output: people.csv:12:5: empty name
}
