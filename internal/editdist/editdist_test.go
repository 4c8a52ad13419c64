package editdist

import (
	"fmt"
	"testing"
)

func TestDistances(t *testing.T) {
	for _, c := range []struct {
		a, b     string
		lev, osa int
	}{
		{"", "", 0, 0},
		{"", "abc", 3, 3},
		{"kitten", "sitting", 3, 3},
		{"jonh", "john", 2, 1},
		{"ca", "abc", 3, 3},
		{"zoë", "zoe", 1, 1},
		{"boris johnson", "boris johnson", 0, 0},
	} {
		if got := Levenshtein(c.a, c.b); got != c.lev {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", c.a, c.b, got, c.lev)
		}
		if got := Levenshtein(c.b, c.a); got != c.lev {
			t.Errorf("Levenshtein(%q, %q) = %d, want %d", c.b, c.a, got, c.lev)
		}
		if got := OSA(c.a, c.b, 10); got != c.osa {
			t.Errorf("OSA(%q, %q, 10) = %d, want %d", c.a, c.b, got, c.osa)
		}
	}
}

func TestOSALimit(t *testing.T) {
	if got := OSA("al", "alexander", 2); got != 3 {
		t.Errorf("OSA over the limit by length = %d, want 3", got)
	}
	if got := OSA("kitten", "sitting", 1); got <= 1 {
		t.Errorf("OSA(kitten, sitting, 1) = %d, want more than 1", got)
	}
}

func ExampleOSA() {
	fmt.Println(Levenshtein("Jonh", "John"), OSA("Jonh", "John", 2))
	// Output: 2 1
}
