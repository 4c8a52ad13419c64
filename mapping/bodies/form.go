package bodies

import "strings"

// Words that end an organisation's name ("Garden Bridge Trust", "Bray
// Party"), folded.
var headNouns = set(
	"board", "council", "commission", "committee", "partnership", "trust", "authority",
	"agency", "service", "services", "office", "department", "ministry", "foundation",
	"association", "institute", "institution", "company", "corporation", "ltd", "limited",
	"plc", "llp", "society", "federation", "union", "party", "inspectorate", "tribunal",
	"forum", "alliance", "coalition", "consortium", "panel", "taskforce", "directorate",
	"bureau", "secretariat", "university", "college", "commissioners", "executive",
	"brigade", "organisation", "organization", "unit", "network", "group", "force",
	"democrats", "democrat", "police", "command", "squad", "ocu", "bocu", "constabulary",
)

// partyWords are generic before most head nouns ("a Labour council") but
// name a party before "Party" ("the Conservative Party").
var partyWords = set("labour", "conservative", "tory", "liberal", "democrat", "green", "social")

// A newspaper's name is often a time of day or week and a word papers are
// called by.
var (
	paperDays  = set("Daily", "Evening", "Sunday", "Morning", "Weekly")
	paperHeads = set("Standard", "Mail", "Telegraph", "Express", "Mirror", "Times", "Star", "Post",
		"Record", "Herald", "News", "Observer", "Independent", "Echo", "Gazette", "Chronicle")
)

// thingHeads are head nouns that also name things: only a name with a word
// of its own ("the Riverside Tenants Network", "the Scooter Theft Unit")
// is a body, and never a network of roads or lines.
var thingHeads = set("network", "unit", "command")

// infrastructure words before "Network" make it roads, lines or pipes.
var infrastructure = set(
	"road", "roads", "rail", "railway", "bus", "tube", "cycle", "cycling", "transport", "sewer",
	"sewers", "heat", "heating", "energy", "fibre", "broadband", "walking", "street", "strategic",
	"overground", "underground", "tram", "night", "mobile", "water", "power", "grid", "route",
	"superhighway", "station", "train", "trains", "computer", "data", "cctv", "camera", "wifi",
	"care", "intensive", "storage", "residential", "dwelling", "motorway", "highway",
)

// maxNameTokens bounds how far back from its head noun a name found by its
// form may reach, so that a long run of capitalised words costs time in
// proportion to its length.
const maxNameTokens = 24

// partyHeads end the names of parties.
var partyHeads = set("party", "democrats", "democrat")

// indefinite words make a run of generic modifiers a description rather than
// a name ("the Local Planning Authority", "a Fire and Rescue Service").
var indefinite = set(
	"a", "an", "any", "each", "every", "no", "some", "our", "their", "its", "your", "his",
	"her", "my", "other", "local", "relevant", "appropriate", "respective", "same", "new",
	"whole", "full", "main", "joint", "sub", "regional", "county", "district", "parish",
	"individual", "several", "many", "all", "both", "these", "those", "such",
)

// Modifiers that make "the Fire Authority", "the Planning Committee" or
// "the NHS Trust" a generic reference: a name whose words before the head
// noun are all of these is not taken.
var genericModifiers = set(
	"fire", "police", "local", "planning", "health", "housing", "transport", "education",
	"audit", "scrutiny", "select", "standing", "executive", "management", "advisory",
	"steering", "working", "project", "programme", "parish", "county", "district", "city",
	"town", "borough", "regional", "national", "civil", "public", "private", "voluntary",
	"community", "social", "finance", "financial", "legal", "press", "new", "old", "joint",
	"sub", "main", "full", "relevant", "appropriate", "respective", "same", "whole",
	"highway", "highways", "traffic", "probation", "prison", "ambulance", "nhs", "hospital",
	"care", "school", "schools", "youth", "welfare", "safeguarding", "licensing",
	"government", "policy", "strategy", "research", "delivery", "development",
	"regeneration", "environment", "environmental", "economic", "economy", "business",
	"commercial", "corporate", "investment", "pension", "pensions", "mayoral", "assembly",
	"labour", "conservative", "tory", "liberal", "democrat", "green", "central", "area",
	"emergency", "security", "standards", "appeals", "appointments", "partnership",
	"partnerships", "political", "opposition", "senior", "leadership", "governing",
	"shadow", "coalition", "metropolitan", "water", "rail", "bus", "tube", "underground", "charity",
	"housing", "residents", "tenants", "resident", "tenant", "estate", "neighbourhood",
	"crime", "justice", "court", "courts", "tax", "revenue", "rescue", "integrated",
	"combined", "unitary", "metropolitan", "development", "management", "oversight",
	"accountability", "engagement", "consultative", "consultation", "independent",
	"review", "inquiry", "investigation", "operational", "mayor", "council", "police",
	"royal", "road", "roads", "cycle", "cycling", "strategic", "street", "streets",
	"liaison", "coordinating", "co-ordinating", "reference", "task", "work", "peer",
	"focus", "interest", "pressure", "target", "control", "age", "ethnic", "user",
	"users", "support", "contact", "discussion", "expert", "reading", "year", "family",
	"friends", "specialist", "response", "trading", "media",
)

