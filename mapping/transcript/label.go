package transcript

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/assemblykg/assemblykg/mapping/people"
)

// Offices printed in place of a name, and the post each stands for.
var officeLabels = map[string]string{
	"the mayor":           "Mayor of London",
	"mayor":               "Mayor of London",
	"the mayor of london": "Mayor of London",
	"the chair":           "Chair",
	"chair":               "Chair",
	"the chairman":        "Chair",
	"the chairwoman":      "Chair",
	"the deputy chair":    "Deputy Chair",
	"the deputy chairman": "Deputy Chair",
	"the deputy mayor":    "Deputy Mayor",
}

// MayorOfLondon is the post "The Mayor" stands for.
const MayorOfLondon = "Mayor of London"

// knownRoles complete roles printed with dropped words ("Mayor of " is
// "Mayor of London"); posts of the people register are added to them.
var knownRoles = []string{
	"Mayor of London", "Chair", "Deputy Chair", "Deputy Chairman", "Chairman",
	"Commissioner of Police of the Metropolis", "Deputy Commissioner of Police of the Metropolis",
	"Deputy Mayor for Policing and Crime", "Deputy Mayor for Transport", "Deputy Mayor for Housing",
	"Deputy Mayor for Planning", "Deputy Mayor for Fire and Resilience", "Statutory Deputy Mayor",
	"London Fire Commissioner", "Commissioner of Transport for London", "Commissioner for Transport",
	"Chief Executive", "Executive Director",
}

// Words that start a line with a colon but never a speaker label.
var notLabelWords = map[string]bool{
	"question": true, "answer": true, "note": true, "subject": true, "please": true,
	"however": true, "yes": true, "no": true, "several": true, "supplementary": true,
	"re": true, "ps": true, "nb": true, "update": true, "example": true, "source": true,
	"sources": true, "total": true, "response": true, "summary": true, "background": true,
	"point": true, "of": true, "the": true, "a": true, "an": true, "this": true, "that": true,
	"these": true, "there": true, "it": true, "in": true, "for": true, "and": true, "but": true,
	"as": true, "on": true, "to": true, "we": true, "i": true, "my": true, "our": true, "if": true,
	"mqt": true, "date": true, "dear": true, "agenda": true, "item": true, "action": true,
	"officers": true, "last": true, "written": true,
}

// Name particles that may be lower case inside a name.
var particles = map[string]bool{"de": true, "van": true, "von": true, "der": true, "la": true,
	"le": true, "du": true, "da": true, "di": true, "bin": true, "al": true, "of": true}

var labelRole = regexp.MustCompile(`^(.*?)\s*\(([^()]*)\)$`)

type label struct {
	printed string
	speaker Speaker
}

// label reports whether the line starts with a speaker label "Name (Role):"
// and returns it with the byte length of label, colon and following space.
func (p *parser) label(text string) (label, int, bool) {
	lead := leadingSpace(text)
	colon := strings.IndexByte(text[lead:], ':')
	if colon <= 0 || colon > 160 {
		return label{}, 0, false
	}
	colon += lead
	printed := clean(text[lead:colon])
	rest := text[colon+1:]
	// A label is followed by space (or ends the line) and is not a time
	// ("10:30") or a URL ("https://").
	if r, _ := utf8.DecodeRuneInString(rest); rest != "" && !isSpace(r) {
		return label{}, 0, false
	}
	sp, ok := p.speakerLabel(printed)
	if !ok {
		return label{}, 0, false
	}
	return label{printed: printed, speaker: sp}, colon + 1 + leadingSpace(rest), true
}

