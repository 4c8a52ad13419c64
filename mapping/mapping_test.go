package mapping_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/bodies"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

const src = "Fares\n\nMQT on 2017-07-13\nSession date: \nJuly 13, 2017\nQuestion By: \nCaroline Pidgeon MBE\nLiberal Democrats\nAsked Of: \nThe Mayor\n\n\nWill TfL freeze fares?\n\n\nAnswer for Fares\n\nAnswered By: \nThe Mayor\n\nSadiq Khan (Mayor of London):  Yes. TfL has frozen 4 fares.\n"

func mapOne(t testing.TB, base, text string) mapping.Graph {
	t.Helper()
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	tr, err := transcript.NewReader(reg).Parse("fares.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	breg, err := bodies.Default()
	if err != nil {
		t.Fatal(err)
	}
	tfl := breg.Lookup("TfL")
	var f mapping.Findings
	for _, turn := range tr.Turns {
		if i := strings.Index(turn.Text, "TfL"); i >= 0 {
			f.Mentions = append(f.Mentions, mapping.Mention{Body: tfl, Surface: "TfL", Begin: turn.TextSpan.Begin + i, End: turn.TextSpan.Begin + i + 3, Turn: turn.Position})
		}
	}
	m, err := mapping.New(mapping.Config{Base: base, Version: "test", People: reg, Bodies: breg})
	if err != nil {
		t.Fatal(err)
	}
	return m.Map(tr, f)
}

// has tells whether g's own quads or its register quads hold the triple.
func has(g mapping.Graph, s, p string, o quad.Value) bool {
	for _, q := range append(g.Quads[:len(g.Quads):len(g.Quads)], g.Register...) {
		if q.Subject == quad.IRI(s) && q.Predicate == quad.IRI(p) && q.Object == o {
			return true
		}
	}
	return false
}

func TestMapDeterministic(t *testing.T) {
	a, b := mapOne(t, ontology.DefaultBase, src), mapOne(t, ontology.DefaultBase, src)
	if len(a.Quads) != len(b.Quads) {
		t.Fatalf("%d vs %d quads", len(a.Quads), len(b.Quads))
	}
	for i := range a.Quads {
		if a.Quads[i] != b.Quads[i] {
			t.Fatalf("quad %d differs: %v vs %v", i, a.Quads[i], b.Quads[i])
		}
		if a.Quads[i].Label != a.Label {
			t.Fatalf("quad %d outside the transcript's graph", i)
		}
	}
	if a.Label != quad.IRI(ontology.DefaultBase+"graph/2017-07-13/fares") {
		t.Errorf("graph label %s", a.Label)
	}
}

func TestMapShape(t *testing.T) {
	const base = "http://example.org/kg/"
	g := mapOne(t, base, src)
	item := base + "question/2017-07-13/fares"
	turn := item + "/turn/1"
	for _, c := range []struct {
		s, p string
		o    quad.Value
	}{
		{item, string(ontology.DCTTitle), quad.String("Fares")},
		{item, string(ontology.SchemaAuthor), quad.IRI(base + "person/caroline-pidgeon")},
		{item, string(ontology.AskedOf), quad.IRI(base + "person/sadiq-khan")},
		{turn, string(ontology.SchemaCreator), quad.IRI(base + "person/sadiq-khan")},
		{turn, string(ontology.OpenGovRole), quad.IRI(base + "role/mayor-of-london")},
		{turn, string(ontology.SchemaMentions), quad.IRI(base + "body/transport-for-london")},
		{base + "person/caroline-pidgeon", string(ontology.HonorificSuffix), quad.String("MBE")},
		{base + "body/transport-for-london", string(ontology.SchemaSameAs), quad.IRI("http://www.wikidata.org/entity/Q682520")},
	} {
		if !has(g, c.s, c.p, c.o) {
			t.Errorf("missing <%s> <%s> %v", c.s, c.p, c.o)
		}
	}
	// The mention's IRI names its range of the source text (RFC 5147).
	runes := []rune(src)
	found := false
	for _, q := range g.Quads {
		if q.Predicate == ontology.NIFAnchorOf {
			s := string(q.Subject.(quad.IRI))
			var b, e int
			if _, err := fmt.Sscanf(s[strings.Index(s, "#char=")+6:], "%d,%d", &b, &e); err != nil {
				t.Fatal(err)
			}
			if string(runes[b:e]) != "TfL" {
				t.Errorf("mention %s covers %q", s, string(runes[b:e]))
			}
			found = true
		}
	}
	if !found {
		t.Error("no mention written")
	}
}

func ExampleKey() {
	t := &transcript.Transcript{Text: "Unknown\n", SessionDate: "2013-05-22"}
	fmt.Println(mapping.Key(t))
	t.Title = "Garden Bridge (3)"
	fmt.Println(mapping.Key(t))
	// Output:
	// 2013-05-22/untitled-c80c3db2
	// 2013-05-22/garden-bridge-3
}

// TestLinks: a link names its subject by a body, a person, a body's name
// or one of our IRIs; a subject that names nothing is an error at its line.
func TestLinks(t *testing.T) {
	const base = "http://example.org/kg/"
	links := []bodies.Link{
		{Subject: "TfL", SameAs: "https://example.org/tfl", File: "l.csv", Line: 2},
		{Subject: "Sadiq Khan", SameAs: "https://example.org/sadiq", File: "l.csv", Line: 3},
	}
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	m, err := mapping.New(mapping.Config{Base: base, Version: "test", People: reg, Links: links})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := transcript.NewReader(reg).Parse("fares.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	g := m.Map(tr, m.Find(tr))
	for _, c := range [][2]string{
		{base + "body/transport-for-london", "https://example.org/tfl"},
		{base + "person/sadiq-khan", "https://example.org/sadiq"},
	} {
		if !has(g, c[0], string(ontology.SchemaSameAs), quad.IRI(c[1])) {
			t.Errorf("%s lacks sameAs %s", c[0], c[1])
		}
	}
	_, err = mapping.New(mapping.Config{Links: []bodies.Link{{Subject: "!!", SameAs: "https://example.org/x", File: "l.csv", Line: 7}}})
	if err == nil || !strings.HasPrefix(err.Error(), "l.csv:7: ") {
		t.Errorf("link naming nothing: %v; want an error at l.csv:7", err)
	}
}

func ExampleMapper_Find() {
	m, err := mapping.New(mapping.Config{Version: "example"})
	if err != nil {
		panic(err)
	}
	t, err := transcript.NewReader(nil).Parse("fares.txt", []byte(src))
	if err != nil {
		panic(err)
	}
	f := m.Find(t)
	for _, mn := range f.Mentions {
		fmt.Println(mn.Surface, "→", mn.Body.ID)
	}
	g := m.Map(t, f)
	fmt.Println(string(g.Label))
	// Output:
	// TfL → transport-for-london
	// TfL → transport-for-london
	// https://w3id.org/assemblykg/id/graph/2017-07-13/fares
}

// TestLabels: two transcripts with the same date and title are both kept,
// the second re-keyed after its text; the same text twice is an error.
func TestLabels(t *testing.T) {
	var l mapping.Labels
	a := mapOne(t, ontology.DefaultBase, src)
	other := mapOne(t, ontology.DefaultBase, strings.Replace(src, "Will TfL freeze fares?", "Will TfL cut fares?", 1))
	if _, err := l.Add(a, "a.txt"); err != nil {
		t.Fatal(err)
	}
	b, err := l.Add(other, "b.txt")
	if err != nil {
		t.Fatal(err)
	}
	if b.Label == a.Label || !strings.HasPrefix(string(b.Label), string(a.Label)+"-") {
		t.Errorf("second transcript's graph %s, want %s-HASH", b.Label, a.Label)
	}
	item := strings.Replace(string(b.Label), "/graph/", "/question/", 1)
	turns := 0
	for _, q := range b.Quads {
		for _, v := range []quad.Value{q.Subject, q.Object, q.Label} {
			if iri, ok := v.(quad.IRI); ok && strings.Contains(string(iri), "/"+a.Key) && !strings.Contains(string(iri), "/"+b.Key) {
				t.Errorf("IRI of the first transcript's key left: %v", q)
			}
		}
		if q.Predicate == ontology.DCTIsPartOf && strings.Contains(string(q.Subject.(quad.IRI)), "/turn/") {
			turns++
			if q.Object != quad.IRI(item) {
				t.Errorf("turn not part of the re-keyed question: %v", q)
			}
		}
	}
	if turns == 0 {
		t.Error("no turns")
	}
	if _, err := l.Add(a, "d.txt"); err == nil || !strings.HasPrefix(err.Error(), "d.txt: the same transcript as a.txt") {
		t.Errorf("same text twice: %v", err)
	}
}

// A question whose header prints "Unknown" says which fields the
// transcript does not state; a full header says none.
func TestNotStated(t *testing.T) {
	unknown := "Unknown\n\nUnknown\nSession date: \nUnknown\nQuestion By: \nUnknown\nUnknown\nAsked Of: \nThe Mayor\n\n\nWill TfL freeze fares?\n\n\nAnswer for Unknown\n\nAnswered By: \nThe Mayor\n\nSadiq Khan (Mayor of London):  Yes.\n"
	notStated := func(g mapping.Graph) []string {
		var out []string
		for _, q := range g.Quads {
			if q.Predicate == ontology.NotStated {
				out = append(out, string(q.Object.(quad.IRI)))
			}
		}
		return out
	}
	want := []string{string(ontology.DCTTitle), string(ontology.DCTDate), string(ontology.SchemaAuthor)}
	if got := notStated(mapOne(t, ontology.DefaultBase, unknown)); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("not stated: %v, want %v", got, want)
	}
	if got := notStated(mapOne(t, ontology.DefaultBase, src)); len(got) != 0 {
		t.Errorf("full header: not stated %v", got)
	}
}

func TestCheckBase(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/id/": "https://example.org/id/",
		"https://example.org/id":  "https://example.org/id/",
		"http://example.org/ns#":  "http://example.org/ns#",
		"urn:example:kg":          "urn:example:kg/",
	} {
		if got, err := mapping.CheckBase(in); err != nil || got != want {
			t.Errorf("CheckBase(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "foo", "id/", "1http://x/", "http:", "https://exa mple.org/", "https://example.org/<x>/"} {
		if _, err := mapping.CheckBase(bad); err == nil {
			t.Errorf("CheckBase(%q): no error", bad)
		}
	}
	if _, err := mapping.New(mapping.Config{Base: "foo"}); err == nil {
		t.Error("New with a relative base: no error")
	}
}

// TestSourceURL: the page a sidecar file names is the question's
// schema:url and the source text's dct:source; without one, neither.
func TestSourceURL(t *testing.T) {
	const base = "http://example.org/kg/"
	reg, err := people.Default()
	if err != nil {
		t.Fatal(err)
	}
	tr, err := transcript.NewReader(reg).Parse("fares.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m, err := mapping.New(mapping.Config{Base: base, Version: "test", People: reg})
	if err != nil {
		t.Fatal(err)
	}
	item := base + "question/2017-07-13/fares"
	if g := m.Map(tr, mapping.Findings{}); has(g, item, string(ontology.SchemaURL), quad.IRI("https://example.org/q/1")) {
		t.Error("schema:url without a sidecar")
	}
	tr.SourceURL = "https://example.org/q/1"
	g := m.Map(tr, mapping.Findings{})
	if !has(g, item, string(ontology.SchemaURL), quad.IRI(tr.SourceURL)) {
		t.Error("question has no schema:url")
	}
	if !has(g, item+"/text", string(ontology.DCTSource), quad.IRI(tr.SourceURL)) {
		t.Error("source text has no dct:source")
	}
}

// newMapper returns a Mapper of cfg, with the shipped people register
// (returned too) when cfg names none and "test" as its version when it
// names none.
func newMapper(t testing.TB, cfg mapping.Config) (*mapping.Mapper, *people.Register) {
	t.Helper()
	if cfg.People == nil {
		reg, err := people.Default()
		if err != nil {
			t.Fatal(err)
		}
		cfg.People = reg
	}
	if cfg.Version == "" {
		cfg.Version = "test"
	}
	m, err := mapping.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return m, cfg.People
}
