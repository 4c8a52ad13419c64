package claims_test

import (
	"fmt"

	"github.com/assemblykg/assemblykg/mapping/claims"
)

func ExampleFind() {
	turn := "Thank you, Chair. As of August 2017, there have been 59 arrests made under modern slavery charges " +
		"and there were 88 arrests in total in 2016. The unit cost £2.3 million. I will make sure you get an invite."
	for _, c := range claims.Find(turn) {
		switch c.Kind {
		case claims.Numeric:
			fmt.Printf("%s %v %s %q [%d,%d) period=%q\n", c.Kind, c.Value, c.Unit, c.Figure, c.Begin, c.End, c.Period)
		default:
			fmt.Printf("%s %q in %q\n", c.Kind, c.Figure, c.Sentence.Text)
		}
	}
	// Output:
	// numeric 59 arrests "59" [53,55) period="As of August 2017"
	// numeric 88 arrests "88" [113,115) period="2016"
	// numeric 2.3e+06 GBP "£2.3 million" [156,168) period=""
	// commitment "I will" in "I will make sure you get an invite."
}

func ExampleSentences() {
	for _, s := range claims.Sentences("Mr. Smith met J. Jones at 10.02am. It cost £2.3 million… or so.\n\nCamden 1\nEaling 1") {
		fmt.Printf("[%d,%d) %s\n", s.Begin, s.End, s.Text)
	}
	// Output:
	// [0,34) Mr. Smith met J. Jones at 10.02am.
	// [35,63) It cost £2.3 million… or so.
	// [65,73) Camden 1
	// [74,82) Ealing 1
}
