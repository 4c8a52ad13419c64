package mapping

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping/bodies"
	ont "github.com/assemblykg/assemblykg/ontology"
)

// claimIRI names a claim of the question item by the code-point range of
// its figure or cue words in the transcript's text, so that a claim found
// or lost elsewhere does not rename it.
func claimIRI(item quad.IRI, c Claim) quad.IRI {
	return quad.IRI(string(item) + "/claim/" + strconv.Itoa(c.FigureBegin) + "-" + strconv.Itoa(c.FigureEnd))
}

// claim describes a statement made in turn ti of the question item: a
// figure asserted as fact is a schema:Claim, and one stated inside a
// question (the premise the asker puts as fact) is also marked as such;
// commitments, agreements and refusals are statements of our own classes. It is about the bodies its sentence names and related
// to the other bodies turnBodies (those its turn names). ti, text and
// speaker (nil for none) are the IRIs of the turn, the source text and the
// speaker.
func (e *emitter) claim(item quad.IRI, ti, text, speaker quad.Value, c Claim, turnBodies []*bodies.Body, sessionDate string) {
	ci := claimIRI(item, c)
	e.add(ci, ont.RDFType, ont.Statement)
	switch {
	case c.Kind == NumericClaim:
		e.add(ci, ont.RDFType, ont.SchemaClaim)
		e.add(ci, ont.RDFType, ont.NumericClaim)
		if isQuestion(c.Sentence) {
			e.add(ci, ont.RDFType, ont.FigureInQuestion)
		}
	default:
		e.add(ci, ont.RDFType, claimClass[c.Kind])
	}
	if speaker != nil {
		e.add(ci, ont.SchemaAuthor, speaker)
	}
	e.add(ci, ont.SchemaAppearance, ti)
	for _, b := range c.About {
		e.add(ci, ont.SchemaAbout, e.bodyValue(b))
	}
	for _, b := range turnBodies {
		if !containsBody(c.About, b) {
			e.add(ci, ont.DCTRelation, e.bodyValue(b))
		}
	}
	e.add(ci, ont.SchemaText, quad.String(c.Sentence))
	e.add(ci, ont.NIFReferenceContext, text)
	e.add(ci, ont.NIFBeginIndex, count(c.Begin))
	e.add(ci, ont.NIFEndIndex, count(c.End))
	if c.Period != "" {
		e.add(ci, ont.SchemaTemporalCoverage, quad.String(c.Period))
		if iso := NormalisePeriod(c.Period, sessionDate); iso != "" {
			e.add(ci, ont.Period, quad.String(iso))
		}
	}
	if c.Kind != NumericClaim {
		return
	}
	qi := quad.IRI(string(ci) + "/quantity")
	e.add(ci, ont.Quantity, qi)
	value := quad.TypedString{Value: quad.String(c.Value), Type: ont.XSDDecimal}
	switch {
	case c.UnitCode != "":
		e.add(qi, ont.RDFType, ont.SchemaMonetaryAmount)
		e.add(qi, ont.SchemaCurrency, quad.String(c.UnitCode))
	case c.Unit == "percent":
		e.add(qi, ont.RDFType, ont.SchemaQuantitativeValue)
		e.add(qi, ont.SchemaUnitCode, quad.String("P1"))
	default:
		e.add(qi, ont.RDFType, ont.SchemaQuantitativeValue)
		if c.Unit != "" && c.Unit != "fraction" {
			e.add(qi, ont.SchemaUnitText, quad.String(c.Unit))
		}
	}
	e.add(qi, ont.SchemaValue, value)
	switch qualifier(c) {
	case atMost:
		e.add(qi, ont.SchemaMaxValue, value)
	case atLeast:
		e.add(qi, ont.SchemaMinValue, value)
	case approximately:
		e.add(qi, ont.Approximate, quad.TypedString{Value: "true", Type: ont.XSDBoolean})
	}
}

func containsBody(bs []*bodies.Body, b *bodies.Body) bool {
	for _, x := range bs {
		if x == b || x.ID == b.ID {
			return true
		}
	}
	return false
}

// isQuestion tells whether a sentence asks rather than asserts.
func isQuestion(sentence string) bool {
	s := strings.TrimRight(sentence, " \u00a0\"'”’)")
	return strings.HasSuffix(s, "?")
}

type bound int

const (
	exactly bound = iota
	atMost
	atLeast
	approximately
)

