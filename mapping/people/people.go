package people

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/assemblykg/assemblykg/internal/csvrow"
	"github.com/assemblykg/assemblykg/internal/editdist"
	"github.com/assemblykg/assemblykg/internal/textpos"
	"github.com/assemblykg/assemblykg/mapping/slug"
	"github.com/assemblykg/assemblykg/seeds"
)

// Person is one entry of the register.
type Person struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Variants   []string `json:"variants,omitempty"`
	Honorifics []string `json:"honorifics,omitempty"`
	// Seats are the person's terms in the London Assembly.
	Seats []Seat `json:"seats,omitempty"`
	// Parties are the parties the person was elected for, with dates.
	Parties []Affiliation `json:"parties,omitempty"`
	// Groups are the Assembly groups the person sat in.
	Groups  []Affiliation `json:"groups,omitempty"`
	Offices []Office      `json:"offices,omitempty"`
	SameAs  []string      `json:"sameAs,omitempty"`
	// Sources say where the seats, parties, offices and identifiers come
	// from; Notes what the sources leave uncertain.
	Sources []string `json:"sources,omitempty"`
	Notes   string   `json:"notes,omitempty"`
}

// Office is a post held by a person. An undated office never decides who
// held a post on a day.
type Office struct {
	Post string `json:"post"`
	Period
}

// Posts and roles the register knows by name.
const (
	MayorOfLondon        = "Mayor of London"
	AssemblyMember       = "Assembly Member"
	StatutoryDeputyMayor = "Statutory Deputy Mayor"
)

// OfficeOn returns the post the person held on date, or "" if none is known.
func (p *Person) OfficeOn(date string) string {
	for _, o := range p.Offices {
		if o.Covers(date) {
			return o.Post
		}
	}
	return ""
}

// SeatOn returns the person's seat in the London Assembly on date.
func (p *Person) SeatOn(date string) (Seat, bool) {
	for _, s := range p.Seats {
		if s.Covers(date) {
			return s, true
		}
	}
	return Seat{}, false
}

// PartyOn returns the party the person was elected for that covers date, or
// "" if none is known.
func (p *Person) PartyOn(date string) string { return on(p.Parties, date) }

// GroupOn returns the Assembly group the person sat in on date, or "" if
// none is known. A register entry with groups but no dates for any of them
// gives its first group on every date.
func (p *Person) GroupOn(date string) string { return on(p.Groups, date) }

// RoleOn returns the capacity in which the person spoke on date: Mayor of
// London if they held that office, else Assembly Member if they held a seat,
// else any other office they held; "" when the register does not know.
// (A Statutory Deputy Mayor is an Assembly Member and speaks as one.) With
// no date, it is the one capacity the person ever held, if there is one.
func (p *Person) RoleOn(date string) string {
	if date == "" {
		var roles []string
		for _, o := range p.Offices {
			if o.Dated() && o.Post != StatutoryDeputyMayor {
				roles = append(roles, o.Post)
			}
		}
		if len(p.Seats) > 0 {
			roles = append(roles, AssemblyMember)
		}
		return only(len(roles), func(i int) string { return roles[i] })
	}
	office := p.OfficeOn(date)
	if office == MayorOfLondon {
		return office
	}
	if _, ok := p.SeatOn(date); ok {
		return AssemblyMember
	}
	return office
}

// Register holds people and finds them by name.
type Register struct {
	people []*Person
	byID   map[string]*Person
	byKey  map[string]*Person // normalised name or variant
}

// ParseError reports a malformed line of a register file: file, line and,
// where it lies in one, column.
type ParseError = textpos.Error

// ErrBadRow is wrapped by errors about a row of the register.
var ErrBadRow = errors.New("bad register row")

var header = []string{"id", "name", "variants", "honorifics", "groups", "offices", "same_as"}

// Load reads a register in the CSV shape described in the package comment.
// file names the source in errors.
func Load(r io.Reader, file string) (*Register, error) {
	reg := &Register{byID: map[string]*Person{}, byKey: map[string]*Person{}}
	if err := reg.read(r, file); err != nil {
		return nil, err
	}
	return reg, nil
}

