package bodies

import (
	"errors"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/assemblykg/assemblykg/internal/csvrow"
	"github.com/assemblykg/assemblykg/mapping/slug"
	"github.com/assemblykg/assemblykg/seeds"
)

// Act is a piece of legislation: an entry of the legislation list, or an Act
// a transcript names that the list lacks.
type Act struct {
	// Name is the Act's short title without its year ("Modern Slavery
	// Act"); Year is the year of its title, 0 when the text gives none.
	Name string `json:"name"`
	Year int    `json:"year,omitempty"`
	// Identifier is the legislation.gov.uk identifier ("ukpga/2015/30")
	// and SameAs its IRI there; Source is where the list took them from.
	// All three are empty for an Act not in the list.
	Identifier string `json:"identifier,omitempty"`
	SameAs     string `json:"sameAs,omitempty"`
	Source     string `json:"source,omitempty"`
}

// Title is the short title as cited: the name and, when known, the year.
func (a *Act) Title() string {
	if a.Year == 0 {
		return a.Name
	}
	return a.Name + " " + strconv.Itoa(a.Year)
}

// ID is the slug of the title, so an Act has the same id whether or not
// the list has it.
func (a *Act) ID() string { return slug.Of(a.Title()) }

// ErrBadAct is wrapped by the *ParseError of a bad legislation row.
var ErrBadAct = errors.New("bad legislation row")

// actColumns are the columns of a legislation file; others are ignored.
var actColumns = []string{"name", "identifier", "same_as"}

// Acts is a list of Acts with their legislation.gov.uk identifiers, and
// the detector that finds Acts in text. It is safe for concurrent use; per
// transcript take an ActScanner.
type Acts struct {
	list  []*Act
	root  *node // the list's titles, and names without the year where one Act has the name
	named map[string][]*Act
	// needAct is set when every title and name in root holds the word
	// "Act", as every title found by its form does: a text without it
	// names no Act.
	needAct bool
}

var (
	actTitle       = regexp.MustCompile(`^(.*\S) ([0-9]{4})$`)
	identifierForm = regexp.MustCompile(`^[a-z]+/[0-9]{4}/[0-9]+$`)
)

// legislationID is where legislation.gov.uk publishes the identifier IRIs
// of its items.
const legislationID = "http://www.legislation.gov.uk/id/"

// ReadActs reads a legislation list: a CSV file whose header names the
// columns name (the short title with its year, "Modern Slavery Act 2015"),
// identifier (legislation.gov.uk's, "ukpga/2015/30"), same_as (its IRI,
// http://www.legislation.gov.uk/id/ and the identifier) and optionally
// source. file names the source in errors.
func ReadActs(r io.Reader, file string) (*Acts, error) {
	rows, err := csvrow.NewReader(r, file, ErrBadAct)
	if err != nil {
		return nil, err
	}
	if err := rows.Require(actColumns...); err != nil {
		return nil, err
	}
	var list []*Act
	seen := map[string]bool{}
	for {
		row, err := rows.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		name := csvrow.Clean(row.Get("name"))
		m := actTitle.FindStringSubmatch(name)
		if m == nil {
			return nil, row.Errorf("name", "name %q is not a short title ending in its year (\"Modern Slavery Act 2015\")", name)
		}
		year, _ := strconv.Atoi(m[2])
		a := &Act{Name: m[1], Year: year, Identifier: strings.TrimSpace(row.Get("identifier")),
			SameAs: strings.TrimSpace(row.Get("same_as")), Source: csvrow.Clean(row.Get("source"))}
		if !strings.HasSuffix(a.Name, " Act") {
			return nil, row.Errorf("name", "name %q is not an Act's (\"… Act YYYY\")", name)
		}
		if !identifierForm.MatchString(a.Identifier) {
			return nil, row.Errorf("identifier", "identifier %q is not legislation.gov.uk's (type/year/number, \"ukpga/2015/30\")", a.Identifier)
		}
		if a.SameAs != legislationID+a.Identifier {
			return nil, row.Errorf("same_as", "same_as %q is not %s%s", a.SameAs, legislationID, a.Identifier)
		}
		if seen[a.ID()] {
			return nil, row.Errorf("name", "%q is listed twice", name)
		}
		seen[a.ID()] = true
		list = append(list, a)
	}
	return newActs(list), nil
}

