package storetest

import (
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/ontology"
)

// provWasAttributedTo links a graph to the software that wrote it.
const provWasAttributedTo = quad.IRI(ontology.PROV + "wasAttributedTo")

// B mints a data IRI under the default base.
func B(rel string) quad.IRI { return quad.IRI(ontology.DefaultBase + rel) }

func date(d string) quad.Value {
	return quad.TypedString{Value: quad.String(d), Type: ontology.XSDDate}
}
func integer(n int) quad.Value {
	return quad.TypedString{Value: quad.String(fmt.Sprint(n)), Type: ontology.XSDInteger}
}
func nonNeg(n int) quad.Value {
	return quad.TypedString{Value: quad.String(fmt.Sprint(n)), Type: ontology.XSDNonNegativeInteger}
}
func decimal(s string) quad.Value {
	return quad.TypedString{Value: quad.String(s), Type: ontology.XSDDecimal}
}

// builder collects the triples of one named graph.
type builder struct {
	label quad.IRI
	quads []quad.Quad
}

func (b *builder) add(s quad.IRI, p quad.IRI, o any) {
	var v quad.Value
	switch o := o.(type) {
	case string:
		v = quad.String(o)
	case quad.Value:
		v = o
	default:
		panic(fmt.Sprintf("storetest: unexpected object %T", o))
	}
	b.quads = append(b.quads, quad.Quad{Subject: s, Predicate: p, Object: v, Label: b.label})
}

// Shared people, bodies, roles and posts.
var (
	Sadiq    = B("person/sadiq-khan")
	Len      = B("person/len-duvall")
	Caroline = B("person/caroline-pidgeon")
	MPS      = B("body/metropolitan-police-service")
	TfL      = B("body/transport-for-london")
	Assembly = B("body/london-assembly")
	Mayor    = B("post/mayor-of-london")
	MayorR   = B("role/mayor")
)

func (b *builder) person(p quad.IRI, name, wikidata string) {
	b.add(p, ontology.RDFType, ontology.FOAFPerson)
	b.add(p, ontology.RDFType, ontology.SchemaPerson)
	b.add(p, ontology.FOAFName, name)
	if wikidata != "" {
		b.add(p, ontology.SchemaSameAs, quad.IRI("http://www.wikidata.org/entity/"+wikidata))
	}
}

func (b *builder) body(o quad.IRI, name, alias, kind, wikidata string) {
	b.add(o, ontology.RDFType, ontology.OrgOrganization)
	b.add(o, ontology.SKOSPrefLabel, name)
	if alias != "" {
		b.add(o, ontology.SKOSAltLabel, alias)
	}
	b.add(o, ontology.OrgClassification, B("kind/"+kind))
	if wikidata != "" {
		b.add(o, ontology.SchemaSameAs, quad.IRI("http://www.wikidata.org/entity/"+wikidata))
	}
}

func (b *builder) shared() {
	b.person(Sadiq, "Sadiq Khan", "Q334155")
	b.add(Sadiq, ontology.HonorificPrefix, "Mayor")
	b.person(Len, "Len Duvall", "")
	b.add(Len, ontology.HonorificSuffix, "OBE")
	b.person(Caroline, "Caroline Pidgeon", "")
	b.body(MPS, "Metropolitan Police Service", "MPS", "police", "Q1320976")
	b.add(MPS, ontology.SKOSAltLabel, "the Met")
	b.body(TfL, "Transport for London", "TfL", "transport", "Q682520")
	b.body(Assembly, "London Assembly", "", "legislature", "")
	b.add(MayorR, ontology.RDFType, ontology.OrgRole)
	b.add(MayorR, ontology.RDFType, ontology.SKOSConcept)
	b.add(MayorR, ontology.SKOSPrefLabel, "Mayor")
	b.add(Mayor, ontology.RDFType, ontology.OrgPost)
	b.add(Mayor, ontology.SKOSPrefLabel, "Mayor of London")
	b.add(Mayor, ontology.OrgRoleP, MayorR)
	m := B("membership/sadiq-khan/mayor-of-london/2016-05-09")
	b.add(m, ontology.RDFType, ontology.OrgMembership)
	b.add(m, ontology.OrgMember, Sadiq)
	b.add(m, ontology.OpenGovPost, Mayor)
	b.add(m, ontology.OrgRoleP, MayorR)
	b.add(m, ontology.SchemaValidFrom, date("2016-05-09"))
}

// turnSpec describes one speech turn of the fixture.
type turnSpec struct {
	speaker  quad.IRI
	text     string
	mentions []mentionSpec
}

type mentionSpec struct {
	body   quad.IRI
	anchor string
}

