package bodies

import (
	"errors"
	"io"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/assemblykg/assemblykg/internal/csvrow"
	"github.com/assemblykg/assemblykg/internal/textpos"
	"github.com/assemblykg/assemblykg/mapping/slug"
	"github.com/assemblykg/assemblykg/seeds"
)

// Body is one organisation: an entry of the registry, or one found in a
// transcript by its form.
type Body struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Parent   string   `json:"parent,omitempty"`
	Aliases  []string `json:"aliases,omitempty"`
	Acronyms []string `json:"acronyms,omitempty"`
	SameAs   []string `json:"sameAs,omitempty"`
	// AreaServed holds the IRIs of the place a body serves (its GSS
	// statistical geography, the Wikidata item of its borough), kept apart
	// from SameAs, which names only the body's own item.
	AreaServed []string `json:"areaServed,omitempty"`
	// Source is the public list the entry was taken from and can be
	// checked against; From and Until are the dates the body existed
	// between (YYYY, YYYY-MM or YYYY-MM-DD), "" where not known or still
	// existing.
	Source string `json:"source,omitempty"`
	From   string `json:"from,omitempty"`
	Until  string `json:"until,omitempty"`
	// FoundByForm marks a body that is not in the registry and was found
	// by the shape of its name.
	FoundByForm bool `json:"foundByForm,omitempty"`
}

// KindOther is the kind of bodies found by their form.
const KindOther = "other"

// Kinds lists the kinds a registry entry may have.
var Kinds = []string{
	"government-department", "agency", "police", "gla-body", "council", "committee",
	"court-or-prosecutor", "international", "company", "charity", "newspaper",
	"university", "party", "assembly-group", "health", "other-public-body",
	"proscribed-organisation", KindOther,
}

// Errors wrapped by the *ParseError of a bad row.
var (
	ErrBadRow  = errors.New("bad bodies row")
	ErrBadLink = errors.New("bad link row")
)

// ParseError reports a malformed line of a bodies or links file: file,
// line and, where it lies in one, column.
type ParseError = textpos.Error

// columns are the columns of a bodies file; others are ignored.
var columns = []string{"id", "name", "kind", "parent", "aliases", "acronyms", "same_as"}

// Registry holds bodies and finds them by id, name, alias or acronym.
type Registry struct {
	bodies  []*Body
	byID    map[string]*Body
	byKey   map[string]*Body // Key of name or alias
	byAcr   map[string]*Body // acronym as written
	byAcrCI map[string]*Body // acronym folded, for lookups typed by users
}

// New returns an empty registry.
func New() *Registry {
	return &Registry{byID: map[string]*Body{}, byKey: map[string]*Body{}, byAcr: map[string]*Body{}, byAcrCI: map[string]*Body{}}
}

// Load reads a registry in the CSV shape described in the package comment.
// file names the source in errors.
func Load(r io.Reader, file string) (*Registry, error) {
	reg := New()
	if err := reg.Merge(r, file); err != nil {
		return nil, err
	}
	return reg, nil
}