// speakerLabel decides whether printed (a label without its colon) names a
// speaker, and resolves it.
func (p *parser) speakerLabel(printed string) (Speaker, bool) {
	if sp, ok := p.labels[printed]; ok {
		return sp, true
	}
	if printed == "" || strings.ContainsAny(printed, "?!;\"“”[]{}<>/=|") {
		return Speaker{}, false
	}
	name, hasRole := printed, false
	if m := labelRole.FindStringSubmatch(printed); m != nil {
		name, hasRole = m[1], true
	}
	if _, ok := officeLabels[strings.ToLower(clean(name))]; ok {
		return p.resolve(printed), true
	}
	if p.knownPost(name) != "" || (hasRole && isOfficeTitle(name) && p.personLike(labelRole.FindStringSubmatch(printed)[2])) {
		// "Deputy Mayor for Transport:", "Deputy Mayor for Transport
		// (Isabel Dedring):", "Chief Executive (Alex Example):"
		sp := p.resolve(printed)
		p.remember(printed, sp)
		return sp, true
	}
	parts := people.Strip(name)
	words := strings.Fields(parts.Name)
	if len(words) == 0 || len(words) > 5 || notLabelWords[strings.ToLower(words[0])] {
		return Speaker{}, false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if particles[w] {
			continue
		}
		if !unicode.IsUpper(r) || strings.IndexFunc(w, func(r rune) bool {
			return !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' && r != '.'
		}) >= 0 {
			return Speaker{}, false
		}
	}
	known := p.rd.People != nil && p.rd.People.Resolve(parts.Name) != nil
	if !known && !hasRole && len(parts.PostNominals) == 0 && len(parts.Titles) == 0 && len(words) < 2 {
		return Speaker{}, false
	}
	sp := p.resolve(printed)
	p.remember(printed, sp)
	return sp, true
}

func (p *parser) remember(printed string, sp Speaker) {
	if p.labels == nil {
		p.labels = make(map[string]Speaker)
	}
	p.labels[printed] = sp
}

// Words that open the title of an office rather than a person's name.
var officeWords = map[string]bool{
	"mayor": true, "deputy": true, "chair": true, "chairman": true, "chairwoman": true,
	"commissioner": true, "director": true, "chief": true, "minister": true, "secretary": true,
	"officer": true, "leader": true, "head": true, "executive": true, "assistant": true,
	"clerk": true, "president": true, "statutory": true, "acting": true, "interim": true,
}

// isOfficeTitle reports whether s names an office ("Deputy Mayor for
// Transport", "The Chair", "Chief Executive of TfL").
func isOfficeTitle(s string) bool {
	words := strings.Fields(strings.ToLower(clean(s)))
	if len(words) > 0 && words[0] == "the" {
		words = words[1:]
	}
	return len(words) > 0 && officeWords[words[0]]
}

// knownPost returns the post s names ("Deputy Mayor for Transport", "The
// Statutory Deputy Mayor"), as the register or the known roles spell it, or
// "".
func (p *parser) knownPost(s string) string {
	s = strings.Join(strings.Fields(clean(s)), " ")
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = s[4:]
	}
	if !isOfficeTitle(s) {
		return ""
	}
	for _, k := range p.roles() {
		if strings.EqualFold(k, s) {
			return k
		}
	}
	return ""
}

// personLike reports whether s, printed in brackets after an office, names
// a person: someone the register knows, or two to five capitalised words
// that are not an office.
func (p *parser) personLike(s string) bool {
	parts := people.Strip(clean(s))
	if parts.Name == "" || isOfficeTitle(parts.Name) {
		return false
	}
	if p.rd.People != nil && p.rd.People.Resolve(parts.Name) != nil {
		return true
	}
	words := strings.Fields(parts.Name)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && !particles[w] {
			return false
		}
	}
	return true
}

