package people

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/assemblykg/assemblykg/mapping/slug"
	"github.com/assemblykg/assemblykg/seeds"
)

// Person is one entry of the register.
type Person struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Variants   []string `json:"variants,omitempty"`
	Honorifics []string `json:"honorifics,omitempty"`
	Groups     []string `json:"groups,omitempty"`
	Offices    []Office `json:"offices,omitempty"`
	SameAs     []string `json:"sameAs,omitempty"`
}

// Office is a post held by a person, with ISO dates; an empty From or Until
// means the register does not know (or the term has not ended).
type Office struct {
	Post  string `json:"post"`
	From  string `json:"from,omitempty"`
	Until string `json:"until,omitempty"`
}

// covers reports whether the office was held on date (YYYY-MM-DD).
func (o Office) covers(date string) bool {
	if o.From == "" && o.Until == "" {
		return false // undated offices never decide who held a post on a day
	}
	return (o.From == "" || o.From <= date) && (o.Until == "" || date <= o.Until)
}

// OfficeOn returns the post the person held on date, or "" if none is known.
func (p *Person) OfficeOn(date string) string {
	for _, o := range p.Offices {
		if date != "" && o.covers(date) {
			return o.Post
		}
	}
	return ""
}

// Register holds people and finds them by name.
type Register struct {
	people []*Person
	byID   map[string]*Person
	byKey  map[string]*Person // normalised name or variant
}

// ParseError reports a malformed line of a register file.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }
func (e *ParseError) Unwrap() error { return e.Err }

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

// Default loads the register shipped in seeds/people.csv.
func Default() (*Register, error) {
	f, err := seeds.FS.Open("people.csv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Load(f, "seeds/people.csv")
}

// Extend reads more people from r; an entry whose id is already known
// replaces the earlier one.
func (reg *Register) Extend(r io.Reader, file string) error { return reg.read(r, file) }

func (reg *Register) read(r io.Reader, file string) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	line := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &ParseError{file, pe.Line, pe.Err}
			}
			return &ParseError{file, line + 1, err}
		}
		line, _ = cr.FieldPos(0)
		if line == 1 {
			if !strings.EqualFold(strings.TrimPrefix(rec[0], "\ufeff"), "id") {
				return &ParseError{file, 1, fmt.Errorf("%w: header must be %s", ErrBadRow, strings.Join(header, ","))}
			}
			continue
		}
		if len(rec) != len(header) {
			return &ParseError{file, line, fmt.Errorf("%w: %d fields, want %d", ErrBadRow, len(rec), len(header))}
		}
		p := &Person{
			ID:         strings.TrimSpace(rec[0]),
			Name:       strings.TrimSpace(rec[1]),
			Variants:   splitList(rec[2]),
			Honorifics: splitList(rec[3]),
			Groups:     splitList(rec[4]),
			SameAs:     splitList(rec[6]),
		}
		if p.Name == "" {
			return &ParseError{file, line, fmt.Errorf("%w: empty name", ErrBadRow)}
		}
		if p.ID == "" {
			p.ID = slug.Of(p.Name)
		}
		for _, s := range splitList(rec[5]) {
			o, err := parseOffice(s)
			if err != nil {
				return &ParseError{file, line, fmt.Errorf("%w: %v", ErrBadRow, err)}
			}
			p.Offices = append(p.Offices, o)
		}
		reg.add(p)
	}
	return nil
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

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, "|") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
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
		if d != "" && !isISODate(d) {
			return Office{}, fmt.Errorf("office %q: %q is not a YYYY-MM-DD date", s, d)
		}
	}
	return Office{Post: strings.TrimSpace(s[:i]), From: from, Until: until}, nil
}

func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
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
			if strings.EqualFold(o.Post, post) && o.covers(date) {
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
			if strings.EqualFold(o.Post, post) && (o.From != "" || o.Until != "") {
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
		d := distance(k, key, limit)
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

// distance is the Damerau-Levenshtein (optimal string alignment) distance
// between a and b, or limit+1 when it is certainly larger than limit.
func distance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
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
