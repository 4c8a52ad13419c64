package store

import (
	"slices"
	"testing"
)

func TestNatural(t *testing.T) {
	got := []string{"claim/10", "claim/2", "claim/1", "turn/10/claim/1", "turn/9/claim/12", "claim/02", "a"}
	slices.SortFunc(got, Natural)
	want := []string{"a", "claim/1", "claim/2", "claim/02", "claim/10", "turn/9/claim/12", "turn/10/claim/1"}
	if !slices.Equal(got, want) {
		t.Errorf("natural order %q, want %q", got, want)
	}
}
