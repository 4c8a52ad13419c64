package editdist

import (
	"fmt"
	"math/rand/v2"
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

// reference is the edit distance computed in full, as a table of every row.
func reference(a, b string, swaps bool) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if swaps && i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// OSA gives the full table's distance when it is within the limit, and a
// number over the limit otherwise; Levenshtein gives the full table's.
// Random strings over a small alphabet, short and past the buffers kept on
// the stack.
func TestDistancesAgainstFullTable(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []rune("abcé ")
	word := func() string {
		n := r.IntN(8)
		if r.IntN(10) == 0 {
			n = 30 + r.IntN(10)
		}
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(rs)
	}
	for range 20000 {
		a, b := word(), word()
		if r.IntN(4) == 0 {
			b = a[:len(a)/2] + "ab" + a[len(a)/2:]
		}
		if got, want := Levenshtein(a, b), reference(a, b, false); got != want {
			t.Fatalf("Levenshtein(%q, %q) = %d, want %d", a, b, got, want)
		}
		full := reference(a, b, true)
		for limit := range 4 {
			got := OSA(a, b, limit)
			if (full <= limit && got != full) || (full > limit && got <= limit) {
				t.Fatalf("OSA(%q, %q, %d) = %d, full distance %d", a, b, limit, got, full)
			}
		}
		if got := OSA(a, b, 100); got != full {
			t.Fatalf("OSA(%q, %q, 100) = %d, want %d", a, b, got, full)
		}
	}
}
