package bodies

import (
	"encoding/csv"
	"errors"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/internal/corpus"
	"github.com/assemblykg/assemblykg/mapping/slug"
)

func defaultRegistry(t testing.TB) *Registry {
	t.Helper()
	reg, err := Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	return reg
}

func TestDefaultRegistry(t *testing.T) {
	reg := defaultRegistry(t)
	if reg.Len() < 500 {
		t.Errorf("registry holds %d bodies, want many hundreds", reg.Len())
	}
	for _, b := range reg.Bodies() {
		if b.ID != slug.Of(b.Name) {
			t.Errorf("%s: id is not the slug of the name %q (%s)", b.ID, b.Name, slug.Of(b.Name))
		}
	}
	for _, c := range []struct{ query, id string }{
		{"MPS", "metropolitan-police-service"},
		{"the Met", "metropolitan-police-service"},
		{"metropolitan police", "metropolitan-police-service"},
		{"metropolitan-police-service", "metropolitan-police-service"},
		{"mopac", "mayors-office-for-policing-and-crime"},
		{"Mayor’s Office for Policing and Crime", "mayors-office-for-policing-and-crime"},
		{"HM Revenue & Customs", "hm-revenue-and-customs"},
		{"Hammersmith and Fulham Council", "london-borough-of-hammersmith-and-fulham"},
		{"City of Westminster", "westminster-city-council"},
		{"City of London", "city-of-london-corporation"},
		{"Labour Group", "london-assembly-labour-group"},
		{"GLA Conservatives", "london-assembly-conservative-group"},
		{"City Hall Greens", "london-assembly-green-group"},
		{"Tories", "conservative-party"},
		{"Davies Commission", "airports-commission"},
		{"Defra", "department-for-environment-food-and-rural-affairs"},
		{"Department of Environment, Food and Rural Affairs", "department-for-environment-food-and-rural-affairs"},
		{"World Health Organisation", "world-health-organization"},
		{"The Evening Standard", "evening-standard"},
	} {
		b := reg.Lookup(c.query)
		if b == nil || b.ID != c.id {
			t.Errorf("Lookup(%q) = %v, want %s", c.query, b, c.id)
		}
	}
	if b := reg.Lookup("Westminster"); b != nil {
		t.Errorf("Lookup(Westminster) = %s: a place is not a body", b.ID)
	}
	for _, b := range reg.Bodies() {
		if b.Parent != "" && reg.ByID(b.Parent) == nil {
			t.Errorf("%s: unknown parent %s", b.ID, b.Parent)
		}
	}
	if kids := reg.Children("metropolitan-police-service"); len(kids) < 10 {
		t.Errorf("the Met has %d commands in the registry", len(kids))
	}
}

// Every registry form must be matchable, and an acronym must name one body.
func TestRegistryForms(t *testing.T) {
	reg := defaultRegistry(t)
	d := NewDetector(reg)
	if len(d.Unmatchable) > 0 {
		t.Errorf("forms no text can match: %q", d.Unmatchable)
	}
	owner := map[string]string{}
	for _, b := range reg.Bodies() {
		for _, a := range b.Acronyms {
			if o, ok := owner[a]; ok {
				t.Errorf("acronym %s names both %s and %s", a, o, b.ID)
			}
			owner[a] = b.ID
		}
	}
	// Each body's own name finds that body.
	for _, b := range reg.Bodies() {
		ms := d.Scanner().Find("about " + b.Name + " today")
		if len(ms) != 1 || ms[0].Body != b {
			t.Errorf("Find(%q) = %q", b.Name, found(ms))
		}
	}
}