// Words that never start or sit inside a name found by its form: job titles
// ("London Fire Commissioner" is a person's post) and words that are
// capitalised because they begin a sentence.
var titleWords = set(
	"mayor", "deputy", "minister", "ministers", "secretary", "commissioner", "chair",
	"chairman", "chairwoman", "chairperson", "leader", "director", "president", "chief",
	"officer", "officers", "member", "members", "mp", "mps", "am", "ams", "lord", "lady",
	"baroness", "baron", "sir", "dame", "mr", "mrs", "ms", "miss", "dr", "cllr",
	"councillor", "councillors", "prime", "chancellor", "governor", "inspector",
	"superintendent", "constable", "sergeant", "detective", "professor", "head", "manager",
	"spokesperson", "spokesman", "editor", "ambassador", "clerk", "treasurer", "coroner",
	"judge", "magistrate", "sheriff", "alderman", "commander", "assistant",
	"chairmanship", "membership", "leadership", "chairship", "convenor", "directors",
	"governors", "trustees",
)

var functionWords = set(
	"a", "an", "this", "that", "these", "those", "our", "my", "your", "their", "his", "her",
	"its", "every", "each", "any", "no", "some", "which", "what", "when", "where", "if",
	"as", "in", "at", "but", "so", "both", "all", "many", "most", "other", "another",
	"such", "yesterday", "today", "tomorrow", "however", "also", "then", "now", "last",
	"next", "since", "after", "before", "with", "without", "from", "to", "by", "under",
	"over", "through", "between", "will", "would", "can", "could", "should", "may",
	"might", "must", "has", "have", "had", "is", "was", "are", "were", "do", "does", "did",
	"yes", "not", "why", "how", "who", "whose", "whether", "while", "although", "though",
	"because", "unless", "until", "once", "only", "even", "just", "please", "thank",
	"given", "following", "regarding", "dear", "i", "we", "you", "they", "he", "she", "it",
	"there", "here", "meanwhile", "moreover", "furthermore", "indeed", "well", "ok",
	"okay", "sorry", "like", "about", "against", "during", "into", "onto", "upon", "via",
	"per", "every", "said", "says", "called", "named", "whereas", "either", "neither",
	"nor", "or", "than", "very", "more", "less", "further", "first", "second", "third",
	"former", "current", "previous", "existing", "proposed", "relevant", "recent", "whole",
	"entire", "own", "let", "see", "look", "ask", "asked", "tell", "told", "know",
)

