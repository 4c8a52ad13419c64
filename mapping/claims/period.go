package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a code-point range of a sentence's text with the words it holds.
type span struct {
	b, e int
	text string
}

const (
	sp     = `[\s\x{00A0}]+`
	month  = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`
	year   = `(?:1[89]|20|21)\d\d`
	ordSfx = `(?:st|nd|rd|th)?`
	// a date or a year: "6 May 2012", "August 2017", "May 6, 2012",
	// "2016", "2013/14"
	date = `(?:\d{1,2}` + ordSfx + sp + month + `(?:,?` + sp + year + `)?` +
		`|` + month + sp + `\d{1,2}` + ordSfx + `,?` + sp + year +
		`|` + month + sp + year +
		`|` + year + `(?:[/–-]\d{2,4})?)\b`
)

// periodPattern is a pattern for time expressions, tried only on sentences
// that hold one of its words (lower case) or, for need "0", a digit, and
// for a pattern with a date, a month or a year.
type periodPattern struct {
	need []string
	date bool
	re   *wordPattern
}

var periodPatterns = []periodPattern{
	// "As of August 2017", "as at 31 March"
	{[]string{"as"}, true, startsWith(`\b(?i:as)`+sp+`(?i:of|at)`+sp+date, "as")},
	// "in 2016", "since 1 April 2016", "between 2010 and 2012"
	{[]string{"0"}, true, startsWith(`\b(?i:in|during|throughout|for|since|by|until|till|from|between|at|on|before|after|up`+sp+`to)`+sp+
		`(?:(?i:the)`+sp+`(?:(?i:financial|calendar)`+sp+`)?(?i:year)`+sp+`(?:(?i:of|to)`+sp+`)?|(?i:the)`+sp+`(?i:end|start|beginning)`+sp+`(?i:of)`+sp+`)?`+
		date+`(?:`+sp+`(?i:and|to|–|-)`+sp+`(?:(?i:in)`+sp+`)?`+date+`)?`,
		"in", "during", "throughout", "for", "since", "by", "until", "till", "from", "between", "at", "on", "before", "after", "up").
		followedBy(mayOpenDate)},
	// "the 12 months to March 2020", "the year ending 31 March 2019"
	{[]string{"0"}, true, startsWith(`\b(?i:the)`+sp+`(?:(?i:last|past|previous|first)`+sp+`)?(?:(?:\d+|[a-z]+)`+sp+`)?(?i:months?|years?|weeks?|days?|quarters?)`+sp+
		`(?i:to|ending|up`+sp+`to)`+sp+date, "the")},
	// "since the Act came into force"
	{[]string{"since"}, false, startsWith(`\b(?i:since)`+sp+`(?i:the)`+sp+`[^,.;:?!]{1,60}?`+sp+
		`(?i:came`+sp+`into`+sp+`(?:force|effect|being)|was`+sp+`(?:introduced|launched|established|set`+sp+`up|created|opened|passed|elected)|were`+sp+`introduced|began|started|opened|took`+sp+`effect)`, "since")},
	// "since then", "since last year"
	{[]string{"since"}, false, startsWith(`\b(?i:since)`+sp+`(?i:then|last`+sp+`(?:year|month|week|summer|winter|spring|autumn))\b`, "since")},
	// "this year", "last month", "the past decade", "so far this year"
	{[]string{"this", "last", "next", "past", "previous", "current", "coming", "first"}, false, startsWith(`\b(?i:(?:so`+sp+`far`+sp+`)?this|last|next|the`+sp+`(?:past|last|next|previous|current|coming|first))(?:`+sp+`(?:\d+|[a-z]+))?(?:`+sp+`(?i:financial|calendar|academic|municipal))?`+sp+
		`(?i:years?|months?|weeks?|days?|quarters?|decades?|terms?|summer|winter|spring|autumn)\b`, "so", "this", "last", "next", "the").
		followedBy(mayOpenRecent)},
	// rates: "annually", "a year", "per week"
	{[]string{"annu", "year", "month", "week", "day", "night", "hour"}, false, startsWith(`\b(?i:annually|per`+sp+`annum|yearly|monthly|weekly|daily|nightly|(?:a|per|each|every)`+sp+`(?:year|month|week|day|night|hour))\b`,
		"annually", "per", "yearly", "monthly", "weekly", "daily", "nightly", "a", "each", "every")},
	// a financial year opening a list item: "2013/14 - 16 new ranks"
	{[]string{"0"}, false, atStart(`^` + year + `[/–-]\d{2,4}\b`)},
	// "to date"
	{[]string{"to date", "to\u00a0date"}, false, startsWith(`\b(?i:to`+sp+`date)\b`, "to")},
}

// mayOpenDate reports whether the text from byte i, after a preposition,
// may go on as the pattern of prepositions before a date needs: white space,
// then a digit or a month, "to" (after "up"), or "the" and a word that may
// open "financial year", "calendar year", "year", "end", "start" or
// "beginning".
func mayOpenDate(text string, _, i int) bool {
	j := skipSpace(text, i)
	if j == i || j == len(text) {
		return false
	}
	switch c := text[j]; {
	case isDigit(c) || strings.IndexByte("JFMASOND", c) >= 0:
		return true
	case c != 't' && c != 'T':
		return false
	}
	k := j
	for k < len(text) && isASCIILetter(text[k]) {
		k++
	}
	switch w := text[j:k]; {
	case strings.EqualFold(w, "to"):
		return true
	case !strings.EqualFold(w, "the"):
		return false
	}
	l := skipSpace(text, k)
	return l > k && l < len(text) && strings.IndexByte("fFcCyYeEsSbB", text[l]) >= 0
}

// mayOpenRecent reports whether the text from byte i, after the word
// text[b:i], may go on as the pattern of recent periods needs: "so" before
// "far", "the" before "past", "last", "next", "previous", "current",
// "coming" or "first", any word after "this", "last" and "next".
func mayOpenRecent(text string, b, i int) bool {
	var next string
	switch w := text[b:i]; {
	case strings.EqualFold(w, "so"):
		next = "fF"
	case strings.EqualFold(w, "the"):
		next = "pPlLnNcCfF"
	default:
		return true
	}
	j := skipSpace(text, i)
	return j > i && j < len(text) && strings.IndexByte(next, text[j]) >= 0
}

// Prepositions dropped from the front of a period ("in 2016" is "2016").
var periodDrop = []string{"in ", "during ", "throughout ", "at ", "on ", "for "}

// findPeriods returns the time expressions of a sentence, in code points
// of the whole text.
func findPeriods(st *sentenceText) []span {
	s := st.sentence
	var out []span
	digit := strings.ContainsAny(s.Text, "0123456789")
	dated := holdsDate(s.Text)
	for _, pp := range periodPatterns {
		if (pp.date && !dated) || !pp.re.possible(st) || !hasNeed(st.lower, digit, pp.need) {
			continue
		}
		for m := range pp.re.matches(st) {
			b := s.Begin + utf8.RuneCountInString(s.Text[:m[0]])
			e := b + utf8.RuneCountInString(s.Text[m[0]:m[1]])
			text := normaliseSpace(s.Text[m[0]:m[1]])
			low := strings.ToLower(text)
			for _, p := range periodDrop {
				if strings.HasPrefix(low, p) {
					text = text[len(p):]
					break
				}
			}
			out = append(out, span{b: b, e: e, text: text})
		}
	}
	return out
}

// holdsDate reports whether s may hold a date as the period patterns read
// one: the name of a month, capitalised, or a year from 1800 to 2199.
func holdsDate(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		switch c := s[i]; {
		case c == '1' || c == '2':
			if i+3 < len(s) && (s[i:i+2] == "18" || s[i:i+2] == "19" || s[i:i+2] == "20" || s[i:i+2] == "21") && isDigit(s[i+2]) && isDigit(s[i+3]) {
				return true
			}
		case 'A' <= c && c <= 'Z':
			switch s[i : i+3] {
			case "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec":
				return true
			}
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// nearestPeriod returns the period of the sentence nearest the figure at
// code points [b, e) of t: the fewest clause breaks between them first,
// then the fewest code points. Periods overlapping the figure do not count,
// nor do periods after it in a further clause or after "than".
func nearestPeriod(t *runeText, ps []span, b, e int) string {
	best, bestBreaks, bestDist := "", 0, -1
	for _, p := range ps {
		var gb, ge int
		switch {
		case p.e <= b:
			gb, ge = p.e, b
		case p.b >= e:
			gb, ge = e, p.b
		default:
			continue
		}
		gap := t.slice(gb, ge)
		breaks, than := clauseBreaks(gap)
		if p.b >= e && (breaks > 1 || than) {
			// a later period in another clause, or the base of a
			// comparison ("1,000 fewer than in 2010"), is not the figure's
			continue
		}
		d := ge - gb
		if bestDist < 0 || breaks < bestBreaks || (breaks == bestBreaks && d < bestDist) {
			best, bestBreaks, bestDist = p.text, breaks, d
		}
	}
	return best
}

// clauseBreaks counts the marks and conjunctions that separate clauses in
// s, as the regular expression
//
//	[,;:()–—]|\s-\s|\b(?:and|but|while|whilst|whereas|than)\b
//
// finds them one after another, and reports whether "than" is one of them.
func clauseBreaks(s string) (n int, than bool) {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ',' || c == ';' || c == ':' || c == '(' || c == ')':
			n++
			i++
		case strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—"):
			n++
			i += len("–")
		case isSpaceByte(c) && i+2 < len(s) && s[i+1] == '-' && isSpaceByte(s[i+2]):
			n++
			i += 3
		case isWordByte(c):
			j := i + 1
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			switch s[i:j] {
			case "than":
				than = true
				n++
			case "and", "but", "while", "whilst", "whereas":
				n++
			}
			i = j
		default:
			i++
		}
	}
	return n, than
}

// isSpaceByte reports the white space of regexp's \s.
func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func normaliseSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// hasNeed reports whether a lower-cased sentence holds one of need; "0"
// stands for any digit.
func hasNeed(lower string, digit bool, need []string) bool {
	for _, n := range need {
		if n == "0" {
			if digit {
				return true
			}
			continue
		}
		if strings.Contains(lower, n) {
			return true
		}
	}
	return len(need) == 0
}
