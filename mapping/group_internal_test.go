package mapping

import (
	"reflect"
	"testing"
)

// groupByTurn keeps the order of each turn's findings, whether they come in
// turn order or not, and never writes to what it was given.
func TestGroupByTurn(t *testing.T) {
	type finding struct{ turn, n int }
	for _, xs := range [][]finding{
		nil,
		{{1, 0}, {1, 1}, {2, 2}, {4, 3}},
		{{2, 0}, {1, 1}, {2, 2}, {2, 3}, {1, 4}, {3, 5}},
	} {
		given := append([]finding(nil), xs...)
		want := map[int][]finding{}
		for _, x := range xs {
			want[x.turn] = append(want[x.turn], x)
		}
		got := groupByTurn(xs, func(x finding) int { return x.turn })
		for turn := range got {
			got[turn] = append(got[turn], finding{-1, -1}) // a caller adding to a turn's list
			got[turn] = got[turn][:len(got[turn])-1]
		}
		if len(got) != len(want) {
			t.Errorf("groupByTurn(%v): %d turns, want %d", xs, len(got), len(want))
		}
		for turn, w := range want {
			if !reflect.DeepEqual(got[turn], w) {
				t.Errorf("groupByTurn(%v)[%d] = %v, want %v", xs, turn, got[turn], w)
			}
		}
		if !reflect.DeepEqual(xs, given) {
			t.Errorf("groupByTurn changed its input: %v, was %v", xs, given)
		}
	}
}