// connectors may sit inside a name found by its form.
var connectors = set("and", "of", "for", "on", "the", "&", "-")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// formCandidates finds names of organisations by their shape. It returns,
// by first token, the end (exclusive) of the longest candidate starting
// there.
func (d *Detector) formCandidates(text string, toks []token, root *rootMatches) map[int]int {
	var out map[int]int
	add := func(start, end int) {
		if out == nil {
			out = map[int]int{}
		}
		if end > out[start] {
			out[start] = end
		}
	}
	// registryEnds marks tokens that end a registry name: a name found by
	// its form does not reach back across "City of Westminster and".
	var registryEnds map[int]bool
	endsName := func(j int) bool {
		if registryEnds == nil {
			registryEnds = map[int]bool{}
			for i := range toks {
				if toks[i].word {
					if m, ok := root.longest(i); ok && m.body != nil {
						registryEnds[m.end-1] = true
					}
				}
			}
		}
		return registryEnds[j]
	}
	for k := range toks {
		t := toks[k]
		if t.word && t.raw == "HM" && !t.bracket {
			if end := honorificName(toks, k); end > k+1 {
				add(k, end)
			}
			continue
		}
		if t.word && !t.bracket && paperDays[t.raw] && k+1 < len(toks) && toks[k+1].gap == gapSpace && paperHeads[toks[k+1].raw] {
			add(k, k+2) // "the Evening Standard", "the Sunday Times", "the Daily Mail"
			continue
		}
		if t.word && !t.bracket && t.gap == gapBreak && k > 0 {
			if start, ok := inlineDefinition(text, toks, k); ok {
				add(start, k)
			}
		}
		if actsAsBody(toks, k) {
			add(k, k+1) // "GLA officers", "MOPAC will launch", "created by TfL"
			continue
		}
		if !t.word || !t.upper || t.bracket || !headNouns[t.fold] {
			continue
		}
		// What follows the head noun: another capitalised word means the
		// name goes on ("Council Tax", "Board Meeting") or a longer head
		// ("Trust Ltd") that a later round takes.
		if k+1 < len(toks) && toks[k+1].gap == gapSpace && toks[k+1].word && toks[k+1].upper {
			continue
		}
		start, words, generics := k, 0, 0
		possessive := false // the name opens with "Mayor's"
		isGeneric := func(fold string) bool {
			return genericModifiers[fold] && !(partyHeads[t.fold] && partyWords[fold])
		}
		// "Prince's Trust", "Children's Society": a possessive right before
		// the head noun is the whole qualifier.
		if k >= 3 && t.gap == gapSpace && toks[k-1].fold == "s" && toks[k-1].gap == gapJoined &&
			toks[k-2].raw == "'" && toks[k-2].gap == gapJoined {
			x := toks[k-3]
			if !x.word || !x.upper || x.bracket || titleWords[x.fold] || functionWords[x.fold] {
				if x.fold != "mayor" {
					continue
				}
				start, possessive = k-3, true // "the Mayor's Office for ..."
			} else {
				start, words = k-3, 1
				if isGeneric(x.fold) {
					generics = 1
				}
			}
		} else {
			sawAnd := false
			for j := k - 1; j >= 0 && k-j <= maxNameTokens; j-- {
				right := toks[j+1]
				x := toks[j]
				if x.bracket {
					break
				}
				// "the Mayor's Cycling Taskforce": a name may open with the
				// Mayor's possessive.
				if x.fold == "s" && x.gap == gapJoined && right.gap == gapSpace && j >= 2 &&
					toks[j-1].raw == "'" && toks[j-1].gap == gapJoined && toks[j-2].raw == "Mayor" && words > 0 {
					start, possessive = j-2, true
					break
				}
				if right.gap == gapComma {
					if !sawAnd {
						break // "Slough, Reading Borough Council" is a list
					}
				} else if right.gap != gapSpace && !(right.gap == gapJoined && (right.raw == "-" || x.raw == "-" || right.raw == "&" || x.raw == "&")) {
					break
				}
				if x.fold == "and" {
					if partyHeads[t.fold] {
						break // "Camden, Islington and Liberal Democrat members": a party's name holds no list
					}
					sawAnd = true
				}
				if x.fold == "the" {
					// only inside "of the", "for the": "Department of the Environment"
					if x.raw != "the" || j == 0 || (toks[j-1].fold != "of" && toks[j-1].fold != "for" && toks[j-1].fold != "on") {
						break
					}
					start = j
					continue
				}
				if connectors[x.fold] {
					start = j
					continue
				}
				if !x.word || titleWords[x.fold] || functionWords[x.fold] || !(x.upper || isDigitWord(x.raw)) {
					break
				}
				if isDigitWord(x.raw) && j+1 != k {
					break // "Brent 3\nRoyal Parks OCU": a figure ends a table cell
				}
				// another head noun, or the end of a registry name, before a
				// connector closes an earlier name: "Surrey County Council and
				// Slough Borough Council", "City of Westminster and Hillingdon Council"
				if (headNouns[x.fold] || endsName(j)) && connectors[toks[j+1].fold] {
					break
				}
				start = j
				if !isDigitWord(x.raw) {
					words++
					if isGeneric(x.fold) {
						generics++
					}
				}
				if x.sentStart {
					break
				}
			}
			for start < k && connectors[toks[start].fold] {
				start++
			}
			// "Chairmanship of the Police and Crime Committee": a phrase "X of
			// <registry body>" names the body, not a new one.
			for c := start; c < k; c++ {
				if f := toks[c].fold; f != "of" && f != "for" && f != "on" {
					continue
				}
				r := c + 1
				if r < k && toks[r].fold == "the" {
					r++
				}
				if m, ok := root.longest(r); ok && m.end == k+1 && m.body != nil {
					start, words, generics, possessive = r, 1, 0, false
					break
				}
			}
		}
		end := k + 1
		// "Commission for Racial Equality", "Council of Europe": a short
		// name may go on with of/for/on and capitalised words, unless those
		// words are a registry body ("Committee of the London Assembly").
		if words <= 1 && end+1 < len(toks) && toks[end].gap == gapSpace &&
			(toks[end].raw == "of" || toks[end].raw == "for" || toks[end].raw == "on") {
			j := end + 1
			if toks[j].raw == "the" && toks[j].gap == gapSpace && j+1 < len(toks) {
				j++
			}
			if toks[j].gap == gapSpace && toks[j].word && toks[j].upper && !toks[j].bracket {
				if _, isBody := root.longest(j); !isBody {
					last := -1
					for ; j < len(toks); j++ {
						x := toks[j]
						if x.bracket || (x.gap != gapSpace && x.gap != gapComma) {
							break
						}
						if x.word && x.upper && !titleWords[x.fold] && !functionWords[x.fold] && !headNouns[x.fold] {
							last = j
							continue
						}
						if x.fold == "and" || x.fold == "of" || x.raw == "&" {
							continue
						}
						break
					}
					if last >= 0 {
						end = last + 1
						if words == 0 {
							words, generics = 1, 0 // "Council of Europe"
						}
					}
				}
			}
		}
		if words == 0 || generics == words && (thingHeads[t.fold] || !namedByModifiers(toks, start, k, generics, possessive)) {
			continue
		}
		if thingHeads[t.fold] && k > 0 && infrastructure[toks[k-1].fold] {
			continue // "the London Cycle Network", "the Strategic Road Network"
		}
		add(start, end)
		if partyHeads[t.fold] && end == k+1 {
			coordinatedParties(toks, start, end, d.places, add)
		}
	}
	creditedOrganisations(toks, d.places, add)
	return out
}

