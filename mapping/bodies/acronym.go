package bodies

import "unicode/utf8"

// An acronym no registry lists and no text defines is a body when the
// sentence treats it as an organisation: it has staff, members or a
// spokesperson ("Members of the RLA", "the RLA's officers", "a GLA
// spokesperson"), it acts as only an organisation acts
// ("the RLA has published", "RLA will launch"), it is the agent of a
// passive ("created by the RLA") or it owns a response, a budget or a
// consultation ("the RLA's response"). A scheme, a pollutant or a tax
// ("ULEZ", "NOx", "VED") is named by the same shape but is never spoken of
// that way. People's ranks and letters after names ("PCs", "MPs", "OBE")
// are not organisations whatever follows them, and an acronym that
// describes people ("BAME officers", "members of LGBT groups") is not their
// employer.

// staffNouns are the people and parts of an organisation, after its
// possessive ("the GLA's officers", "the RLA's board").
var staffNouns = set(
	"officers", "officials", "staff", "employees", "members", "colleagues", "board",
	"management", "executives", "spokesperson", "spokesman", "spokeswoman", "family",
	"workforce", "chief", "chiefs", "bosses", "chair", "chairman", "leadership",
)

// voiceNouns follow an organisation's bare acronym ("a GLA spokesperson",
// "the wider GLA family"). Staff in general do not: "BAME officers", "ICT
// staff" and "A&E staff" describe people, not whom they work for.
var voiceNouns = set("spokesperson", "spokesman", "spokeswoman", "family")

// ownedNouns are what an organisation owns, after its possessive ("the
// GLA's response", "the RLA's consultation").
var ownedNouns = set(
	"response", "responses", "consultation", "consultations", "budget", "budgets", "website",
	"accounts", "policy", "policies", "decision", "decisions", "guidance", "own", "remit",
	"annual", "submission", "evidence", "statement", "position", "view", "views",
)

// agentVerbs are what only an organisation or a person does: speak,
// publish, decide, employ. After an acronym, alone or after an auxiliary
// ("will", "has", "did"), they make it the doer.
var agentVerbs = set(
	"say", "says", "said", "tell", "tells", "told", "write", "writes", "wrote", "written",
	"publish", "publishes", "published", "launch", "launches", "launched", "announce",
	"announces", "announced", "agree", "agrees", "agreed", "confirm", "confirms", "confirmed",
	"decide", "decides", "decided", "commission", "commissions", "commissioned", "consult",
	"consults", "consulted", "respond", "responds", "responded", "employ", "employs",
	"employed", "appoint", "appoints", "appointed", "recruit", "recruits", "recruited",
	"recommend", "recommends", "recommended", "propose", "proposes", "proposed", "object",
	"objects", "objected", "refuse", "refuses", "refused", "reject", "rejects", "rejected",
	"approve", "approves", "approved", "warn", "warns", "warned", "insist", "insists",
	"insisted", "admit", "admits", "admitted", "acknowledge", "acknowledges", "acknowledged",
	"intend", "intends", "intended", "want", "wants", "wanted", "expect", "expects",
	"expected", "believe", "believes", "believed",
)

// auxiliaries may stand between an acronym and its verb ("TfL has
// published"); "is" and "was" may not, for they make the verb passive
// ("ULEZ was launched").
var auxiliaries = set(
	"will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have",
	"had", "did", "does", "do", "cannot",
)

// agentAdverbs may stand before the verb ("has already published").
var agentAdverbs = set(
	"also", "already", "now", "recently", "still", "then", "just", "not", "never", "today",
	"yesterday", "subsequently", "previously", "since", "formally", "publicly", "itself",
)

// byParticiples take the doer after "by" ("created by TfL").
var byParticiples = set(
	"created", "run", "operated", "managed", "owned", "published", "commissioned", "issued",
	"appointed", "employed", "organised", "organized", "led", "chaired", "established",
	"launched", "announced", "proposed", "approved", "agreed", "recommended", "conducted",
	"undertaken", "produced", "prepared", "written", "sponsored", "hosted", "awarded",
	"rejected", "refused", "set",
)

