package slug_test

import (
	"fmt"
	"testing"

	"github.com/assemblykg/assemblykg/mapping/slug"
)

func TestOf(t *testing.T) {
	for in, want := range map[string]string{
		"Steve O'Connell": "steve-oconnell", "Siân Berry": "sian-berry", "London & Partners": "london-and-partners",
		"Mayor's Office for Policing and Crime": "mayors-office-for-policing-and-crime", "  ": "",
		"Garden Bridge (3)": "garden-bridge-3", "‘People’s Vote’ on Brexit": "peoples-vote-on-brexit", "& Co": "co",
	} {
		if got := slug.Of(in); got != want {
			t.Errorf("Of(%q) = %q, want %q", in, got, want)
		}
	}
}

func ExampleOf() {
	fmt.Println(slug.Of("Jennette Arnold OBE"))
	// Output: jennette-arnold-obe
}
