package claims

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// cue is a pattern of words that makes a sentence a claim of some kind.
type cue struct {
	kind Kind
	re   *wordPattern
	// group is the submatch that holds the cue words (0 for the whole).
	group int
	// need lists words (lower case) one of which a sentence must hold for
	// the pattern to be tried; nil for patterns anchored at the start.
	need []string
}

const (
	ws   = `[\s\x{00A0}]+`
	apos = `['’]`
	// an optional short vocative before a reply: "Len, ", "Mr Mayor, "
	vocative = `(?:(?:Mr|Mrs|Ms|Dr)?` + `\s*[A-Z][\w’'-]*(?:` + ws + `[A-Z][\w’'-]*)?,` + ws + `)?`
	// an optional opener before a reply: "But ", "And ", "Well, "
	opener = `(?:(?i:but|and|so|well|oh),?` + ws + `)?`
)

var cues = []cue{
	// Agreement
	{Agreement, atStart(`^`+vocative+`((?i:yes|yeah|yep|absolutely|completely|certainly|definitely|exactly|agreed|of`+ws+`course|quite`+ws+`right|quite`+ws+`so))\b(?:[^\p{L}]|$)`, "yes", "yeah", "yep", "absolutely", "completely", "certainly", "definitely", "exactly", "agreed", "of", "quite"), 1, nil},
	{Agreement, startsWith(`\b((?:I|we)`+ws+`(?:(?:would|do|very`+ws+`much|\w+ly)`+ws+`)?agree)\b`, "i", "we"), 1, []string{"agree"}},
	{Agreement, startsWith(`\b((?:I|we)`+ws+`(?:could`+ws+`not|couldn`+apos+`t|cannot)`+ws+`agree`+ws+`more)\b`, "i", "we").followedBy(nextWord(false, "could", "cannot")), 1, []string{"agree"}},
	{Agreement, atStart(`^`+opener+vocative+`((?i:that`+ws+`is|that`+apos+`s|you`+ws+`are|you`+apos+`re)`+ws+`(?:(?:absolutely|quite|entirely|completely|so)`+ws+`)?right)\b`, "right"), 1, nil},
	{Agreement, atStart(`^((?:I|We)`+ws+`do)\.$`, "do"), 1, nil},

	// Refusal
	{Refusal, atStart(`^`+vocative+`((?i:no))(?:[,.!;]|$)`, "no"), 1, nil},
	{Refusal, startsWith(`\b((?:I|we)`+ws+`(?:(?:really|simply|just|certainly)`+ws+`)?(?:cannot|can`+apos+`t|can`+ws+`not)`+ws+`(?:accept|agree|support|endorse|commit))\b`, "i", "we").followedBy(nextWord(false, "really", "simply", "just", "certainly", "can")), 1, []string{"not", "can't", "can’t"}},
	{Refusal, startsWith(`\b((?:I|we)`+ws+`(?:do`+ws+`not|don`+apos+`t)`+ws+`(?:\w+`+ws+`)?(?:believe|think)`+ws+`(?:it|this|that|there)`+ws+`(?:is`+ws+`|would`+ws+`be`+ws+`|was`+ws+`)?(?:necessary|appropriate|needed|justified|required|warranted|right|the`+ws+`right))\b`, "i", "we").followedBy(nextWord(false, "do")), 1, []string{"believe", "think"}},
	{Refusal, startsWith(`\b((?:I|we)`+ws+`(?:(?:do`+ws+`not|don`+apos+`t)`+ws+`agree|disagree|reject|refuse))\b`, "i", "we").followedBy(nextWord(false, "do", "disagree", "reject", "refuse")), 1, []string{"agree", "reject", "refuse"}},
	{Refusal, startsWith(`\b((?:I`+ws+`am|I`+apos+`m|we`+ws+`are)`+ws+`not(?:,?`+ws+`\w+,)?`+ws+`convinced)\b`, "i", "we").followedBy(nextWord(true, "am", "are")), 1, []string{"convinced"}},
	{Refusal, atStart(`^`+vocative+`((?i:certainly|absolutely|definitely)`+ws+`not)\b`, "not"), 1, nil},

	// Commitment
	{Commitment, startsWith(`\b((?:I|we|We)(?:`+ws+`will|`+ws+`shall|`+apos+`ll))\b(?:`+ws+`(?:not`+ws+`)?(?:\w+ly`+ws+`)?(\w+))?`, "i", "we").followedBy(nextWord(true, "will", "shall")), 1, []string{"will", "shall", "'ll", "’ll"}},
	{Commitment, startsWith(`\b((?:I|we|We)(?:`+ws+`am|`+ws+`are|`+apos+`m|`+apos+`re)`+ws+`(?:(?:now|still|already|\w+ly)`+ws+`)?(?:committed|determined|working|identifying|developing|investing|delivering|ensuring|going`+ws+`to|planning|preparing|reviewing|building|introducing|establishing|setting`+ws+`up|launching|increasing|pushing|lobbying|pressing|continuing|funding|recruiting))\b`, "i", "we").followedBy(nextWord(true, "am", "are")), 1, []string{" am", " are", "'m", "’m", "'re", "’re"}},
	{Commitment, startsWith(`\b((?:I|we|We)(?:`+ws+`have|`+apos+`ve)`+ws+`(?:made|given)`+ws+`(?:a|the|my|our|an)`+ws+`(?:\w+`+ws+`)?(?:commitment|pledge|promise|undertaking))\b`, "i", "we").followedBy(nextWord(true, "have")), 1, []string{"commitment", "pledge", "promise", "undertaking"}},
	{Commitment, startsWith(`\b((?:I|we|We)`+ws+`(?:have`+ws+`)?(?:committed|pledged|promised|vowed|undertaken)`+ws+`(?:to|that))\b`, "i", "we").followedBy(nextWord(false, "have", "committed", "pledged", "promised", "vowed", "undertaken")), 1, []string{"committed", "pledged", "promised", "vowed", "undertaken"}},
	{Commitment, startsWith(`\b((?:I|we|We)`+ws+`(?:promise|pledge|undertake|guarantee|continue`+ws+`to))\b`, "i", "we").followedBy(nextWord(false, "promise", "pledge", "undertake", "guarantee", "continue")), 1, []string{"promise", "pledge", "undertake", "guarantee", "continue"}},
}