// Default loads the register shipped in seeds/: people.csv, then the
// Assembly Members and Mayors of members.csv.
func Default() (*Register, error) {
	reg := &Register{byID: map[string]*Person{}, byKey: map[string]*Person{}}
	for _, name := range []string{"people.csv", "members.csv"} {
		f, err := seeds.FS.Open(name)
		if err != nil {
			return nil, err
		}
		err = reg.read(f, "seeds/"+name)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return reg, nil
}

// Extend reads more people from r, in either shape the package comment
// describes (told apart by the header). A people row whose id is already
// known replaces the earlier entry; a members row completes the person of
// that name, replacing the seats, parties and groups known for them.
func (reg *Register) Extend(r io.Reader, file string) error { return reg.read(r, file) }

func (reg *Register) read(r io.Reader, file string) error {
	rows, err := csvrow.NewReader(r, file, ErrBadRow)
	if err != nil {
		return err
	}
	members := rows.Has("name") && rows.Has("terms")
	if !members {
		if err := rows.Require("id", "name"); err != nil {
			return &ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: header must be %s (people) or name,...,terms,groups,constituency,roles,... (members)", ErrBadRow, strings.Join(header, ","))}
		}
	}
	for {
		row, err := rows.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if members {
			if err := reg.member(row); err != nil {
				return err
			}
			continue
		}
		p := &Person{
			ID:         row.Get("id"),
			Name:       row.Get("name"),
			Variants:   csvrow.List(row.Get("variants"), "|"),
			Honorifics: csvrow.List(row.Get("honorifics"), "|"),
			SameAs:     csvrow.List(row.Get("same_as"), "|"),
		}
		for _, g := range csvrow.List(row.Get("groups"), "|") {
			p.Groups = append(p.Groups, Affiliation{Name: g})
		}
		if p.Name == "" {
			return row.Errorf("name", "empty name")
		}
		if p.ID == "" {
			p.ID = slug.Of(p.Name)
		}
		for _, s := range csvrow.List(row.Get("offices"), "|") {
			o, err := parseOffice(s)
			if err != nil {
				return row.Errorf("offices", "%v", err)
			}
			p.Offices = append(p.Offices, o)
		}
		reg.add(p)
	}
}

func (reg *Register) add(p *Person) {
	if old, ok := reg.byID[p.ID]; ok {
		for i, q := range reg.people {
			if q == old {
				reg.people[i] = p
			}
		}
		for k, q := range reg.byKey {
			if q == old {
				delete(reg.byKey, k)
			}
		}
	} else {
		reg.people = append(reg.people, p)
	}
	reg.byID[p.ID] = p
	for _, n := range append([]string{p.Name}, p.Variants...) {
		reg.byKey[Key(n)] = p
	}
}

func parseOffice(s string) (Office, error) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return Office{Post: s}, nil
	}
	if !strings.HasSuffix(s, "]") {
		return Office{}, fmt.Errorf("office %q: missing ]", s)
	}
	from, until, ok := strings.Cut(s[i+1:len(s)-1], "..")
	if !ok {
		return Office{}, fmt.Errorf("office %q: dates must read [FROM..UNTIL]", s)
	}
	for _, d := range []string{from, until} {
		if d != "" && (len(d) != len("2006-01-02") || !isDate(d)) {
			return Office{}, fmt.Errorf("office %q: %q is not a YYYY-MM-DD date", s, d)
		}
	}
	return Office{Post: strings.TrimSpace(s[:i]), Period: Period{From: from, Until: until}}, nil
}

// People returns the register's entries in file order.
func (reg *Register) People() []*Person { return reg.people }

// ByID returns the person with the given id.
func (reg *Register) ByID(id string) (*Person, bool) {
	p, ok := reg.byID[id]
	return p, ok
}

// Holder returns who held post on date (YYYY-MM-DD), or nil.
func (reg *Register) Holder(post, date string) *Person {
	for _, p := range reg.people {
		for _, o := range p.Offices {
			if strings.EqualFold(o.Post, post) && o.Covers(date) {
				return p
			}
		}
	}
	return nil
}

// Holders returns everyone who held post at some time, earliest first.
func (reg *Register) Holders(post string) []*Person {
	type held struct {
		p    *Person
		from string
	}
	var hs []held
	for _, p := range reg.people {
		for _, o := range p.Offices {
			if strings.EqualFold(o.Post, post) && o.Dated() {
				hs = append(hs, held{p, o.From})
			}
		}
	}
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].from < hs[j].from })
	out := make([]*Person, len(hs))
	for i, h := range hs {
		out[i] = h.p
	}
	return out
}

// Posts returns the names of every post in the register, sorted.
func (reg *Register) Posts() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range reg.people {
		for _, o := range p.Offices {
			if !seen[o.Post] {
				seen[o.Post] = true
				out = append(out, o.Post)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Resolve finds the person a printed name refers to: titles and
// post-nominals are ignored, then the name is looked up among names and
// variants, and failing that among names within a small spelling distance
// (misspelt labels such as "Jeanette Arnold"). It returns nil when no one in
// the register is meant.
func (reg *Register) Resolve(printed string) *Person {
	name := Strip(printed).Name
	k := Key(name)
	if k == "" {
		return nil
	}
	if p, ok := reg.byKey[k]; ok {
		return p
	}
	// A spelling slip: the closest name within a distance that grows with
	// length, if it is the only one that close.
	var best *Person
	bestD, tie := 1<<30, false
	for key, p := range reg.byKey {
		limit := 1
		if len(k) >= 10 {
			limit = 2
		}
		d := editdist.OSA(k, key, limit)
		if d > limit {
			continue
		}
		switch {
		case d < bestD:
			best, bestD, tie = p, d, false
		case d == bestD && p != best:
			tie = true
		}
	}
	if best != nil && !tie && sameSurnameInitial(k, Key(best.Name)) {
		return best
	}
	return nil
}

// sameSurnameInitial guards fuzzy matches: the first letters of the first and
// last words must agree, so "John Biggs" never becomes "Jon Diggs".
func sameSurnameInitial(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	return fa[0][0] == fb[0][0] && fa[len(fa)-1][0] == fb[len(fb)-1][0]
}

// Key folds a name for lookup: NFC, case and accents folded, curly
// apostrophes made straight, no-break spaces and runs of spaces made one.
func Key(name string) string {
	name = norm.NFD.String(name)
	var b strings.Builder
	space := false
	for _, r := range name {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '’' || r == '‘' || r == '`':
			r = '\''
		case unicode.IsSpace(r) || r == '\u00a0':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