type claimSpec struct {
	turn   int
	kind   quad.IRI
	about  quad.IRI
	text   string
	value  string
	unit   string
	period string
	// figure is the figure or cue words the claim is found by, in the
	// turn's text; the claim is named by their place in the transcript.
	figure string
}

// figureSpan returns the code points of the claim's figure in the text of
// the transcript made of turns.
func (c claimSpec) figureSpan(turns []turnSpec) (begin, end int) {
	for _, t := range turns[:c.turn] {
		begin += len([]rune(t.text)) + 1
	}
	i := indexRunes([]rune(turns[c.turn].text), []rune(c.figure), 0)
	if i < 0 {
		panic("storetest: figure " + c.figure + " not in turn text")
	}
	return begin + i, begin + i + len([]rune(c.figure))
}

// transcriptSpec describes one transcript of the fixture.
type transcriptSpec struct {
	day, slug, title string
	asker, answerer  quad.IRI
	turns            []turnSpec
	claims           []claimSpec
}

// transcript builds one named graph: one session, one question item, with
// the IRIs mapping mints for the same transcript (TestFixtureIRIsAsMapped
// holds them together).
func transcript(day, slug, title string, asker, answerer quad.IRI, turns []turnSpec, claims []claimSpec) store.Graph {
	key := day + "/" + slug
	b := &builder{label: B("graph/" + key)}
	b.shared()
	session := B("session/" + day)
	b.add(session, ontology.RDFType, ontology.SchemaEvent)
	b.add(session, ontology.SchemaName, "Mayor's Question Time, "+day)
	b.add(session, ontology.SchemaStartDate, date(day))
	b.add(session, ontology.SchemaOrganizer, Assembly)
	item := B("question/" + key)
	textNode := B("question/" + key + "/text")
	source := day + "-" + slug + ".txt"
	b.add(item, ontology.RDFType, ontology.SchemaQuestion)
	b.add(item, ontology.DCTTitle, title)
	b.add(item, ontology.DCTDate, date(day))
	b.add(item, ontology.DCTIsPartOf, session)
	b.add(item, ontology.SchemaAuthor, asker)
	b.add(item, ontology.AskedOf, Sadiq)
	b.add(item, ontology.AnsweredBy, answerer)
	b.add(item, ontology.DCTSource, source)
	var whole string
	for _, t := range turns {
		whole += t.text + "\n"
	}
	b.add(textNode, ontology.RDFType, ontology.NIFContext)
	b.add(textNode, ontology.RDFType, ontology.SourceText)
	b.add(textNode, ontology.NIFIsString, whole)
	b.add(textNode, ontology.DCTSource, source)
	offset := 0
	turnIRIs := make([]quad.IRI, len(turns))
	for n, t := range turns {
		turn := B(fmt.Sprintf("question/%s/turn/%d", key, n))
		turnIRIs[n] = turn
		begin, end := offset, offset+len([]rune(t.text))
		b.add(turn, ontology.RDFType, ontology.OpenGovSpeech)
		b.add(turn, ontology.RDFType, ontology.NIFString)
		b.add(turn, ontology.SchemaCreator, t.speaker)
		b.add(turn, ontology.SchemaText, t.text)
		b.add(turn, ontology.SchemaPosition, integer(n))
		b.add(turn, ontology.DCTIsPartOf, item)
		b.add(turn, ontology.DCTDate, date(day))
		b.add(turn, ontology.NIFReferenceContext, textNode)
		b.add(turn, ontology.NIFBeginIndex, nonNeg(begin))
		b.add(turn, ontology.NIFEndIndex, nonNeg(end))
		if t.speaker == Sadiq {
			b.add(turn, ontology.OpenGovRole, MayorR)
			b.add(turn, ontology.AttributionText, "The Mayor (Sadiq Khan)")
		}
		searchFrom := 0
		runes := []rune(t.text)
		for _, m := range t.mentions {
			i := indexRunes(runes, []rune(m.anchor), searchFrom)
			if i < 0 {
				panic("storetest: anchor " + m.anchor + " not in turn text")
			}
			searchFrom = i + 1
			mb, me := begin+i, begin+i+len([]rune(m.anchor))
			mention := B(fmt.Sprintf("question/%s/text#char=%d,%d", key, mb, me))
			b.add(mention, ontology.RDFType, ontology.NIFPhrase)
			b.add(mention, ontology.RDFType, ontology.Mention)
			b.add(mention, ontology.NIFReferenceContext, textNode)
			b.add(mention, ontology.NIFBeginIndex, nonNeg(mb))
			b.add(mention, ontology.NIFEndIndex, nonNeg(me))
			b.add(mention, ontology.NIFAnchorOf, m.anchor)
			b.add(mention, ontology.ITSTaIdentRef, m.body)
			b.add(mention, ontology.InTurn, turn)
			b.add(turn, ontology.SchemaMentions, m.body)
		}
		offset = end + 1
	}
	for _, c := range claims {
		fb, fe := c.figureSpan(turns)
		claim := B(fmt.Sprintf("question/%s/claim/%d-%d", key, fb, fe))
		b.add(claim, ontology.RDFType, ontology.Statement)
		if c.kind == ontology.NumericClaim {
			b.add(claim, ontology.RDFType, ontology.SchemaClaim)
		}
		b.add(claim, ontology.RDFType, c.kind)
		b.add(claim, ontology.SchemaAuthor, turns[c.turn].speaker)
		b.add(claim, ontology.SchemaAppearance, turnIRIs[c.turn])
		b.add(claim, ontology.SchemaAbout, c.about)
		b.add(claim, ontology.SchemaText, c.text)
		b.add(claim, ontology.NIFReferenceContext, textNode)
		if c.period != "" {
			b.add(claim, ontology.SchemaTemporalCoverage, c.period)
		}
		if c.value != "" {
			q := claim + "/quantity"
			b.add(claim, ontology.Quantity, q)
			b.add(q, ontology.RDFType, ontology.SchemaQuantitativeValue)
			b.add(q, ontology.SchemaValue, decimal(c.value))
			b.add(q, ontology.SchemaUnitText, c.unit)
		}
	}
	g := b.label
	b.add(g, ontology.RDFType, ontology.ProvEntity)
	b.add(g, ontology.ProvWasDerivedFrom, textNode)
	b.add(g, provWasAttributedTo, B("software/assemblykg/test"))
	b.add(g, ontology.DCTDate, date(day))
	return store.Graph{Label: b.label, Quads: b.quads}
}

