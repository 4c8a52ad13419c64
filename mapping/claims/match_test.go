package claims

import (
	"os"
	"reflect"
	"regexp"
	"testing"

	"github.com/assemblykg/assemblykg/internal/corpus"
)

// patternSamples are sentences that hold what the cue and period patterns
// look for, in several spellings.
var patternSamples = []string{
	seedSentence,
	"As of August 2017, as at 31 March 2019, AS OF May 6, 2012 there were 59.",
	"In 2016, during 2013/14, since 1 April 2016, between 2010 and 2012, up to\u00a0March 2020, by the end of 2019, for the financial year to 2018.",
	"The 12 months to March 2020 and the year ending 31 March 2019 and the past 3 weeks up to June 2021.",
	"Since the Act came into force, since the scheme was set up, since then and since last summer.",
	"So far this year, last month, the past decade, next financial year, the coming academic term, this 2 weeks.",
	"It costs £1 annually, per annum, yearly, £5 a year, per week, each day, every night, an hour, daily.",
	"2013/14 - 16 new ranks",
	"In the calendar year 2015, during the Year of 2014, at the start of 2013, in The beginning of May 2012, up TO 2020, in THE END OF 2011.",
	"The Past 3 weeks, THE LAST year, the  current term, so  far this year, the\u00a0first quarter, the previous decade, the Coming winter, SO FAR THIS MONTH, the\tnext 2 years, the, the so far.",
	"In the theatre in 2016, in\u00a0the\u00a0year 2019, in thefinancial year 2016, during the  end of 2017, on the 5th, for the  Calendar year 2018, in\tthe\nyear 2010.",
	"To date, to\u00a0date we have 6.",
	"Yes, absolutely. Len, of course. Mr Mayor, quite right! Well, that is absolutely right. I do.",
	"No, I really cannot accept that. We can't agree. I do not believe it is necessary. I don't agree.",
	"I am not, frankly, convinced. Certainly not. We disagree, we reject it and I refuse.",
	"I will make sure. We'll see. We shall deliver. I’ll be publishing. We are currently identifying sites.",
	"I’m committed. We have made a firm commitment. We have pledged to act. I promise. We continue to fund.",
	"I\u00a0will act, we\tshall see, I  am working on it, We\u00a0have committed to it, we\npromise, I'm preparing, I 've made a pledge, WE WILL, i will, we have been, I2 will.",
	"I\u00a0could not agree more, we couldn’t agree more, I\tcannot accept, we  just can't support, I don’t think it is right, we\u00a0disagree, I  refuse, I'm not, frankly, convinced, we are not convinced, we\ndo not agree, i cannot accept, We reject.",
	"I agree. We very much agree. I could not agree more. IN 2016 WE WILL.",
	// letters that fold onto ASCII letters
	"ſince the Act came into force, we wiſh. Aſ of May 2017. The 2 wee\u212as to March 2020. \u0130n 2016.",
	"Thİs year, I wİll. \u212aeep it up ſo far thiſ year, per annum.",
	"_since 2016, 2since 2016, xin 2016, since_ the Act came into force, yes_ no",
}

// corpusSentences returns the sentences of the evaluation transcripts, or
// none when they are absent.
func corpusSentences(t *testing.T) []string {
	var out []string
	for _, f := range corpus.Transcripts() {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range Sentences(string(b)) {
			out = append(out, s.Text)
		}
	}
	if len(out) == 0 {
		t.Log("no evaluation transcripts: checking built-in sentences only")
	}
	return out
}

// checkPatterns checks that every wordPattern finds in text what a search
// of the whole text with its regular expression finds.
func checkPatterns(t *testing.T, text string) {
	t.Helper()
	st := newSentenceText(Sentence{Text: text})
	check := func(name string, p *wordPattern) {
		var got [][]int
		for m := range p.matches(st) {
			got = append(got, m)
		}
		want := p.re.FindAllStringSubmatchIndex(text, -1)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s on %q: got %v, want %v", name, text, got, want)
		}
	}
	for i, pp := range periodPatterns {
		check("period pattern "+string(rune('0'+i)), pp.re)
	}
	for i, c := range cues {
		check("cue "+string(rune('a'+i)), c.re)
	}
}

func TestWordPatternsMatchAsSearched(t *testing.T) {
	for _, s := range append(patternSamples, corpusSentences(t)...) {
		checkPatterns(t, s)
	}
}

func FuzzWordPatterns(f *testing.F) {
	for _, s := range patternSamples {
		f.Add(s)
	}
	f.Fuzz(checkPatterns)
}

var clauseBreakRegexp = regexp.MustCompile(`[,;:()–—]|\s-\s|\b(?:and|but|while|whilst|whereas|than)\b`)

func checkClauseBreaks(t *testing.T, s string) {
	t.Helper()
	n, than := clauseBreaks(s)
	wantN := len(clauseBreakRegexp.FindAllStringIndex(s, -1))
	wantThan := regexp.MustCompile(`\bthan\b`).MatchString(s)
	if n != wantN || than != wantThan {
		t.Errorf("clauseBreaks(%q) = %d, %v; want %d, %v", s, n, than, wantN, wantThan)
	}
}

func TestClauseBreaks(t *testing.T) {
	for _, s := range append([]string{
		"", "and", " than in ", "x - - y", " -\t- ", "a,b;c:d(e)f–g—h", "sand andthen and_ _and 2and and2",
		"1,000 fewer than in 2010", "rather\u00a0than", "whilst\n-\nwhereas", "\xe2\x80and \xffthan",
	}, patternSamples...) {
		checkClauseBreaks(t, s)
	}
}

func FuzzClauseBreaks(f *testing.F) {
	f.Add("1,000 fewer than in 2010 - and, while")
	f.Fuzz(checkClauseBreaks)
}

func TestASCIILower(t *testing.T) {
	for in, want := range map[string]string{
		"":                   "",
		"as of":              "as of",
		"As Of AUGUST 2017.": "as of august 2017.",
		"Émile’s £5 WİN ſ":   "Émile’s £5 wİn ſ",
		"\xffAB":             "\xffab",
	} {
		if got := asciiLower(in); got != want {
			t.Errorf("asciiLower(%q) = %q, want %q", in, got, want)
		}
	}
}
