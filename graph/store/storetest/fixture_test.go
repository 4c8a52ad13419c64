package storetest

import (
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/bodies"
	mt "github.com/assemblykg/assemblykg/mapping/transcript"
	"github.com/assemblykg/assemblykg/ontology"
)

// TestFixtureIRIsAsMapped: the fixture's graphs name their questions,
// turns, text, mentions, claims and quantities with the IRIs mapping mints
// for the same transcript and findings, so the store is tested on the
// shapes it is loaded with.
func TestFixtureIRIsAsMapped(t *testing.T) {
	m, err := mapping.New(mapping.Config{Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, sp := range []transcriptSpec{slaverySpec(), faresSpec(false), faresSpec(true)} {
		tr, f := sp.asMapped()
		mapped := m.Map(tr, f)
		fixture := sp.graph()
		if fixture.Label != mapped.Label {
			t.Errorf("graph %s, mapping mints %s", fixture.Label, mapped.Label)
		}
		got, want := minted(fixture.Quads), minted(mapped.Quads)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: fixture names\n%s\nmapping mints\n%s", sp.slug, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// asMapped is the transcript and findings the spec describes, as the
// reader and the detectors would give them.
func (sp transcriptSpec) asMapped() (*mt.Transcript, mapping.Findings) {
	speaker := func(p quad.IRI) mt.Speaker {
		id := strings.TrimPrefix(string(p), string(B("person/")))
		return mt.Speaker{Name: id, PersonID: id}
	}
	asker := speaker(sp.asker)
	tr := &mt.Transcript{
		File: sp.day + "-" + sp.slug + ".txt", Title: sp.title, SessionDate: sp.day,
		QuestionBy: &asker, AskedOf: []mt.Speaker{speaker(Sadiq)}, AnsweredBy: []mt.Speaker{speaker(sp.answerer)},
	}
	var f mapping.Findings
	offset := 0
	for n, ts := range sp.turns {
		runes := []rune(ts.text)
		turn := mt.Turn{Position: n, Speaker: speaker(ts.speaker), Text: ts.text,
			TextSpan: mt.Span{Begin: offset, End: offset + len(runes)}}
		tr.Turns = append(tr.Turns, turn)
		tr.Text += ts.text + "\n"
		from := 0
		for _, ms := range ts.mentions {
			i := indexRunes(runes, []rune(ms.anchor), from)
			from = i + 1
			f.Mentions = append(f.Mentions, mapping.Mention{Body: body(ms.body), Surface: ms.anchor,
				Begin: offset + i, End: offset + i + len([]rune(ms.anchor)), Turn: n})
		}
		offset += len(runes) + 1
	}
	tr.Length = len([]rune(tr.Text))
	kinds := map[quad.IRI]mapping.ClaimKind{ontology.NumericClaim: mapping.NumericClaim, ontology.Commitment: mapping.Commitment}
	for _, c := range sp.claims {
		fb, fe := c.figureSpan(sp.turns)
		f.Claims = append(f.Claims, mapping.Claim{Kind: kinds[c.kind], Turn: c.turn, Sentence: c.text, FigureBegin: fb, FigureEnd: fe,
			Value: c.value, Unit: c.unit, Period: c.period, About: []*bodies.Body{body(c.about)}})
	}
	return tr, f
}

func body(iri quad.IRI) *bodies.Body {
	id := strings.TrimPrefix(string(iri), string(B("body/")))
	return &bodies.Body{ID: id, Name: id}
}

// minted lists, sorted, the subjects of one transcript's own resources:
// its graph, question, text, turns, mentions, claims and quantities.
func minted(qs []quad.Quad) []string {
	own := map[quad.IRI]bool{
		ontology.ProvEntity: true, ontology.SchemaQuestion: true, ontology.NIFContext: true,
		ontology.OpenGovSpeech: true, ontology.Mention: true, ontology.SchemaClaim: true, ontology.Statement: true,
		ontology.SchemaQuantitativeValue: true,
	}
	seen := map[string]bool{}
	var out []string
	for _, q := range qs {
		if c, ok := q.Object.(quad.IRI); ok && q.Predicate == ontology.RDFType && own[c] {
			s := string(q.Subject.(quad.IRI)) + " a " + string(c)
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.Strings(out)
	return out
}