// Default loads the registry shipped in seeds/bodies.csv.
func Default() (*Registry, error) {
	f, err := seeds.FS.Open("bodies.csv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Load(f, "seeds/bodies.csv")
}

// Merge reads more bodies from r, in the same CSV shape; an entry whose id
// is already known replaces the earlier one. A parent must name a body of
// the registry or of r.
func (reg *Registry) Merge(r io.Reader, file string) error {
	rows, err := csvrow.NewReader(r, file, ErrBadRow)
	if err != nil {
		return err
	}
	if err := rows.Require(columns...); err != nil {
		return err
	}
	type pending struct {
		b   *Body
		row *csvrow.Row
	}
	var read []pending
	for {
		row, err := rows.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		b, err := parseRow(row)
		if err != nil {
			return err
		}
		read = append(read, pending{b, row})
	}
	known := map[string]bool{}
	for id := range reg.byID {
		known[id] = true
	}
	for _, p := range read {
		known[p.b.ID] = true
	}
	for _, p := range read {
		if p.b.Parent != "" && !known[p.b.Parent] {
			return p.row.Errorf("parent", "unknown parent %q", p.b.Parent)
		}
		if p.b.Parent == p.b.ID {
			return p.row.Errorf("parent", "%q is its own parent", p.b.ID)
		}
	}
	for _, p := range read {
		reg.Add(p.b)
	}
	return nil
}

var (
	slugShape = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	dateShape = regexp.MustCompile(`^\d{4}(-\d\d(-\d\d)?)?$`)
)

func parseRow(row *csvrow.Row) (*Body, error) {
	b := &Body{
		ID:         row.Get("id"),
		Name:       csvrow.Clean(row.Get("name")),
		Kind:       row.Get("kind"),
		Parent:     row.Get("parent"),
		Aliases:    csvrow.List(row.Get("aliases"), "|"),
		Acronyms:   csvrow.List(row.Get("acronyms"), "|"),
		SameAs:     csvrow.List(row.Get("same_as"), "|"),
		AreaServed: csvrow.List(row.Get("area_served"), "|"),
		Source:     csvrow.Clean(row.Get("source")),
		From:       row.Get("from"),
		Until:      row.Get("until"),
	}
	for _, c := range []struct{ col, date string }{{"from", b.From}, {"until", b.Until}} {
		if c.date != "" && !dateShape.MatchString(c.date) {
			return nil, row.Errorf(c.col, "%s %q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", c.col, c.date)
		}
	}
	if b.Name == "" {
		return nil, row.Errorf("name", "empty name")
	}
	if b.ID == "" {
		b.ID = slug.Of(b.Name)
	}
	if !slugShape.MatchString(b.ID) {
		return nil, row.Errorf("id", "id %q is not a slug (lower-case ascii words joined by -)", b.ID)
	}
	if !validKind(b.Kind) {
		return nil, row.Errorf("kind", "kind %q is not one of %s", b.Kind, strings.Join(Kinds, ", "))
	}
	for _, iri := range b.SameAs {
		if !strings.HasPrefix(iri, "http://") && !strings.HasPrefix(iri, "https://") {
			return nil, row.Errorf("same_as", "same_as %q is not an http(s) IRI", iri)
		}
	}
	for _, iri := range b.AreaServed {
		if !strings.HasPrefix(iri, "http://") && !strings.HasPrefix(iri, "https://") {
			return nil, row.Errorf("area_served", "area_served %q is not an http(s) IRI", iri)
		}
	}
	for _, a := range b.Acronyms {
		if strings.ContainsFunc(a, unicode.IsSpace) {
			return nil, row.Errorf("acronyms", "acronym %q holds a space (put it in aliases)", a)
		}
	}
	return b, nil
}

func validKind(k string) bool {
	for _, x := range Kinds {
		if k == x {
			return true
		}
	}
	return false
}

// Add puts b in the registry, replacing an entry with the same id.
func (reg *Registry) Add(b *Body) {
	if old, ok := reg.byID[b.ID]; ok {
		for i, x := range reg.bodies {
			if x == old {
				reg.bodies[i] = b
			}
		}
		for _, m := range []map[string]*Body{reg.byKey, reg.byAcr, reg.byAcrCI} {
			for k, x := range m {
				if x == old {
					delete(m, k)
				}
			}
		}
	} else {
		reg.bodies = append(reg.bodies, b)
	}
	reg.byID[b.ID] = b
	for _, n := range append([]string{b.Name}, b.Aliases...) {
		if k := Key(n); k != "" {
			if _, taken := reg.byKey[k]; !taken || n == b.Name {
				reg.byKey[k] = b
			}
		}
	}
	for _, a := range b.Acronyms {
		if _, taken := reg.byAcr[a]; !taken {
			reg.byAcr[a] = b
		}
		if _, taken := reg.byAcrCI[strings.ToLower(a)]; !taken {
			reg.byAcrCI[strings.ToLower(a)] = b
		}
	}
}

// ByID returns the body with the given id, or nil.
func (reg *Registry) ByID(id string) *Body { return reg.byID[id] }

// Lookup finds a body by id, acronym (exact, then in any case), name or
// alias, as a user types it on the command line ("MPS", "the Met",
// "metropolitan-police-service"). It returns nil when nothing matches.
func (reg *Registry) Lookup(s string) *Body {
	s = strings.TrimSpace(s)
	if b := reg.byID[s]; b != nil {
		return b
	}
	if b := reg.byAcr[s]; b != nil {
		return b
	}
	if b := reg.byKey[Key(s)]; b != nil {
		return b
	}
	return reg.byAcrCI[strings.ToLower(s)]
}

// Bodies returns the entries in file order.
func (reg *Registry) Bodies() []*Body { return append([]*Body(nil), reg.bodies...) }

// Len is the number of entries.
func (reg *Registry) Len() int { return len(reg.bodies) }

// Children returns the bodies whose parent is id, sorted by id.
func (reg *Registry) Children(id string) []*Body {
	var out []*Body
	for _, b := range reg.bodies {
		if b.Parent == id {
			out = append(out, b)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// apostrophes straightens curly apostrophes.
var apostrophes = strings.NewReplacer("’", "'", "‘", "'", "ʼ", "'")

// Key is the comparison form of a body name: NFC, lower case, "&" read as
// "and", curly apostrophes straightened, a leading "the" dropped and other
// punctuation turned into spaces. "The Evening Standard" and "evening
// standard" have the same key.
func Key(s string) string {
	s = norm.NFC.String(s)
	s = strings.ToLower(s)
	s = strings.ReplaceAll(s, "&", " and ")
	s = apostrophes.Replace(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte(' ')
		}
	}
	f := strings.Fields(b.String())
	if len(f) > 1 && f[0] == "the" {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

// cleanSpace turns no-break spaces into spaces, collapses runs of white
// space and trims.
var cleanSpace = csvrow.Clean