// namedByModifiers reports whether a head noun whose modifiers [start, k)
// are all generic words still names one body: two or more of them,
// capitalised, after "the" or opening the Mayor's possessive ("the
// Metropolitan Police Authority", "the Health and Environment Committee",
// "the Mayor's Housing Working Group"), but not after an indefinite word
// ("a Fire and Rescue Service", "the Local Planning Authority").
func namedByModifiers(toks []token, start, k, generics int, possessive bool) bool {
	if possessive {
		return true
	}
	if generics < 2 || indefinite[toks[start].fold] {
		return false
	}
	if start > 0 && toks[start].gap == gapSpace && indefinite[toks[start-1].fold] {
		return false
	}
	return true
}

// honorificName returns the end of a name that opens with "HM" ("HM
// Treasury", "HM Revenue & Customs", "HM Courts and Tribunals Service"):
// the run of capitalised words, "and" and "&" that follows it.
func honorificName(toks []token, k int) int {
	end := k + 1
	for j := k + 1; j < len(toks); j++ {
		x := toks[j]
		if x.bracket || (x.gap != gapSpace && !(x.gap == gapJoined && (x.raw == "&" || toks[j-1].raw == "&"))) {
			break
		}
		if x.raw == "HM" {
			break // "HM Treasury and HM Revenue & Customs" are two
		}
		if x.word && x.upper && !titleWords[x.fold] && !functionWords[x.fold] {
			end = j + 1
			continue
		}
		if x.fold == "and" || x.fold == "of" || x.fold == "for" {
			continue
		}
		break
	}
	return end
}

// Last words of a name defined with its acronym that make it a plan, a
// scheme, a place or a thing rather than an organisation ("Ultra Low
// Emission Zone (ULEZ)", "Community Infrastructure Levy (CIL)").
var notBodyHeads = set(
	"plan", "plans", "strategy", "strategies", "zone", "zones", "scheme", "schemes",
	"programme", "programmes", "program", "project", "projects", "initiative", "levy",
	"charge", "charges", "act", "bill", "order", "orders", "regulations", "report",
	"survey", "index", "rate", "rates", "standard", "standards", "system", "systems",
	"recognition", "notice", "notices", "assessment", "assessments", "framework", "policy",
	"agreement", "contract", "target", "targets", "test", "licence", "license", "permit",
	"area", "areas", "station", "stations", "route", "routes", "line", "lane", "lanes",
	"road", "street", "card", "fare", "fares", "tax", "allowance", "credit", "benefit",
	"premium", "payment", "loan", "model", "data", "statistics", "indicator", "measure",
	"level", "limit", "vehicle", "vehicles", "matter", "dioxide", "oxide", "oxides",
	"emissions", "device", "devices", "camera", "cameras", "technology", "code", "guidance",
	"product", "crossing", "bridge", "tunnel", "superhighway", "superhighways", "quietway",
	"disorder", "syndrome", "disease", "virus", "value", "score", "ratio", "method",
	"register", "database", "portal", "app", "platform", "service's", "centre's",
)

