package bodies

import (
	"encoding/csv"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/assemblykg/assemblykg/internal/corpus"
)

func defaultActs(t testing.TB) *Acts {
	t.Helper()
	a, err := DefaultActs()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// foundActs renders Act mentions as "surface=title", with the
// legislation.gov.uk identifier of a listed Act after a "@".
func foundActs(ms []ActMention) []string {
	var out []string
	for _, m := range ms {
		s := m.Surface + "=" + m.Act.Title()
		if m.Act.Identifier != "" {
			s += "@" + m.Act.Identifier
		}
		out = append(out, s)
	}
	return out
}

func TestFindActs(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []string
	}{
		{"listed with year", "under the Modern Slavery Act 2015, firms", []string{"Modern Slavery Act 2015=Modern Slavery Act 2015@ukpga/2015/30"}},
		{"listed, long title", "the Police Reform and Social Responsibility Act 2011 created", []string{
			"Police Reform and Social Responsibility Act 2011=Police Reform and Social Responsibility Act 2011@ukpga/2011/13"}},
		{"listed name holds a body's", "powers under the Greater London Authority Act 1999.", []string{
			"Greater London Authority Act 1999=Greater London Authority Act 1999@ukpga/1999/29"}},
		{"listed without year", "beyond the Modern Slavery Act, so", []string{"Modern Slavery Act=Modern Slavery Act 2015@ukpga/2015/30"}},
		{"listed, other case and spaces", "the GREATER LONDON AUTHORITY  ACT 1999", []string{
			"GREATER LONDON AUTHORITY  ACT 1999=Greater London Authority Act 1999@ukpga/1999/29"}},
		{"listed name, year not listed", "the Modern Slavery Act 2016", []string{"Modern Slavery Act 2016=Modern Slavery Act 2016"}},
		{"not listed, with year", "the Localism Act 2011 and the Equality Act 2010", []string{"Localism Act 2011=Localism Act 2011", "Equality Act 2010=Equality Act 2010"}},
		{"not listed, connectors", "the Representation of the People Act 1983 and the Crime and Disorder Act 1998", []string{
			"Representation of the People Act 1983=Representation of the People Act 1983", "Crime and Disorder Act 1998=Crime and Disorder Act 1998"}},
		{"hyphenated", "the Counter-Terrorism and Security Act 2015 applies", []string{"Counter-Terrorism and Security Act 2015=Counter-Terrorism and Security Act 2015"}},
		{"not listed, no year", "the Freedom of Information Act requires", []string{"Freedom of Information Act=Freedom of Information Act"}},
		{"year named earlier", "the Localism Act 2011 ... under the Localism Act", []string{"Localism Act 2011=Localism Act 2011", "Localism Act=Localism Act 2011"}},
		{"sentence start", "Housing Act 2004 powers. The Housing Act 2004 says", []string{"Housing Act 2004=Housing Act 2004", "Housing Act 2004=Housing Act 2004"}},
		{"the Act", "since the Act came into force, the Act does", nil},
		{"Acts of Parliament", "a number of Acts of Parliament and an Act of Parliament", nil},
		{"year before Act", "the 1999 Act and the 2011 Act", nil},
		{"Act without a name before its year", "Section 67 of the Act 1999", nil},
		{"plural", "the Modern Slavery Acts", nil},
		{"lower case", "the modern slavery act and the localism act 2011", nil},
		{"verb", "We must Act now. Act quickly.", nil},
		{"within", "Within the Act it says", nil},
		{"function word before", "Under Localism Act 2011 rules", []string{"Localism Act 2011=Localism Act 2011"}},
		{"brackets", "[under the Localism Act 2011] and [Modern Slavery Act]", nil},
		{"Bill is not an Act", "the Housing and Planning Bill", nil},
		{"line break inside", "the Modern\nSlavery Act 2015", []string{"Modern\nSlavery Act 2015=Modern Slavery Act 2015@ukpga/2015/30"}},
		{"possessive before the title", "the Government’s Localism Act 2011", []string{"Localism Act 2011=Localism Act 2011"}},
	}
	acts := defaultActs(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := foundActs(acts.Scanner().Find(c.text))
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("Find(%q)\n got %q\nwant %q", c.text, got, c.want)
			}
		})
	}
}

// The offsets of a mention are those of its surface, in code points and in
// bytes.
func TestFindActsOffsets(t *testing.T) {
	text := "Vielen Dank — the Modern Slavery Act 2015 and the Localism Act."
	for _, m := range defaultActs(t).Scanner().Find(text) {
		if text[m.ByteBegin:m.ByteEnd] != m.Surface {
			t.Errorf("bytes %d-%d give %q, not %q", m.ByteBegin, m.ByteEnd, text[m.ByteBegin:m.ByteEnd], m.Surface)
		}
		runes := []rune(text)
		if string(runes[m.Begin:m.End]) != m.Surface {
			t.Errorf("code points %d-%d give %q, not %q", m.Begin, m.End, string(runes[m.Begin:m.End]), m.Surface)
		}
		if m.Begin != utf8.RuneCountInString(text[:m.ByteBegin]) {
			t.Errorf("begin %d, want %d", m.Begin, utf8.RuneCountInString(text[:m.ByteBegin]))
		}
	}
}

// An Act not in the list is the same Act, with the same id, wherever the
// transcript names it, and its id is the one the list would give it.
func TestFoundActsShareIDs(t *testing.T) {
	sc := defaultActs(t).Scanner()
	a := sc.Find("the Localism Act 2011")
	b := sc.Find("The Localism  Act 2011 and the Localism Act")
	if len(a) != 1 || len(b) != 2 || a[0].Act != b[0].Act || b[1].Act != a[0].Act {
		t.Fatalf("got %v and %v", foundActs(a), foundActs(b))
	}
	if a[0].Act.ID() != "localism-act-2011" {
		t.Errorf("id %q", a[0].Act.ID())
	}
	if id := (&Act{Name: "Freedom of Information Act"}).ID(); id != "freedom-of-information-act" {
		t.Errorf("id without a year %q", id)
	}
}