// Every body row of the research identifiers whose name is in the registry
// carries its IRI: the body's own item as sameAs, a place (a GSS code, the
// item of a borough rather than of its council) as areaServed.
func TestRegistryCarriesIdentifiers(t *testing.T) {
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
	notBodies := map[string]bool{"position": true, "place": true, "person": true, "legislation": true, "party-status": true}
	paren := regexp.MustCompile(`\s*\(.*?\)`)
	reg := defaultRegistry(t)
	checked := 0
	for i, r := range rows[1:] {
		name, kind, scheme, iri := r[0], r[1], r[2], r[4]
		if notBodies[kind] {
			continue
		}
		b := reg.Lookup(name)
		if b == nil {
			b = reg.Lookup(paren.ReplaceAllString(name, ""))
		}
		if b == nil {
			t.Errorf("identifiers.csv:%d: body %q is not in the registry", i+2, name)
			continue
		}
		checked++
		want, other, field := b.SameAs, b.AreaServed, "sameAs"
		if scheme == "gss" || kind == "borough" && scheme == "wikidata" {
			want, other, field = b.AreaServed, b.SameAs, "areaServed"
		}
		if !slices.Contains(want, iri) {
			t.Errorf("identifiers.csv:%d: %s lacks %s %s", i+2, b.ID, field, iri)
		}
		if slices.Contains(other, iri) {
			t.Errorf("identifiers.csv:%d: %s has %s outside %s", i+2, b.ID, iri, field)
		}
	}
	t.Logf("%d identifier rows carried", checked)
	// and no sameAs comes from anywhere else
	known := map[string]bool{}
	for _, r := range rows[1:] {
		known[r[4]] = true
	}
	for _, b := range reg.Bodies() {
		for _, s := range append(slices.Clone(b.SameAs), b.AreaServed...) {
			if !known[s] {
				t.Errorf("%s: identifier %s is not in identifiers.csv", b.ID, s)
			}
		}
	}
}

func TestLoadErrors(t *testing.T) {
	const head = "id,name,kind,parent,aliases,acronyms,same_as\n"
	cases := []struct {
		name, csv string
		line      int
		msg       string
	}{
		{"header", "name,id\nx,y\n", 1, "header"},
		{"fields", head + "a,A,agency,,\n", 2, "fields"},
		{"empty name", head + "a,,agency,,,,\n", 2, "empty name"},
		{"kind", head + "a,A,agency,,,,\nb,B,club,,,,\n", 3, "kind"},
		{"slug", head + "Not A Slug,A,agency,,,,\n", 2, "slug"},
		{"parent", head + "a,A,agency,nobody,,,\n", 2, "parent"},
		{"iri", head + "a,A,agency,,,,Q42\n", 2, "IRI"},
		{"acronym with space", head + "a,A,agency,,,A B,\n", 2, "acronym"},
		{"quote", head + "a,\"A,agency,,,,\n", 2, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(c.csv), "extra.csv")
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Load: %v, want a *ParseError", err)
			}
			if pe.File != "extra.csv" || pe.Line != c.line || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("error %q (line %d), want extra.csv:%d mentioning %q", err, pe.Line, c.line, c.msg)
			}
			if !errors.Is(err, ErrBadRow) {
				t.Errorf("error %v does not wrap ErrBadRow", err)
			}
		})
	}
}

func TestMerge(t *testing.T) {
	reg := defaultRegistry(t)
	n := reg.Len()
	extra := "id,name,kind,parent,aliases,acronyms,same_as\n" +
		"hounslow-youth-partnership,Hounslow Youth Partnership,charity,london-borough-of-hounslow,Hounslow Youth,HYP,\n" +
		"metropolitan-police-service,Metropolitan Police Service,police,,the Met|Met Police,MPS|MetPol,http://www.wikidata.org/entity/Q1139213\n"
	if err := reg.Merge(strings.NewReader(extra), "mine.csv"); err != nil {
		t.Fatal(err)
	}
	if reg.Len() != n+1 {
		t.Errorf("Len = %d, want %d (one added, one replaced)", reg.Len(), n+1)
	}
	if b := reg.Lookup("HYP"); b == nil || b.Parent != "london-borough-of-hounslow" {
		t.Errorf("Lookup(HYP) = %+v", b)
	}
	met := reg.Lookup("MetPol")
	if met == nil || met.ID != "metropolitan-police-service" || reg.Lookup("Scotland Yard") != nil {
		t.Errorf("the override should replace the Met's forms: MetPol -> %v, Scotland Yard -> %v", met, reg.Lookup("Scotland Yard"))
	}
	ms := NewDetector(reg).Scanner().Find("HYP and MetPol and Scotland Yard")
	if got := found(ms); len(got) != 2 {
		t.Errorf("detector over the merged registry found %q", got)
	}
}

func TestKeyAndSlug(t *testing.T) {
	for _, c := range []struct{ in, key, slug string }{
		{"The Evening Standard", "evening standard", "the-evening-standard"},
		{"Mayor’s Office for Policing and Crime", "mayor's office for policing and crime", "mayors-office-for-policing-and-crime"},
		{"HM Revenue & Customs", "hm revenue and customs", "hm-revenue-and-customs"},
		{"Department for Environment, Food and Rural Affairs", "department for environment food and rural affairs", "department-for-environment-food-and-rural-affairs"},
		{"Sinn Féin", "sinn féin", "sinn-fein"},
		{"Metropolitan\u00a0Police", "metropolitan police", "metropolitan-police"},
	} {
		if got := Key(c.in); got != c.key {
			t.Errorf("Key(%q) = %q, want %q", c.in, got, c.key)
		}
		if got := slug.Of(c.in); got != c.slug {
			t.Errorf("Slug(%q) = %q, want %q", c.in, got, c.slug)
		}
	}
}