func indexRunes(s, sub []rune, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if string(s[i:i+len(sub)]) == string(sub) {
			return i
		}
	}
	return -1
}

// Graph labels of the fixture.
var (
	Slavery = B("graph/2017-10-12/modern-day-slavery")
	Fares   = B("graph/2018-01-18/fares")
)

// Fixture returns two transcripts that share people and bodies: a question
// on modern day slavery (2017-10-12) and one on fares (2018-01-18).
func Fixture() []store.Graph {
	return []store.Graph{slavery(), fares(false)}
}

// ChangedFares is the fares transcript after a correction: Caroline
// Pidgeon's question no longer links TfL, and the Mayor's answer mentions
// the MPS twice.
func ChangedFares() store.Graph { return fares(true) }

func (sp transcriptSpec) graph() store.Graph {
	return transcript(sp.day, sp.slug, sp.title, sp.asker, sp.answerer, sp.turns, sp.claims)
}

func slavery() store.Graph { return slaverySpec().graph() }

func slaverySpec() transcriptSpec {
	return transcriptSpec{"2017-10-12", "modern-day-slavery", "Modern Day Slavery", Len, Sadiq,
		[]turnSpec{
			{Len, "What is the MPS doing about modern slavery?", []mentionSpec{{MPS, "MPS"}}},
			{Sadiq, "The MPS made 1,500 arrests; the MPS works with TfL on this.", []mentionSpec{{MPS, "MPS"}, {MPS, "MPS"}, {TfL, "TfL"}}},
			{Len, "And what about TfL staff?", []mentionSpec{{TfL, "TfL"}}},
		},
		[]claimSpec{{turn: 1, kind: ontology.NumericClaim, about: MPS, text: "The MPS made 1,500 arrests; the MPS works with TfL on this.", value: "1500", unit: "arrests", period: "2016/17", figure: "1,500"}},
	}
}

func fares(changed bool) store.Graph { return faresSpec(changed).graph() }

func faresSpec(changed bool) transcriptSpec {
	turns := []turnSpec{
		{Caroline, "Will TfL freeze fares?", []mentionSpec{{TfL, "TfL"}}},
		{Sadiq, "TfL will freeze fares and the MPS will patrol stations.", []mentionSpec{{TfL, "TfL"}, {MPS, "MPS"}}},
	}
	if changed {
		turns[0].mentions = nil
		turns[1].text = "TfL will freeze fares and the MPS will patrol stations with the MPS."
		turns[1].mentions = append(turns[1].mentions, mentionSpec{MPS, "MPS"})
	}
	return transcriptSpec{"2018-01-18", "fares", "Fares", Caroline, Sadiq, turns,
		[]claimSpec{{turn: 1, kind: ontology.Commitment, about: TfL, text: "TfL will freeze fares.", figure: "will"}},
	}
}
