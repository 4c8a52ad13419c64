package bodies

// Words that end an organisation's name ("Garden Bridge Trust", "Bray
// Party"), folded.
var headNouns = set(
	"board", "council", "commission", "committee", "partnership", "trust", "authority",
	"agency", "service", "services", "office", "department", "ministry", "foundation",
	"association", "institute", "institution", "company", "corporation", "ltd", "limited",
	"plc", "llp", "society", "federation", "union", "party", "inspectorate", "tribunal",
	"forum", "alliance", "coalition", "consortium", "panel", "taskforce", "directorate",
	"bureau", "secretariat", "university", "college", "commissioners", "executive",
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
	"shadow", "coalition", "london", "uk", "british", "english", "international", "global",
	"european", "metropolitan", "water", "rail", "bus", "tube", "underground", "charity",
	"housing", "residents", "tenants", "resident", "tenant", "estate", "neighbourhood",
	"crime", "justice", "court", "courts", "tax", "revenue", "rescue", "integrated",
	"combined", "unitary", "metropolitan", "development", "management", "oversight",
	"accountability", "engagement", "consultative", "consultation", "independent",
	"review", "inquiry", "investigation", "operational", "mayor", "council", "police",
	"royal",
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
func (d *Detector) formCandidates(toks []token) map[int]int {
	var out map[int]int
	// registryEnds marks tokens that end a registry name: a name found by
	// its form does not reach back across "City of Westminster and".
	var registryEnds map[int]bool
	endsName := func(j int) bool {
		if registryEnds == nil {
			registryEnds = map[int]bool{}
			for i := range toks {
				if toks[i].word {
					if m, ok := d.root.longest(toks, i); ok && m.body != nil {
						registryEnds[m.end-1] = true
					}
				}
			}
		}
		return registryEnds[j]
	}
	for k := range toks {
		t := toks[k]
		if !t.word || !t.upper || t.bracket || !headNouns[t.fold] {
			continue
		}
		// What follows the head noun: another capitalised word means the
		// name goes on ("Council Tax", "Board Meeting") or a longer head
		// ("Trust Ltd") that a later round takes.
		if k+1 < len(toks) && toks[k+1].gap == gapSpace && toks[k+1].word && toks[k+1].upper {
			continue
		}
		start, words, generic := k, 0, true
		// "Prince's Trust", "Children's Society": a possessive right before
		// the head noun is the whole qualifier.
		if k >= 3 && t.gap == gapSpace && toks[k-1].fold == "s" && toks[k-1].gap == gapJoined &&
			toks[k-2].raw == "'" && toks[k-2].gap == gapJoined {
			x := toks[k-3]
			if !x.word || !x.upper || x.bracket || titleWords[x.fold] || functionWords[x.fold] {
				continue
			}
			start, words, generic = k-3, 1, genericModifiers[x.fold]
		} else {
			sawAnd := false
			for j := k - 1; j >= 0; j-- {
				right := toks[j+1]
				x := toks[j]
				if x.bracket {
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
				// another head noun, or the end of a registry name, before a
				// connector closes an earlier name: "Surrey County Council and
				// Slough Borough Council", "City of Westminster and Hillingdon Council"
				if (headNouns[x.fold] || endsName(j)) && connectors[toks[j+1].fold] {
					break
				}
				start = j
				if !isDigitWord(x.raw) {
					words++
					if !genericModifiers[x.fold] {
						generic = false
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
				if m, ok := d.root.longest(toks, r); ok && m.end == k+1 && m.body != nil {
					start = r
					words = 1
					generic = false
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
				if _, isBody := d.root.longest(toks, j); !isBody {
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
							words, generic = 1, false // "Council of Europe"
						}
					}
				}
			}
		}
		if words == 0 || generic {
			continue
		}
		if out == nil {
			out = map[int]int{}
		}
		if end > out[start] {
			out[start] = end
		}
	}
	return out
}

func isDigitWord(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }
