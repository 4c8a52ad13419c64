package claims

import (
	"fmt"
	"sort"
)

// Kind is the kind of a claim.
type Kind uint8

// The kinds of claim Find reports.
const (
	// Numeric is a quantity asserted as fact: a count, money, a percentage,
	// a measure or a rate.
	Numeric Kind = iota + 1
	// Commitment is a first-person pledge ("I will ...", "we are currently
	// identifying ...").
	Commitment
	// Agreement is a reply that agrees ("Yes", "Absolutely", "I agree with
	// you").
	Agreement
	// Refusal is a reply that refuses or rejects ("No", "I really cannot
	// accept ...", "I do not believe it necessary ...").
	Refusal
)

var kindNames = [...]string{Numeric: "numeric", Commitment: "commitment", Agreement: "agreement", Refusal: "refusal"}

// String returns the lower-case name of the kind ("numeric").
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText writes the kind by name.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind written by MarshalText.
func (k *Kind) UnmarshalText(b []byte) error {
	for i, name := range kindNames {
		if name != "" && name == string(b) {
			*k = Kind(i)
			return nil
		}
	}
	return fmt.Errorf("claims: unknown claim kind %q", b)
}

// Claim is one claim found in a text.
type Claim struct {
	Kind     Kind     `json:"kind"`
	Sentence Sentence `json:"sentence"` // the sentence that makes the claim
	// Value is the quantity of a numeric claim, words and multipliers
	// resolved ("£2.3 million" is 2300000, "six" is 6, "a half" is 0.5).
	Value float64 `json:"value"`
	// Unit is what is counted ("arrests", "taxi ranks"), "percent",
	// "fraction", or "GBP" for money in pounds; "" when the figure names
	// none.
	Unit string `json:"unit,omitempty"`
	// Currency is the ISO 4217 code of a sum of money ("GBP"), else "".
	Currency string `json:"currency,omitempty"`
	// Figure is the figure as printed ("£2.3 million", "six", "45 per
	// cent"); for the other kinds, the cue words ("I will", "Absolutely").
	Figure string `json:"figure"`
	// Begin and End are the code-point offsets of Figure within the text.
	Begin int `json:"begin"`
	End   int `json:"end"`
	// Period is the time the sentence says the figure covers ("As of
	// August 2017", "2016", "since the Act came into force", "annually"),
	// "" when it says none.
	Period string `json:"period,omitempty"`
}

// Find returns the claims of text in order of position.
func Find(text string) []Claim {
	t := runeTexts.Get().(*runeText).reset(text)
	defer t.release() // what Find returns holds no part of t, only of text
	var out []Claim
	lower := asciiLower(text) // each sentence's part of it is its lower case
	folds := mayFold(text)
	for _, s := range t.sentences() {
		st := t.st.reset(s, lower[s.ByteBegin:s.ByteEnd], folds)
		out = append(out, t.numericClaims(st)...)
		out = append(out, t.cueClaims(st)...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Sentence.Begin != out[j].Sentence.Begin {
			return out[i].Sentence.Begin < out[j].Sentence.Begin
		}
		if out[i].Begin != out[j].Begin {
			return out[i].Begin < out[j].Begin
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}