// acronymConnectors are the small words a name defined with its acronym
// may hold, whether or not the acronym spells them ("Transport for London
// (TfL)", "London Fire and Emergency Planning Authority (LFEPA)").
var acronymConnectors = set("and", "of", "for", "the", "on", "in", "to", "de", "du", "la", "des")

// inlineDefinition reads "Full Name (FN)" at the acronym token k: when the
// capitalised words before the bracket spell the acronym by their initials
// (small words may be skipped, an all-capitals word gives all its letters,
// a last head noun may go unspelt), it returns the first token of the
// name.
func inlineDefinition(text string, toks []token, k int) (int, bool) {
	a := toks[k]
	if a.b0 == 0 || text[a.b0-1] != '(' {
		return 0, false
	}
	closing := strings.IndexByte(text[a.b0:min(len(text), a.b0+16)], ')')
	if closing < 0 {
		return 0, false
	}
	acr := text[a.b0 : a.b0+closing]
	if !acronymShape(acr) {
		return 0, false
	}
	prev := toks[k-1]
	if prev.bracket || !prev.word || strings.TrimLeft(text[prev.b1:a.b0-1], " \t\u00a0") != "" || notBodyHeads[prev.fold] {
		return 0, false
	}
	var letters []byte
	for _, r := range strings.ToLower(acr) {
		if r >= 'a' && r <= 'z' {
			letters = append(letters, byte(r))
		} else if r > 0x7f {
			return 0, false
		}
	}
	if len(letters) < 2 {
		return 0, false
	}
	// align spells letters[:pos+1] with the words from j backwards and
	// returns the first word of the name, or -1.
	var align func(j, pos int) int
	align = func(j, pos int) int {
		if j < 0 || pos < 0 {
			return -1
		}
		x := toks[j]
		if x.bracket || (j+1 < k && toks[j+1].gap != gapSpace && toks[j+1].gap != gapComma &&
			!(toks[j+1].gap == gapJoined && (x.raw == "&" || x.raw == "'" || toks[j+1].raw == "&" || toks[j+1].raw == "'"))) {
			return -1
		}
		switch {
		case x.raw == "s" && j >= 2 && toks[j-1].raw == "'" && x.gap == gapJoined && toks[j-1].gap == gapJoined:
			return align(j-2, pos) // "Mayor's": the possessive spells nothing
		case x.raw == "&" || x.raw == "-":
			return align(j-1, pos)
		case !x.word:
			return -1
		case acronymConnectors[x.fold] && !x.upper:
			if x.fold[0] == letters[pos] {
				if pos == 0 {
					return -1 // a name does not open with a small word
				}
				if r := align(j-1, pos-1); r >= 0 {
					return r
				}
			}
			return align(j-1, pos)
		case !x.upper || functionWords[x.fold]:
			return -1
		}
		if n := len(x.raw); n >= 2 && n <= pos+1 && strings.ToUpper(x.raw) == x.raw && strings.ToLower(x.raw) == string(letters[pos-n+1:pos+1]) {
			if pos-n < 0 {
				return j
			}
			return align(j-1, pos-n)
		}
		if x.fold[0] != letters[pos] {
			return -1
		}
		if pos == 0 {
			return j
		}
		return align(j-1, pos-1)
	}
	start := align(k-1, len(letters)-1)
	if start < 0 && headNouns[prev.fold] {
		start = align(k-2, len(letters)-1)
	}
	if start < 0 || start == k-1 || titleWords[toks[start].fold] && toks[start].raw != "Mayor" {
		return 0, false
	}
	if k-start < 3 && !headNouns[prev.fold] && !abstractNoun(prev.fold) {
		return 0, false // "Danny Smith (DS)": two words and no head noun may be a person
	}
	return start, true
}

// abstractNoun reports a word whose ending makes it an activity or a
// quality, never a surname ("Territorial Policing", "Urban Regeneration").
func abstractNoun(w string) bool {
	for _, end := range []string{"ing", "ion", "ment", "ity", "ence", "ance", "ness", "ism", "ics", "ship"} {
		if len(w) > len(end)+2 && strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

func isDigitWord(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
