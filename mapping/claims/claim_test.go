package claims

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// figureWant is one expected numeric claim.
type figureWant struct {
	value    float64
	unit     string
	figure   string
	period   string
	currency string
}

func (w figureWant) String() string {
	return fmt.Sprintf("%v %q %q period=%q %s", w.value, w.unit, w.figure, w.period, w.currency)
}

func numeric(cs []Claim) []Claim {
	var out []Claim
	for _, c := range cs {
		if c.Kind == Numeric {
			out = append(out, c)
		}
	}
	return out
}

const seedSentence = "As of August\u00a02017, there have been 59 arrests made under modern slavery charges and there were 88 arrests in total in 2016."

func TestFindNumeric(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []figureWant
	}{
		{"seed arrests", seedSentence, []figureWant{
			{value: 59, unit: "arrests", figure: "59", period: "As of August 2017"},
			{value: 88, unit: "arrests", figure: "88", period: "2016"},
		}},
		{"seed cases", "What I can say is that since the Act came into force, we are aware of at least six cases in London resulted in convictions which have used the new legislation.",
			[]figureWant{{value: 6, unit: "cases", figure: "six", period: "since the Act came into force"}}},
		{"money in millions", "The scheme cost £2.3 million in 2016.",
			[]figureWant{{value: 2300000, unit: "GBP", figure: "£2.3 million", period: "2016", currency: "GBP"}}},
		{"money in billions, annually", "On the benefit fraud, [the loss] to taxpayers it is £1.1 billion annually.",
			[]figureWant{{value: 1100000000, unit: "GBP", figure: "£1.1 billion", period: "annually", currency: "GBP"}}},
		{"money a year", "HM Revenue & Customs figures say it is up to around £22 billion a year.",
			[]figureWant{{value: 22e9, unit: "GBP", figure: "£22 billion", period: "a year", currency: "GBP"}}},
		{"money with thousands separator", "18 fantastic charities benefited from the £200,000 that was donated.", []figureWant{
			{value: 18, unit: "fantastic charities", figure: "18"},
			{value: 200000, unit: "GBP", figure: "£200,000", currency: "GBP"},
		}},
		{"money abbreviated", "The budget is £5m this year and £3.5bn over the next decade.", []figureWant{
			{value: 5e6, unit: "GBP", figure: "£5m", period: "this year", currency: "GBP"},
			{value: 3.5e9, unit: "GBP", figure: "£3.5bn", period: "the next decade", currency: "GBP"},
		}},
		{"money in words", "The scheme cost two hundred and fifty thousand pounds.",
			[]figureWant{{value: 250000, unit: "GBP", figure: "two hundred and fifty thousand pounds", currency: "GBP"}}},
		{"percent sign", "It is 23% up.", []figureWant{{value: 23, unit: "percent", figure: "23%"}}},
		{"per cent and this year", "Londoners made over 8,500 referrals to StreetLink this year - nearly 45 per cent more than over the same period in 2017.", []figureWant{
			{value: 8500, unit: "referrals", figure: "8,500", period: "this year"},
			{value: 45, unit: "percent", figure: "45 per cent", period: "this year"},
		}},
		{"thousands separator and a date", "The Police Officer strength at 6 May 2012 was 31,984 Full Time Equivalents.",
			[]figureWant{{value: 31984, unit: "Full Time Equivalents", figure: "31,984", period: "6 May 2012"}}},
		{"counts with percentages in brackets", "The analysis shows 24,021 (76.4%) to be in Operational roles and 859 (2.7%) in support.", []figureWant{
			{value: 24021, figure: "24,021"}, {value: 76.4, unit: "percent", figure: "76.4%"},
			{value: 859, figure: "859"}, {value: 2.7, unit: "percent", figure: "2.7%"},
		}},
		{"words and a bare figure", "Seven new taxi ranks have been appointed since 1 April 2016 and a further 11 have been agreed, in principle, across four London boroughs.", []figureWant{
			{value: 7, unit: "taxi ranks", figure: "Seven", period: "since 1 April 2016"},
			{value: 11, unit: "taxi ranks", figure: "11", period: "since 1 April 2016"},
			{value: 4, unit: "London boroughs", figure: "four", period: "since 1 April 2016"},
		}},
		{"list item with a financial year", "2013/14 - 16 new ranks", []figureWant{{value: 16, unit: "ranks", figure: "16", period: "2013/14"}}},
		{"table row", "Territorial Policing (TP) Brent 3", []figureWant{{value: 3, figure: "3"}}},
		{"a half", "Since 2000 benefit fraud has been reduced by a half.",
			[]figureWant{{value: 0.5, unit: "fraction", figure: "a half", period: "Since 2000"}}},
		{"fraction of a whole", "A third of Londoners rent.", []figureWant{{value: 1.0 / 3, unit: "fraction", figure: "A third"}}},
		{"measure", "The ban applied only to buildings over 18 metres high.", []figureWant{{value: 18, unit: "metres", figure: "18"}}},
		{"prediction", "Clapham town is going to be eight minutes attendance time.", []figureWant{{value: 8, unit: "minutes", figure: "eight"}}},
		{"two figures in November", "The payroll records show that in November 2013, 26 constables and 8 detective constables were paid allowances.", []figureWant{
			{value: 26, unit: "constables", figure: "26", period: "November 2013"},
			{value: 8, unit: "detective constables", figure: "8", period: "November 2013"},
		}},
		{"millions abbreviated before a plural", "There are 1.2m people on the list, up from 900,000 in 2010.", []figureWant{
			{value: 1.2e6, unit: "people", figure: "1.2m"},
			{value: 900000, unit: "people", figure: "900,000", period: "2010"},
		}},
		{"a year that counts", "In 2016 there were 2016 arrests.", []figureWant{{value: 2016, unit: "arrests", figure: "2016", period: "2016"}}},
		{"percentage points between years", "Crime fell 10 percentage points between 2010 and 2012.",
			[]figureWant{{value: 10, unit: "percentage points", figure: "10 percentage points", period: "between 2010 and 2012"}}},
		{"presupposed in a question", "How will the additional 11,000 homes on the Olympic Site affect the plan to close 31 stations?", []figureWant{
			{value: 11000, unit: "homes", figure: "11,000"}, {value: 31, unit: "stations", figure: "31"},
		}},
		{"after that in a question", "Are you happy that the closures will mean that one-third of those boroughs, that is 13 wards of those boroughs, will have a longer wait?",
			[]figureWant{{value: 13, unit: "wards", figure: "13"}}},
		{"after why in a question", "Why was it that all three panel members were Conservatives?",
			[]figureWant{{value: 3, unit: "panel members", figure: "three"}}},
		{"stated inside a question turn", "Do you agree that crime rose by 20% last year?",
			[]figureWant{{value: 20, unit: "percent", figure: "20%", period: "last year"}}},
		{"a share", "Around 1 in 4 Londoners live in poverty.", []figureWant{{value: 0.25, unit: "fraction", figure: "1 in 4"}}},
		{"a time frame ending on a date", "Knife crime fell by 5.9% in the 12 months to March 2020.",
			[]figureWant{{value: 5.9, unit: "percent", figure: "5.9%", period: "the 12 months to March 2020"}}},
		{"a comparison base is no period", "The Met has 30,000 officers, which is 1,000 fewer than in 2010.", []figureWant{
			{value: 30000, unit: "officers", figure: "30,000"}, {value: 1000, unit: "officers", figure: "1,000"},
		}},
		{"a leading capital is no identifier", "Around 300 officers were deployed on 14 June.",
			[]figureWant{{value: 300, unit: "officers", figure: "300", period: "14 June"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := numeric(Find(tt.in))
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q): %d numeric claims, want %d:\n%s", tt.in, len(got), len(tt.want), describe(got))
			}
			for i, w := range tt.want {
				c := got[i]
				if math.Abs(c.Value-w.value) > 1e-9 || c.Unit != w.unit || c.Figure != w.figure || c.Period != w.period || c.Currency != w.currency {
					t.Errorf("claim %d: got %v %q %q period=%q %s, want %v", i, c.Value, c.Unit, c.Figure, c.Period, c.Currency, w)
				}
				if fig := string([]rune(tt.in)[c.Begin:c.End]); fig != c.Figure {
					t.Errorf("claim %d: offsets [%d,%d) hold %q, Figure is %q", i, c.Begin, c.End, fig, c.Figure)
				}
				if c.Begin < c.Sentence.Begin || c.End > c.Sentence.End {
					t.Errorf("claim %d: figure [%d,%d) outside its sentence [%d,%d)", i, c.Begin, c.End, c.Sentence.Begin, c.Sentence.End)
				}
			}
		})
	}
}