// qualifiers are the words before a figure that make it a bound or an
// approximation ("up to £22 billion").
var qualifiers = []struct {
	words string
	b     bound
}{
	{"up to", atMost}, {"less than", atMost}, {"fewer than", atMost}, {"under", atMost},
	{"no more than", atMost}, {"at most", atMost}, {"below", atMost},
	{"over", atLeast}, {"more than", atLeast}, {"at least", atLeast}, {"above", atLeast},
	{"in excess of", atLeast}, {"upwards of", atLeast},
	{"about", approximately}, {"around", approximately}, {"approximately", approximately},
	{"nearly", approximately}, {"almost", approximately}, {"roughly", approximately},
	{"some", approximately}, {"circa", approximately}, {"an estimated", approximately},
}

// qualifier reads the words just before the claim's figure.
func qualifier(c Claim) bound {
	rs := []rune(c.Sentence)
	at := c.FigureBegin - c.Begin
	if at <= 0 || at > len(rs) {
		return exactly
	}
	before := strings.ToLower(strings.TrimRight(string(rs[max(0, at-24):at]), " \u00a0"))
	for _, q := range qualifiers {
		if rest, ok := strings.CutSuffix(before, q.words); ok && (rest == "" || strings.HasSuffix(rest, " ") || strings.HasSuffix(rest, "\u00a0")) {
			return q.b
		}
	}
	return exactly
}

var (
	months     = map[string]string{"january": "01", "february": "02", "march": "03", "april": "04", "may": "05", "june": "06", "july": "07", "august": "08", "september": "09", "october": "10", "november": "11", "december": "12"}
	periodYear = regexp.MustCompile(`^(in |during |as of |by |since |from )?((?:19|20)\d\d)$`)
	periodDate = regexp.MustCompile(`^(in |during |as of |by |since |from |on )?(?:(\d{1,2}) )?(january|february|march|april|may|june|july|august|september|october|november|december) ((?:19|20)\d\d)$`)
	periodFY   = regexp.MustCompile(`^(in |during |for )?((?:19|20)\d\d)[/-](\d\d|(?:19|20)\d\d)$`)
	periodRel  = regexp.MustCompile(`^(this|last|next) (financial )?year$`)
)

// NormalisePeriod returns the ISO 8601 date or interval a period as printed
// stands for, or "" when none can be derived: "2016" → "2016", "As of
// August 2017" → "2017-08", "since 1 April 2016" → "2016-04-01/..",
// "2013/14" (a financial year) → "2013-04-01/2014-03-31"; "this year" and
// "last year" count from sessionDate (YYYY-MM-DD).
func NormalisePeriod(printed, sessionDate string) string {
	p := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(printed, "\u00a0", " ")), " "))
	open := func(prefix, iso string) string {
		if strings.TrimSpace(prefix) == "since" || strings.TrimSpace(prefix) == "from" {
			return iso + "/.."
		}
		return iso
	}
	if m := periodYear.FindStringSubmatch(p); m != nil {
		return open(m[1], m[2])
	}
	if m := periodDate.FindStringSubmatch(p); m != nil {
		iso := m[4] + "-" + months[m[3]]
		if m[2] != "" {
			day := m[2]
			if len(day) == 1 {
				day = "0" + day
			}
			iso += "-" + day
		}
		return open(m[1], iso)
	}
	if m := periodFY.FindStringSubmatch(p); m != nil {
		y, _ := strconv.Atoi(m[2])
		next := m[3]
		if len(next) == 2 {
			next = m[2][:2] + next
		}
		if n, _ := strconv.Atoi(next); n != y+1 {
			return ""
		}
		return m[2] + "-04-01/" + next + "-03-31"
	}
	if m := periodRel.FindStringSubmatch(p); m != nil && len(sessionDate) >= 4 {
		y, err := strconv.Atoi(sessionDate[:4])
		if err != nil {
			return ""
		}
		y += map[string]int{"this": 0, "last": -1, "next": 1}[m[1]]
		if m[2] != "" {
			if len(sessionDate) < 7 {
				return ""
			}
			// The financial year the session falls in, or the one before
			// or after it.
			if sessionDate[5:7] < "04" {
				y--
			}
			return strconv.Itoa(y) + "-04-01/" + strconv.Itoa(y+1) + "-03-31"
		}
		return strconv.Itoa(y)
	}
	return ""
}