// TestColumnsByName: a bodies file's columns are found by their header, in
// any order and beside columns the registry does not read; an error names
// the column of the bad field.
func TestColumnsByName(t *testing.T) {
	const data = "source,same_as,acronyms,aliases,parent,kind,name,id\n" +
		"https://example.org/list,https://example.org/x,XB,the X,,agency,X Board,x-board\n"
	reg, err := Load(strings.NewReader(data), "extra.csv")
	if err != nil {
		t.Fatal(err)
	}
	b := reg.Lookup("XB")
	if b == nil || b.ID != "x-board" || b.Name != "X Board" || b.Kind != "agency" || len(b.SameAs) != 1 || reg.Lookup("the X") != b {
		t.Errorf("got %+v", b)
	}
	_, err = Load(strings.NewReader("name,id,kind,parent,aliases,acronyms,same_as\nX Board,x-board,club,,,,\n"), "extra.csv")
	if err == nil || !strings.HasPrefix(err.Error(), "extra.csv:2:17: ") {
		t.Errorf("bad kind: %v, want an error at extra.csv:2:17", err)
	}
}

// Bodies with dates say where the dates come from, and do not end before
// they begin; a bad date is a positioned error.
func TestRegistryDates(t *testing.T) {
	for _, b := range defaultRegistry(t).Bodies() {
		if (b.From != "" || b.Until != "") && b.Source == "" {
			t.Errorf("%s: dated %q-%q with no source", b.ID, b.From, b.Until)
		}
		if b.From != "" && b.Until != "" && b.Until < b.From {
			t.Errorf("%s: until %s before from %s", b.ID, b.Until, b.From)
		}
	}
	_, err := Load(strings.NewReader("id,name,kind,parent,aliases,acronyms,same_as,source,from,until\nx,X Board,agency,,,,,a list,2001,31/03/2012\n"), "dates.csv")
	if err == nil || !strings.Contains(err.Error(), "dates.csv:2") || !strings.Contains(err.Error(), "until") {
		t.Errorf("bad until date: got %v, want an error at dates.csv:2 naming until", err)
	}
}

// TestRegistryTraced checks that every registry body the project's research
// lists name (research/identifiers.csv, research/bodies-ids-2.csv, beside
// the repository) carries a source, and reports how many rows have one.
func TestRegistryTraced(t *testing.T) {
	reg := defaultRegistry(t)
	forms := map[string][]*Body{}
	for _, b := range reg.Bodies() {
		for _, f := range append(append([]string{b.Name}, b.Aliases...), b.Acronyms...) {
			forms[Key(f)] = append(forms[Key(f)], b)
		}
		for _, iri := range b.SameAs {
			forms[iri] = append(forms[iri], b)
		}
	}
	lists := 0
	for _, list := range []struct {
		file      string
		name, iri string // columns
		skipKinds []string
	}{
		{"research/identifiers.csv", "name", "iri", []string{"person", "place", "legislation", "position", "party-status"}},
		{"research/bodies-ids-2.csv", "name", "", nil},
	} {
		path := corpus.Path(list.file)
		if path == "" {
			continue
		}
		lists++
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", list.file, err)
		}
		col := func(name string) int { return slices.Index(rows[0], name) }
		nameCol, iriCol, kindCol := col(list.name), col(list.iri), col("kind")
		for i, r := range rows[1:] {
			if kindCol >= 0 && slices.Contains(list.skipKinds, r[kindCol]) {
				continue
			}
			name := strings.TrimSpace(regexp.MustCompile(`\s*\([^)]*\)$`).ReplaceAllString(r[nameCol], ""))
			bs := forms[Key(name)]
			if iriCol >= 0 {
				bs = append(bs, forms[r[iriCol]]...)
			}
			for _, b := range bs {
				if b.Source == "" {
					t.Errorf("%s:%d: %q is registry body %s, which names no source", list.file, i+2, r[nameCol], b.ID)
				}
			}
		}
	}
	if lists == 0 {
		t.Skip("no research lists beside the repository")
	}
	sourced := 0
	for _, b := range reg.Bodies() {
		if b.Source != "" {
			sourced++
		}
	}
	t.Logf("%d of %d registry bodies name their source list", sourced, reg.Len())
}