// staffOf are the people and parts of an organisation before "of" ("Members
// of LFEPA", "the chief executive of the RLA").
var staffOf = set(
	"members", "staff", "employees", "officers", "officials", "board", "executive",
	"chair", "chairman", "chairwoman", "leadership", "management",
)

// personAcronyms are ranks, offices and letters after names, printed as
// acronyms ("the PCC said", "the SIO told"): people, not organisations; and
// the places and labels of the transcripts themselves ("UK", "MQT").
var personAcronyms = set(
	"PC", "PCSO", "DC", "DS", "DI", "DCI", "DCS", "DSI", "QC", "KC",
	"CBE", "OBE", "MBE", "KBE", "DBE", "QPM", "QFSM", "MVO", "CEO", "CFO", "COO",
	"MP", "AM", "MEP", "PM", "DPM", "LFC", "PCC", "SIO", "SRO", "DPO", "GP", "HM", "OK", "UK",
	"USA", "US", "EU", "GB", "MQ", "MQT", "PQT",
)

// actsAsBody reports whether the acronym at token k is spoken of as an
// organisation (see staffNouns, agentVerbs, byParticiples, staffOf).
func actsAsBody(toks []token, k int) bool {
	a := toks[k]
	if !a.word || a.bracket || !acronymShape(a.raw) || utf8.RuneCountInString(a.raw) < 3 || personAcronyms[a.raw] {
		return false
	}
	for _, r := range a.raw {
		if r >= '0' && r <= '9' {
			return false // "LSP5", "PM10": plans and particles
		}
	}
	if n := len(a.raw); a.raw[n-1] == 's' && a.raw[n-2] >= 'A' && a.raw[n-2] <= 'Z' {
		return false // "PCs", "GPs", "SMEs", "CCGs": a plural is a kind, not one organisation
	}
	next := func(j int) (token, bool) {
		if j >= len(toks) || toks[j].bracket || toks[j].gap != gapSpace || !toks[j].word {
			return token{}, false
		}
		return toks[j], true
	}
	j := k + 1
	// "the GLA's response"
	if j+2 < len(toks) && toks[j].raw == "'" && toks[j].gap == gapJoined && toks[j+1].fold == "s" && toks[j+1].gap == gapJoined {
		if n, ok := next(j + 2); ok && (ownedNouns[n.fold] || staffNouns[n.fold]) {
			return true
		}
		return false
	}
	if n, ok := next(j); ok {
		if voiceNouns[n.fold] {
			return true // "the wider GLA family"
		}
		if auxiliaries[n.fold] {
			j++
		}
		for ; j < len(toks); j++ {
			n, ok := next(j)
			if !ok || !agentAdverbs[n.fold] {
				break
			}
		}
		if n, ok := next(j); ok && agentVerbs[n.fold] && !n.upper {
			return true // "MOPAC will also launch", "TfL has already published"
		}
	}
	// "created by TfL", "Members of LFEPA", "the chief executive of the RLA"
	p := k - 1
	if p >= 1 && toks[p].fold == "the" && toks[p].gap == gapSpace {
		p--
	}
	// ... and the acronym ends the phrase: "members of BAME communities"
	// are not its members.
	if n, ok := next(k + 1); ok && !functionWords[n.fold] && !auxiliaries[n.fold] && n.fold != "and" {
		return false
	}
	if p >= 1 && a.gap == gapSpace && toks[p].gap == gapSpace && toks[p].word {
		switch toks[p].fold {
		case "by":
			return byParticiples[toks[p-1].fold] && toks[p-1].word
		case "of":
			return staffOf[toks[p-1].fold] && toks[p-1].word
		}
	}
	return false
}