func describe(cs []Claim) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "  %s %v %q %q period=%q\n", c.Kind, c.Value, c.Unit, c.Figure, c.Period)
	}
	return b.String()
}

func TestFindNotNumeric(t *testing.T) {
	for _, in := range []string{
		"Please see my answer to MQ 1769 / 2015.",
		"Following your answer to MQ 2016/0057 what support do you want?",
		"I asked you in September 2012, 2453/2012, about police numbers.",
		"The Section 67 appointments were made under S67 of the Act 1999 (as amended).",
		"We want the latest Euro 6 vehicle emission standard to work, and LSP5 to be improved.",
		"Phase 2 of the Campaign takes place in January and March.",
		"The campaign reaches 11-16 year olds across London.",
		"More radical measures are needed, like dropping the age of vehicles from 15 to 10.",
		"More than two years later, our system is still unfit for purpose.",
		"Would you be prepared to attend Mayor's Question Time every two weeks?",
		"The press release went out at 10.02am and again at 3 pm.",
		"Tens of thousands of people live in homes that may be unsafe.",
		"A number of boroughs maybe have one or two officers each.",
		"These three leading members of the Government oppose it.",
		"My first thought is that there are two categories here of things.",
		"Is it 23% up?",
		"Will you commit to 1,000 more officers?",
		"Are there 500 officers in Camden?",
		"If we had 500 more officers, crime would fall.",
		"The London 2012 Games brought us together on 22 June 2017.",
		"This is the second time; it is one of the only units.",
		"Housing (Supplementary) [3] was tabled.",
		"The 1st and 2nd readings came in the 21st session.",
		"The COVID-19 response in 2017-18 and 2019–2020 was reviewed.",
		"Crossrail 2 and the A406 are in Question 12.",
	} {
		if got := numeric(Find(in)); len(got) != 0 {
			t.Errorf("Find(%q) found numeric claims:\n%s", in, describe(got))
		}
	}
}

