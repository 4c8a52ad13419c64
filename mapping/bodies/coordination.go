package bodies

// Parties are often named by their adjective alone, in a list with one
// party whose name has its head noun: "Labour, Liberal Democrat and Green
// Assembly Members" names three parties, "Liberal Democrat" by its form and
// the others by standing beside it before the people they have elected or
// put up.

// partyPeople are the people a list of party adjectives describes.
var partyPeople = set(
	"members", "mps", "ams", "meps", "councillors", "candidates", "voters", "supporters",
	"activists", "peers", "leaders", "colleagues", "politicians", "groups", "governments",
	"administrations", "councils", "benches",
)

// maxListed bounds the parties taken on each side of the one named by its
// form.
const maxListed = 8

// coordinatedParties adds, as parties, the single capitalised words listed
// with the party name [start, end) found by its form ("Labour, Liberal
// Democrat and Green Assembly Members"), when the list ends in partyPeople
// within two words and none of the words is a place a council is named
// after.
func coordinatedParties(toks []token, start, end int, places map[string]bool, add func(int, int)) {
	conjunct := func(j int) bool {
		x := toks[j]
		return x.word && x.upper && !x.bracket && !titleWords[x.fold] && !functionWords[x.fold] &&
			!connectors[x.fold] && !isDigitWord(x.raw)
	}
	var words []int
	// leftwards: "Labour, Liberal Democrat", "Labour and Liberal Democrat"
	for j := start - 1; j >= 1 && len(words) < maxListed; {
		sep := toks[j+1].gap
		if sep == gapComma && conjunct(j) {
			words = append(words, j)
			j--
		} else if sep == gapSpace && toks[j].fold == "and" && toks[j].gap == gapSpace && conjunct(j-1) {
			words = append(words, j-1)
			j -= 2
		} else {
			break
		}
		if j >= 0 && toks[j+1].gap == gapSpace && toks[j].word && toks[j].upper && !functionWords[toks[j].fold] {
			return // "Hackney Labour, Liberal Democrat": the word is part of a longer name
		}
	}
	// rightwards: "Liberal Democrat and Green", ", Green"
	last := end - 1
	for j := end; j+1 < len(toks) && len(words) < 2*maxListed; {
		if toks[j].gap == gapComma && conjunct(j) {
			words, last = append(words, j), j
			j++
		} else if toks[j].gap == gapSpace && toks[j].fold == "and" && toks[j+1].gap == gapSpace && conjunct(j+1) {
			words, last = append(words, j+1), j+1
			j += 2
		} else {
			break
		}
	}
	if len(words) == 0 {
		return
	}
	for _, j := range words {
		if places[toks[j].fold] {
			return // "Camden, Islington and Liberal Democrat members"
		}
	}
	// the list describes people: "... Green Assembly Members", "... MPs"
	described := false
	for j := last + 1; j < len(toks) && j <= last+3; j++ {
		if toks[j].gap != gapSpace || !toks[j].word || toks[j].bracket {
			break
		}
		if partyPeople[toks[j].fold] {
			described = true
			break
		}
	}
	if !described {
		return
	}
	for _, j := range words {
		add(j, j+1)
	}
}
