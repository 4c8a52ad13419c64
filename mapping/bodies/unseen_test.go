package bodies

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestUnseen runs the cases of testdata/unseen.txt: each text is scanned
// afresh and must give exactly the mentions listed.
func TestUnseen(t *testing.T) {
	f, err := os.Open("testdata/unseen.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d := detector(t)
	var name string
	var text, want []string
	cases := 0
	check := func(line int) {
		got := found(d.Scanner().Find(strings.Join(text, "\n")))
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", want) {
			t.Errorf("testdata/unseen.txt:%d: %s\n got %q\nwant %q", line, name, got, want)
		}
		cases++
		text, want = nil, nil
	}
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "# "):
			name = strings.TrimPrefix(l, "# ")
		case strings.HasPrefix(l, "=>"):
			if m := strings.TrimSpace(strings.TrimPrefix(l, "=>")); m != "" {
				want = append(want, m)
			}
		case l == "":
			if text != nil {
				check(line)
			}
		case want != nil:
			t.Fatalf("testdata/unseen.txt:%d: text after the mentions; leave a blank line between cases", line)
		default:
			text = append(text, l)
		}
	}
	if text != nil {
		check(line)
	}
	if cases == 0 {
		t.Fatal("no cases in testdata/unseen.txt")
	}
}