func TestFindCues(t *testing.T) {
	tests := []struct {
		in   string
		kind Kind
		cue  string // "" when no claim of that kind is expected
	}{
		{"I will make sure you get an invite.", Commitment, "I will"},
		{"Just to reassure you, Chair, we are currently identifying a modern slavery ambassador for every borough.", Commitment, "we are currently identifying"},
		{"In my Police and Crime Plan, I have made a commitment to bring partners together.", Commitment, "I have made a commitment"},
		{"I am committed to maintaining the current attendance targets.", Commitment, "I am committed"},
		{"We are going to be making some further appointments in due course.", Commitment, "We are going to"},
		{"I tell you what; I will put a challenge back to you.", Commitment, "I will"},
		{"I'll come back to you on that.", Commitment, "I'll"},
		{"I will say this about the figures.", Commitment, ""},
		{"We will be publishing the plan in the spring.", Commitment, "We will"},
		{"I will be honest with you.", Commitment, ""},
		{"We will be left with a whole new community.", Commitment, ""},
		{"We will see if we can get agreement.", Commitment, ""},
		{"Will you keep up the pressure on MOPAC?", Commitment, ""},
		{"This Government will continue to do that.", Commitment, ""},
		{"I agree with you.", Agreement, "I agree"},
		{"I could not agree more.", Agreement, "I could not agree more"},
		{"Len, I completely agree with you.", Agreement, "I completely agree"},
		{"Absolutely.", Agreement, "Absolutely"},
		{"Yes, for the record.", Agreement, "Yes"},
		{"That is right, and crime is coming down.", Agreement, "That is right"},
		{"But you are right, there is no point.", Agreement, "you are right"},
		{"Yes or no?", Agreement, ""},
		{"Certainly not.", Agreement, ""},
		{"I do not agree with that.", Agreement, ""},
		{"No, I really cannot.", Refusal, "No"},
		{"I really cannot accept what you just said about complacency.", Refusal, "I really cannot accept"},
		{"I do not believe it necessary for another inquiry.", Refusal, "I do not believe it necessary"},
		{"I do not agree with that.", Refusal, "I do not agree"},
		{"Certainly not.", Refusal, "Certainly not"},
		{"No one came.", Refusal, ""},
		{"No doubt they will.", Refusal, ""},
	}
	for _, tt := range tests {
		var got *Claim
		for _, c := range Find(tt.in) {
			if c.Kind == tt.kind {
				got = &c
				break
			}
		}
		switch {
		case tt.cue == "" && got != nil:
			t.Errorf("Find(%q) found a %s claim %q", tt.in, tt.kind, got.Figure)
		case tt.cue != "" && got == nil:
			t.Errorf("Find(%q) found no %s claim", tt.in, tt.kind)
		case got != nil && got.Figure != tt.cue:
			t.Errorf("Find(%q) %s cue %q, want %q", tt.in, tt.kind, got.Figure, tt.cue)
		case got != nil && string([]rune(tt.in)[got.Begin:got.End]) != got.Figure:
			t.Errorf("Find(%q) cue offsets [%d,%d) do not hold %q", tt.in, got.Begin, got.End, got.Figure)
		}
	}
}

