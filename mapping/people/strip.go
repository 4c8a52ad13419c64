package people

import "strings"

// Titles and post-nominals printed around names in transcripts. They are
// kept for display and dropped for the resolved name.
var (
	titles = set("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady",
		"Baroness", "Baron", "Cllr", "Councillor", "Professor", "Prof", "Rt", "Hon", "Rev", "Revd")
	postNominals = set("OBE", "CBE", "MBE", "KBE", "DBE", "QPM", "MVO", "CVO", "LVO", "QFSM",
		"AM", "MP", "MEP", "KC", "QC", "FRS", "JP", "DL", "PC", "KPM")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// IsPostNominal reports whether w is a post-nominal such as "OBE" or "AM".
func IsPostNominal(w string) bool { return postNominals[strings.Trim(w, ".,[]")] }

// IsTitle reports whether w is a title such as "Dr" or "Sir".
func IsTitle(w string) bool { return titles[strings.TrimSuffix(w, ".")] }

// Name is a printed name taken apart.
type Name struct {
	Titles       []string `json:"titles,omitempty"`       // "Sir"
	Name         string   `json:"name"`                   // "Bernard Hogan-Howe"
	PostNominals []string `json:"postNominals,omitempty"` // "QPM"
}

// Strip separates titles and post-nominals from a printed name:
// "Sir Bernard Hogan-Howe QPM" gives Sir / Bernard Hogan-Howe / QPM, and
// "Dany Cotton [QFSM]" gives Dany Cotton / QFSM.
func Strip(printed string) Name {
	words := strings.FieldsFunc(printed, func(r rune) bool {
		return r == ' ' || r == '\u00a0' || r == '\t' || r == '\n' || r == '\r' || r == ','
	})
	var n Name
	for len(words) > 1 && IsTitle(words[0]) {
		n.Titles = append(n.Titles, strings.TrimSuffix(words[0], "."))
		words = words[1:]
	}
	end := len(words)
	for end > 1 && IsPostNominal(words[end-1]) {
		end--
	}
	for _, w := range words[end:] {
		n.PostNominals = append(n.PostNominals, strings.Trim(w, ".,[]"))
	}
	n.Name = strings.Join(words[:end], " ")
	return n
}
