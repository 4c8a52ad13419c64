package claims

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestUnseen runs the cases of testdata/unseen.txt.
func TestUnseen(t *testing.T) {
	f, err := os.Open("testdata/unseen.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var name string
	var text []string
	cases := 0
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# "):
			name, text = strings.TrimPrefix(l, "# "), nil
		case strings.HasPrefix(l, "=>"):
			var want []float64
			for _, v := range strings.Fields(strings.TrimPrefix(l, "=>")) {
				x, err := strconv.ParseFloat(v, 64)
				if err != nil {
					t.Fatalf("testdata/unseen.txt:%d: %v", line, err)
				}
				want = append(want, x)
			}
			var got []float64
			for _, c := range Find(strings.Join(text, "\n")) {
				if c.Kind == Numeric {
					got = append(got, c.Value)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("testdata/unseen.txt:%d: %s: got %v, want %v", line, name, got, want)
			}
			cases++
			text = nil
		case l != "" && name != "":
			text = append(text, l)
		}
	}
	if cases == 0 {
		t.Fatal("no cases in testdata/unseen.txt")
	}
}