func TestFindOffsetsInLongerText(t *testing.T) {
	text := "Sadiq Khan said:\u00a0 Thank you.  " + seedSentence + "  Unfortunately, it is complex."
	cs := numeric(Find(text))
	if len(cs) != 2 {
		t.Fatalf("got %d numeric claims, want 2:\n%s", len(cs), describe(cs))
	}
	runes := []rune(text)
	for _, c := range cs {
		if string(runes[c.Begin:c.End]) != c.Figure {
			t.Errorf("figure offsets [%d,%d) hold %q, want %q", c.Begin, c.End, string(runes[c.Begin:c.End]), c.Figure)
		}
		if c.Sentence.Text != seedSentence {
			t.Errorf("sentence %q, want the seed sentence", c.Sentence.Text)
		}
		if string(runes[c.Sentence.Begin:c.Sentence.End]) != seedSentence {
			t.Errorf("sentence offsets [%d,%d) do not hold the seed sentence", c.Sentence.Begin, c.Sentence.End)
		}
	}
}

func TestKindText(t *testing.T) {
	for _, k := range []Kind{Numeric, Commitment, Agreement, Refusal} {
		b, err := k.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back Kind
		if err := back.UnmarshalText(b); err != nil || back != k {
			t.Errorf("%s: round trip gave %v, %v", k, back, err)
		}
	}
	var k Kind
	if err := k.UnmarshalText([]byte("opinion")); err == nil {
		t.Error("UnmarshalText accepted an unknown kind")
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Numeric: "numeric", Commitment: "commitment", Agreement: "agreement", Refusal: "refusal", Kind(9): "Kind(9)"} {
		if k.String() != want {
			t.Errorf("Kind(%d).String() = %q, want %q", uint8(k), k.String(), want)
		}
	}
}
