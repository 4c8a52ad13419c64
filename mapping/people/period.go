package people

import "strings"

// Period is a span of time with ISO dates at day ("2016-05-05"), month
// ("2019-03") or year ("2000") precision. An empty From means the register
// does not know when it began; an empty Until that it has not ended or the
// register does not know. Both ends are inclusive: a term that ends on an
// election day and the next that starts on it both cover that day.
type Period struct {
	From  string `json:"from,omitempty"`
	Until string `json:"until,omitempty"`
}

// Dated reports whether the period has a beginning or an end.
func (p Period) Dated() bool { return p.From != "" || p.Until != "" }

// Covers reports whether date (YYYY-MM-DD) falls within the period, each end
// compared at its own precision (a period "until 2019-03" covers the whole of
// March 2019). An undated period covers no date.
func (p Period) Covers(date string) bool {
	if date == "" || !p.Dated() {
		return false
	}
	return (p.From == "" || prefix(date, len(p.From)) >= p.From) &&
		(p.Until == "" || prefix(date, len(p.Until)) <= p.Until)
}

func prefix(s string, n int) string {
	if n < len(s) {
		return s[:n]
	}
	return s
}

// isDate reports whether s is an ISO date at day, month or year precision.
func isDate(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i, c := range s {
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// parsePeriod reads "FROM/UNTIL" (either end may be empty).
func parsePeriod(s string) (Period, bool) {
	from, until, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return Period{}, false
	}
	p := Period{From: strings.TrimSpace(from), Until: strings.TrimSpace(until)}
	for _, d := range []string{p.From, p.Until} {
		if d != "" && !isDate(d) {
			return Period{}, false
		}
	}
	if p.From != "" && p.Until != "" && p.Until < prefix(p.From, len(p.Until)) {
		return Period{}, false
	}
	return p, true
}

// Seat is a term in the London Assembly: for a constituency, or London-wide
// (a member elected from the London-wide list).
type Seat struct {
	Constituency string `json:"constituency,omitempty"` // "Brent and Harrow", "London-wide", "" if not known
	Period
}

// LondonWide is the Constituency of a member elected from the London-wide list.
const LondonWide = "London-wide"

// Post is the name of the post the seat is, "Assembly Member for Brent and
// Harrow" or "London-wide Assembly Member".
func (s Seat) Post() string {
	switch s.Constituency {
	case "":
		return AssemblyMember
	case LondonWide:
		return "London-wide " + AssemblyMember
	}
	return AssemblyMember + " for " + s.Constituency
}

// Affiliation is membership of a party or an Assembly group, with its dates
// when the register knows them.
type Affiliation struct {
	Name string `json:"name"`
	Period
}

// on returns the name of the affiliation covering date; failing that, when
// the person has no dated affiliation at all, the first undated one (the
// register says they belong but not when). With no date, it is the name all
// of the affiliations share, if they share one.
func on(as []Affiliation, date string) string {
	if date == "" {
		return only(len(as), func(i int) string { return as[i].Name })
	}
	dated := false
	for _, a := range as {
		if a.Covers(date) {
			return a.Name
		}
		dated = dated || a.Dated()
	}
	if !dated {
		for _, a := range as {
			return a.Name
		}
	}
	return ""
}

// only returns the value every one of n values has, or "" when they differ
// or there are none.
func only(n int, value func(int) string) string {
	v := ""
	for i := range n {
		switch x := value(i); {
		case v == "":
			v = x
		case x != v:
			return ""
		}
	}
	return v
}