// resolve turns a printed speaker ("Jennette Arnold OBE AM (Chair)", "The
// Mayor", "Boris Johnson (Chair,TfL)") into a Speaker.
func (p *parser) resolve(printed string) Speaker {
	sp := Speaker{Printed: printed}
	name, role, hasRole := printed, "", false
	if m := labelRole.FindStringSubmatch(printed); m != nil {
		name, role, hasRole = m[1], clean(m[2]), true
	}
	name = clean(name)
	if hasRole && isOfficeTitle(name) && p.personLike(role) {
		// "The Mayor (Boris Johnson)", "Deputy Mayor for Transport (Isabel
		// Dedring)": the office, then the person holding it
		post := officeLabels[strings.ToLower(name)]
		if post == "" {
			post = p.knownPost(name)
		}
		if post == "" {
			post = strings.TrimPrefix(name, "The ")
		}
		sp = p.resolve(role)
		sp.Printed, sp.Role = printed, post
		return sp
	}
	if post := p.knownPost(name); post != "" && !hasRole {
		if _, ok := officeLabels[strings.ToLower(name)]; !ok {
			sp.Office, sp.Role = post, post
			if p.rd.People != nil {
				if who := p.holder(post); who != nil {
					sp.Name, sp.PersonID = who.Name, who.ID
				}
			}
			return sp
		}
	}
	if post, ok := officeLabels[strings.ToLower(name)]; ok {
		sp.Office = post
		sp.Role = post
		if post == MayorOfLondon && p.rd.People != nil {
			if who := p.holder(post); who != nil {
				sp.Name, sp.PersonID = who.Name, who.ID
			}
		}
		return sp
	}
	parts := people.Strip(name)
	sp.Name, sp.Titles, sp.PostNominals = parts.Name, parts.Titles, parts.PostNominals
	var who *people.Person
	if p.rd.People != nil {
		who = p.rd.People.Resolve(parts.Name)
	}
	if who != nil {
		sp.Name, sp.PersonID = who.Name, who.ID
	}
	if hasRole {
		sp.Role = p.completeRole(role, who)
	}
	return sp
}

// holder is who held post on the transcript's resolution date; with no date,
// the current holder.
func (p *parser) holder(post string) *people.Person {
	if d := p.t.ResolutionDate; d != "" {
		return p.rd.People.Holder(post, d)
	}
	hs := p.rd.People.Holders(post)
	if len(hs) == 0 {
		return nil
	}
	return hs[len(hs)-1]
}

// completeRole reads the role printed in brackets. "AM" alone is not a role;
// an empty role is the office the person held on the day; a role with
// dropped words ("Mayor of ") is completed from the roles we know.
func (p *parser) completeRole(role string, who *people.Person) string {
	role = strings.Join(strings.Fields(strings.ReplaceAll(role, ",", ", ")), " ")
	if role == "" || people.IsPostNominal(role) {
		if role == "" && who != nil {
			if o := p.officeOn(who); o != "" {
				return o
			}
		}
		return ""
	}
	lower := strings.ToLower(role)
	if who != nil {
		if o := p.officeOn(who); o != "" && strings.HasPrefix(strings.ToLower(o), lower) {
			return o
		}
	}
	for _, k := range p.roles() {
		if strings.EqualFold(k, role) {
			return k
		}
	}
	if strings.HasSuffix(lower, " of") || strings.HasSuffix(lower, " for") || strings.HasSuffix(lower, " the") {
		for _, k := range p.roles() {
			if strings.HasPrefix(strings.ToLower(k), lower+" ") {
				return k
			}
		}
	}
	return role
}

func (p *parser) officeOn(who *people.Person) string {
	if d := p.t.ResolutionDate; d != "" {
		return who.OfficeOn(d)
	}
	for _, o := range who.Offices {
		if o.From != "" && o.Until == "" {
			return o.Post
		}
	}
	return ""
}

func (p *parser) roles() []string {
	if p.rd.People == nil {
		return knownRoles
	}
	return append(append([]string(nil), knownRoles...), p.rd.People.Posts()...)
}

// speakers reads a header value naming one or more people or offices,
// separated by commas, semicolons, "and" or "&" outside brackets.
func (p *parser) speakers(v string) []Speaker {
	if unknown(v) {
		return nil
	}
	var out []Speaker
	for _, part := range splitOutside(v) {
		if part = clean(part); !unknown(part) {
			out = append(out, p.resolve(part))
		}
	}
	return out
}

func splitOutside(s string) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
		case ',', ';', '&':
			if depth == 0 {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		case ' ':
			if depth == 0 && strings.HasPrefix(s[i:], " and ") {
				parts = append(parts, s[start:i])
				start = i + 5
				i += 4
			}
		}
	}
	return append(parts, s[start:])
}
