package bodies

// Lists of people often give each one's post and organisation after the
// name: "Jo Bloggs, Chief Executive, Riverside Homes". The words after the
// post are the organisation, up to a lower-case word, "and" before one, a
// comma, or the next person's name, followed by their own post ("...,
// Director, Riverside Homes Sam Smith, Chair, ..."). A representative's
// post ("Assembly Member, Ealing & Hillingdon") is followed by a seat, not
// an organisation, and so is a leader's when it is only the place a council
// is named after ("Leader, Lambeth").

// representatives hold seats named after places.
var representatives = set("member", "mp", "am", "mep", "councillor", "mayor")

// postAt reports whether a post's title ends at token e-1 and opens after
// a comma that follows a capitalised word ("Frank Wingate, Chief
// Executive"); it returns the title's first token.
func postAt(toks []token, e int) (int, bool) {
	last := toks[e-1]
	if !last.word || !last.upper || last.bracket || !(titleWords[last.fold] || last.fold == "executive") {
		return 0, false
	}
	for s := e - 1; s >= 1 && e-s <= 3; s-- {
		x := toks[s]
		if !x.word || !x.upper || x.bracket {
			return 0, false
		}
		if x.gap == gapComma {
			p := toks[s-1] // the person's last name, not "Yes, Chair, ..."
			return s, p.word && p.upper && !p.bracket && !p.sentStart && !functionWords[p.fold]
		}
		if x.gap != gapSpace {
			return 0, false
		}
	}
	return 0, false
}

// creditedOrganisations adds the organisations named after people's posts.
func creditedOrganisations(toks []token, places map[string]bool, add func(int, int)) {
	for e := 2; e < len(toks); e++ {
		// toks[e] opens the organisation: a comma after the post
		if toks[e].gap != gapComma || !toks[e].word || !toks[e].upper || toks[e].bracket {
			continue
		}
		if _, ok := postAt(toks, e); !ok || representatives[toks[e-1].fold] {
			continue
		}
		end, words, generics, placeWords := e, 0, 0, 0
		for j := e; j < len(toks) && j-e < maxNameTokens; j++ {
			x := toks[j]
			if x.bracket || (j > e && x.gap != gapSpace && !(x.gap == gapJoined && (x.raw == "&" || toks[j-1].raw == "&"))) {
				break
			}
			if x.fold == "and" || x.raw == "&" || x.fold == "of" || x.fold == "for" {
				if j+1 < len(toks) && toks[j+1].word && toks[j+1].upper {
					continue
				}
				break
			}
			if x.raw == "The" && j == e {
				continue
			}
			if !x.word || !x.upper || titleWords[x.fold] || functionWords[x.fold] {
				break
			}
			end = j + 1
			words++
			if genericModifiers[x.fold] {
				generics++
			}
			if places[x.fold] {
				placeWords++
			}
		}
		// "... West London Business Zac Goldsmith, Director, ...": the last
		// two words are the next person.
		if end < len(toks) && toks[end].gap == gapComma {
			if _, next := postAt(toks, firstPostEnd(toks, end)); next {
				end -= 2
				words -= 2
				for end > e && connectors[toks[end-1].fold] {
					end-- // "Lambeth and John Biggs, Mayor, ..."
				}
			}
		}
		if words < 1 || end <= e || generics == words || placeWords == words {
			continue
		}
		add(e, end)
	}
}

// firstPostEnd returns the end of the run of up to three capitalised words
// at token i.
func firstPostEnd(toks []token, i int) int {
	j := i
	for j < len(toks) && j-i < 3 && toks[j].word && toks[j].upper && (j == i || toks[j].gap == gapSpace) {
		j++
		if titleWords[toks[j-1].fold] || toks[j-1].fold == "executive" {
			return j
		}
	}
	return j
}