// Every legislation row of the research identifiers is in the shipped list
// with its identifier, its IRI and the evidence it was taken from, and the
// list has no row that the identifiers do not give.
func TestListCarriesIdentifiers(t *testing.T) {
	path := corpus.Path("research/identifiers.csv")
	if path == "" {
		t.Skip("no research identifiers beside the repository")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]*Act{}
	for _, a := range defaultActs(t).List() {
		byTitle[a.Title()] = a
	}
	n := 0
	for i, r := range rows[1:] {
		name, kind, id, iri, evidence := r[0], r[1], r[3], r[4], r[5]
		if kind != "legislation" {
			continue
		}
		n++
		a := byTitle[name]
		if a == nil {
			t.Errorf("identifiers.csv:%d: %q is not in seeds/legislation.csv", i+2, name)
			continue
		}
		if a.Identifier != id || a.SameAs != iri || a.Source != evidence {
			t.Errorf("identifiers.csv:%d: %q listed as %s %s from %q, want %s %s from %q", i+2, name, a.Identifier, a.SameAs, a.Source, id, iri, evidence)
		}
		delete(byTitle, name)
	}
	if n == 0 {
		t.Error("identifiers.csv has no legislation rows")
	}
	for title := range byTitle {
		t.Errorf("seeds/legislation.csv: %q is not a legislation row of identifiers.csv", title)
	}
}

func TestReadActsErrors(t *testing.T) {
	const head = "name,identifier,same_as,source\n"
	cases := []struct {
		name, csv string
		line      int
		msg       string
	}{
		{"header", "name,identifier\nx,y\n", 1, "same_as"},
		{"no year", head + "Localism Act,ukpga/2011/20,http://www.legislation.gov.uk/id/ukpga/2011/20,\n", 2, "year"},
		{"not an Act", head + "Localism Bill 2011,ukpga/2011/20,http://www.legislation.gov.uk/id/ukpga/2011/20,\n", 2, "not an Act"},
		{"identifier", head + "Localism Act 2011,2011/20,http://www.legislation.gov.uk/id/ukpga/2011/20,\n", 2, "identifier"},
		{"same_as elsewhere", head + "Localism Act 2011,ukpga/2011/20,http://example.org/ukpga/2011/20,\n", 2, "same_as"},
		{"twice", head + "Localism Act 2011,ukpga/2011/20,http://www.legislation.gov.uk/id/ukpga/2011/20,\n" +
			"Localism  Act 2011,ukpga/2011/20,http://www.legislation.gov.uk/id/ukpga/2011/20,\n", 3, "twice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadActs(strings.NewReader(c.csv), "laws.csv")
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrBadAct) {
				t.Fatalf("error %v is not a positioned bad-legislation error", err)
			}
			if pe.File != "laws.csv" || pe.Line != c.line || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q, want laws.csv line %d mentioning %q", err, c.line, c.msg)
			}
		})
	}
}

// In a long run of capitalised words ending in "Act" the title is the last
// maxNameTokens words at most: no scan reaches further back, so scanning the
// run takes time in proportion to its length.
func TestFindActsLongRun(t *testing.T) {
	run := strings.Repeat("Housing ", 5000) + "Act 2011"
	got := defaultActs(t).Scanner().Find(run)
	if len(got) != 1 {
		t.Fatalf("%d mentions", len(got))
	}
	if words := len(strings.Fields(got[0].Surface)); words != maxNameTokens+2 || !strings.HasSuffix(run, got[0].Surface) {
		t.Errorf("title of %d words, want the last %d and \"Act 2011\"", words, maxNameTokens)
	}
}

func FuzzFindActs(f *testing.F) {
	for _, s := range []string{
		"the Modern Slavery Act 2015 and the Localism Act",
		"[the Act 1999] and the 1999 Act",
		"Counter-Terrorism and Security Act 2015, Act 2011 Act",
		"Representation of the People Act 1983",
		"\xff\xfe Act GREATER LONDON AUTHORITY ACT 1999",
	} {
		f.Add(s)
	}
	acts := defaultActs(f)
	f.Fuzz(func(t *testing.T, text string) {
		sc := acts.Scanner()
		for pass := 0; pass < 2; pass++ {
			n := utf8.RuneCountInString(text)
			prevEnd, prevByte := 0, 0
			for _, m := range sc.Find(text) {
				if m.Act == nil || m.Act.Name == "" || m.Act.ID() == "" {
					t.Fatalf("mention without an Act: %+v", m)
				}
				if m.Begin < prevEnd || m.ByteBegin < prevByte {
					t.Fatalf("mentions overlap or are out of order at %+v", m)
				}
				if m.Begin >= m.End || m.End > n || m.ByteBegin >= m.ByteEnd || m.ByteEnd > len(text) {
					t.Fatalf("mention outside the text: %+v (text %d code points, %d bytes)", m, n, len(text))
				}
				if text[m.ByteBegin:m.ByteEnd] != m.Surface {
					t.Fatalf("surface %q differs from text %q", m.Surface, text[m.ByteBegin:m.ByteEnd])
				}
				if utf8.ValidString(text) && utf8.RuneCountInString(text[:m.ByteBegin]) != m.Begin {
					t.Fatalf("code-point offset %d disagrees with byte offset %d", m.Begin, m.ByteBegin)
				}
				prevEnd, prevByte = m.End, m.ByteEnd
			}
		}
	})
}
