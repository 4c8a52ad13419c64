package people

import (
	"slices"
	"testing"
)

func TestLookup(t *testing.T) {
	reg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, from, to string
		want           []string
	}{
		{"Len Duvall OBE", "", "", []string{"Len Duvall"}},
		{"Kenneth Livingstone", "", "", []string{"Ken Livingstone"}},
		{"The Mayor", "2017-10-12", "2017-10-12", []string{"Sadiq Khan"}},
		{"the mayor", "2008-01-01", "2008-12-31", []string{"Ken Livingstone", "Boris Johnson"}},
		{"Nobody At All", "", "", nil},
	} {
		got := reg.Lookup(tc.name, tc.from, tc.to)
		if !slices.Equal(got, tc.want) {
			t.Errorf("Lookup(%q, %q, %q) = %q, want %q", tc.name, tc.from, tc.to, got, tc.want)
		}
	}
}