// nextWord returns, for a pattern whose first word ("I", "we") goes on with
// white space and one of words (as printed), or with an apostrophe when
// apostrophe is set ("I'll", "we’re"), a check of what follows the word
// (wordPattern.follows).
func nextWord(apostrophe bool, words ...string) func(text string, b, i int) bool {
	return func(text string, _, i int) bool {
		if apostrophe && (strings.HasPrefix(text[i:], "'") || strings.HasPrefix(text[i:], "’")) {
			return true
		}
		j := skipSpace(text, i)
		if j == i {
			return false
		}
		for _, w := range words {
			if strings.HasPrefix(text[j:], w) {
				return true
			}
		}
		return false
	}
}

// Verbs after "I will" that announce talk rather than pledge action.
var talkVerbs = map[string]bool{
	"say": true, "tell": true, "see": true, "be": true, "quote": true, "read": true,
	"repeat": true, "leave": true, "stop": true, "finish": true, "answer": true, "ask": true,
	"admit": true, "confess": true, "let": true, "explain": true, "just": true, "have": true,
}

// cueClaims returns the commitments, agreements and refusals of a sentence.
func (t *runeText) cueClaims(st *sentenceText) []Claim {
	s := st.sentence
	if isQuestion(s.Text) {
		return nil
	}
	var out []Claim
	var seen [len(kindNames)]bool
	for _, c := range cues {
		if seen[c.kind] || !c.re.possible(st) || !hasNeed(st.lower, false, c.need) {
			continue
		}
		for m := range c.re.matches(st) {
			gb, ge := m[2*c.group], m[2*c.group+1]
			if gb < 0 {
				continue
			}
			if c.kind == Commitment && len(m) > 4 && m[4] >= 0 {
				verb := strings.ToLower(s.Text[m[4]:m[5]])
				// "we will be publishing" pledges; "I will be honest" does not
				if verb == "be" && !strings.HasSuffix(firstWord(s.Text[m[5]:]), "ing") {
					continue
				}
				if verb != "be" && talkVerbs[verb] {
					continue
				}
			}
			if c.kind == Commitment && inConditional(s.Text[:gb]) {
				continue
			}
			if c.kind == Agreement && (negatedBefore(s.Text[:gb]) || notAfter(s.Text[ge:])) {
				continue
			}
			b := s.Begin + utf8.RuneCountInString(s.Text[:gb])
			e := b + utf8.RuneCountInString(s.Text[gb:ge])
			out = append(out, Claim{
				Kind:     c.kind,
				Sentence: s,
				Figure:   s.Text[gb:ge],
				Begin:    b,
				End:      e,
				Period:   nearestPeriod(t, st.periods(), b, e),
			})
			seen[c.kind] = true
			break
		}
	}
	return out
}

// inConditional reports whether the text before a cue leaves it inside an
// if-clause or a reported clause ("If we will ...", "what I will ...").
func inConditional(before string) bool {
	words := strings.Fields(strings.ToLower(before))
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	switch last {
	case "if", "unless", "whether", "what", "as", "when", "before", "until", "where":
		return true
	}
	return false
}

// negatedBefore reports "not" right before an agreement cue.
func negatedBefore(before string) bool {
	before = strings.ToLower(strings.TrimSpace(before))
	return strings.HasSuffix(before, " not") || strings.HasSuffix(before, "n't") || strings.HasSuffix(before, "n’t")
}

// notAfter reports "not" right after a cue ("Certainly not").
func notAfter(after string) bool {
	f := strings.Fields(strings.ToLower(after))
	return len(f) > 0 && strings.Trim(f[0], ".,;:!") == "not"
}

// firstWord returns the first word of s, lower case, without punctuation.
func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(strings.TrimFunc(f[0], func(c rune) bool { return !unicode.IsLetter(c) }))
}