// DefaultActs reads the list shipped in seeds/legislation.csv.
func DefaultActs() (*Acts, error) {
	f, err := seeds.FS.Open("legislation.csv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadActs(f, "seeds/legislation.csv")
}

func newActs(list []*Act) *Acts {
	a := &Acts{list: list, root: &node{}, named: map[string][]*Act{}}
	for _, act := range list {
		a.named[Key(act.Name)] = append(a.named[Key(act.Name)], act)
	}
	a.needAct = true
	add := func(form string, act *Act) {
		a.root.add(form, &pattern{act: act})
		if !slices.ContainsFunc(tokenize(form), isAct) {
			a.needAct = false
		}
	}
	for _, act := range list {
		add(act.Title(), act)
		if len(a.named[Key(act.Name)]) == 1 {
			add(act.Name, act)
		}
	}
	return a
}

// isAct reports the word "Act", however printed.
func isAct(t token) bool { return t.word && t.fold == "act" }

// List returns the Acts of the list, in the list's order.
func (a *Acts) List() []*Act { return append([]*Act(nil), a.list...) }

// ActMention is an Act named in a span of text, with offsets as in Mention.
type ActMention struct {
	Act                *Act
	Surface            string
	Begin, End         int
	ByteBegin, ByteEnd int
}

// ActScanner finds Acts in the spans of one transcript, fed in order: an
// Act named with its year ("Localism Act 2011") is the one a later mention
// without the year ("the Localism Act") names. It is not safe for
// concurrent use.
type ActScanner struct {
	acts   *Acts
	dated  map[string]*Act // by Key of the name, Acts named with a year
	found  map[string]*Act // by id, Acts not in the list
	tokens *tokenCache
}

// Scanner starts the scan of one transcript.
func (a *Acts) Scanner() *ActScanner {
	return &ActScanner{acts: a, dated: map[string]*Act{}, found: map[string]*Act{}, tokens: &tokenCache{}}
}

// Find returns the Acts named in text, in order, without overlaps.
//
// An Act is named by its short title: capitalised words, with "and", "of",
// "for", "the", "on", "to" and "in" between them, ending in "Act" and
// usually its year ("Police Reform and Social Responsibility Act 2011").
// The list's titles match however they are printed (in capitals, across a
// line break, with or without a comma in the title), and an Act the list
// has alone under its name matches without the year ("the Modern Slavery
// Act"). "The Act", "the 1999 Act", "an Act of Parliament"
// and "Acts" name no Act: nothing before "Act" is a name. Text in [square
// brackets] is editorial and names none.
func (s *ActScanner) Find(text string) []ActMention {
	toks := s.tokens.tokens(text)
	if s.acts.needAct && !slices.ContainsFunc(toks, isAct) {
		return nil // every title holds the word "Act"
	}
	var out []ActMention
	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.word || t.bracket {
			i++
			continue
		}
		end, byForm := actByForm(toks, i)
		m, listed := s.acts.root.longest(toks, i)
		if listed && m.end < end {
			listed = false // "Modern Slavery Act 2016": a year the list does not give
		}
		if !listed && !byForm {
			i++
			continue
		}
		var act *Act
		if listed {
			end, act = m.end, m.pat.act
		} else {
			act = s.formAct(text, toks, i, end)
		}
		if toks[end-1].fold != "act" {
			s.dated[Key(act.Name)] = act
		} else if d := s.dated[Key(act.Name)]; d != nil {
			act = d
		}
		b0, b1 := toks[i].b0, toks[end-1].b1
		out = append(out, ActMention{Act: act, Surface: text[b0:b1], Begin: toks[i].r0, End: toks[end-1].r1, ByteBegin: b0, ByteEnd: b1})
		i = end
	}
	return out
}

// formAct returns the Act the form-found span [i, end) names: the list's
// (by its title, or by its name when it has one Act of that name), one found
// earlier in the transcript, or a new one.
func (s *ActScanner) formAct(text string, toks []token, i, end int) *Act {
	a := &Act{}
	last := end - 1
	if toks[last].fold != "act" {
		a.Year, _ = strconv.Atoi(toks[last].raw)
		last--
	}
	a.Name = cleanSpace(strings.ReplaceAll(text[toks[i].b0:toks[last].b1], "’", "'"))
	named := s.acts.named[Key(a.Name)]
	for _, l := range named {
		if l.Year == a.Year || a.Year == 0 && len(named) == 1 {
			return l
		}
	}
	if f := s.found[a.ID()]; f != nil {
		return f
	}
	s.found[a.ID()] = a
	return a
}

// actConnectors may sit between the words of an Act's short title.
var actConnectors = set("and", "of", "for", "the", "on", "to", "in")

// actByForm reads an Act's short title starting at token i: capitalised
// words, connectors between them and hyphenated words ("Counter-Terrorism",
// "Anti-social") up to "Act", then a year if one follows. It returns the
// end (exclusive) of the title and whether there is one. A title is at most
// maxNameTokens long, so that a long run of capitalised words costs time in
// proportion to its length.
func actByForm(toks []token, i int) (int, bool) {
	if !toks[i].upper || functionWords[toks[i].fold] || toks[i].fold == "the" || toks[i].raw == "Act" {
		return 0, false
	}
	for j := i + 1; j < len(toks) && j-i <= maxNameTokens; j++ {
		t := toks[j]
		if t.bracket {
			return 0, false
		}
		if t.gap == gapJoined {
			// "-" and the word after it
			if t.raw == "-" && j+1 < len(toks) && toks[j+1].word && toks[j+1].gap == gapJoined && toks[j-1].word {
				continue
			}
			if t.word && toks[j-1].raw == "-" {
				continue
			}
			return 0, false
		}
		if t.gap != gapSpace || !t.word {
			return 0, false
		}
		if t.raw == "Act" {
			if p := toks[j-1]; p.word && actConnectors[p.fold] && !p.upper {
				return 0, false // "Secretary of Act"
			}
			if j+1 < len(toks) && toks[j+1].gap == gapSpace && isYear(toks[j+1]) && !toks[j+1].bracket {
				return j + 2, true
			}
			return j + 1, true
		}
		switch p := toks[j-1]; {
		case t.fold == "the" && !t.upper:
			// "Representation of the People Act", not "Within the Act"
			if !p.word || !actConnectors[p.fold] || p.upper {
				return 0, false
			}
		case actConnectors[t.fold] && !t.upper:
		case t.upper && !functionWords[t.fold] && t.raw != "Acts":
		default:
			return 0, false
		}
	}
	return 0, false
}

// isYear reports whether t is a year an Act's title may end in.
func isYear(t token) bool {
	if !t.word || len(t.raw) != 4 {
		return false
	}
	y, err := strconv.Atoi(t.raw)
	return err == nil && y >= 1200 && y <= 2199
}
