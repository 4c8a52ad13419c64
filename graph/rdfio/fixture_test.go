package rdfio_test

import (
	"fmt"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/ontology"
)

const base = ontology.DefaultBase

func iri(s string) quad.IRI { return quad.IRI(base + s) }

func typed(v string, dt quad.IRI) quad.TypedString {
	return quad.TypedString{Value: quad.String(v), Type: dt}
}

func lang(v, tag string) quad.LangString {
	return quad.LangString{Value: quad.String(v), Lang: tag}
}

// fixture is a small transcript graph in the shape the mapping writes: two
// named graphs, shared nodes described again in each.
func fixture() []quad.Quad {
	var qs []quad.Quad
	add := func(g quad.Value, s quad.Value, p quad.IRI, o quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: g})
	}
	for _, t := range []struct{ date, slug, title, text string }{
		{"2017-10-12", "modern-day-slavery", "Modern Day Slavery", "What is the Mayor doing about \"modern day slavery\"?\nThe MPS says: 1,200 arrests."},
		{"2018-03-22", "knife-crime", "Knife Crime", "Will you fund the Met’s Violent Crime Taskforce – £15m?"},
	} {
		key := t.date + "/" + t.slug
		g := iri("graph/" + key)
		person := iri("person/sadiq-khan")
		asker := iri("person/caroline-pidgeon")
		body := iri("body/metropolitan-police-service")
		session := iri("session/" + t.date)
		question := iri("question/" + key)
		text := iri("question/" + key + "/text")
		add(g, g, ontology.RDFType, ontology.ProvEntity)
		add(g, g, ontology.ProvWasDerivedFrom, text)
		add(g, g, ontology.DCTDate, typed(t.date, ontology.XSDDate))
		add(g, person, ontology.RDFType, ontology.FOAFPerson)
		add(g, person, ontology.RDFType, ontology.SchemaPerson)
		add(g, person, ontology.FOAFName, quad.String("Sadiq Khan"))
		add(g, person, ontology.SchemaSameAs, quad.IRI("http://www.wikidata.org/entity/Q334155"))
		add(g, asker, ontology.RDFType, ontology.FOAFPerson)
		add(g, asker, ontology.FOAFName, quad.String("Caroline Pidgeon"))
		add(g, asker, ontology.HonorificSuffix, quad.String("MBE"))
		add(g, body, ontology.RDFType, ontology.OrgOrganization)
		add(g, body, ontology.SKOSPrefLabel, quad.String("Metropolitan Police Service"))
		add(g, body, ontology.SKOSAltLabel, quad.String("MPS"))
		add(g, body, ontology.SKOSAltLabel, quad.String("the Met"))
		add(g, body, ontology.SKOSAltLabel, lang("Police métropolitaine", "fr"))
		add(g, session, ontology.RDFType, ontology.SchemaEvent)
		add(g, session, ontology.SchemaName, lang("Mayor's Question Time", "en-GB"))
		add(g, session, ontology.SchemaStartDate, typed(t.date, ontology.XSDDate))
		add(g, question, ontology.RDFType, ontology.SchemaQuestion)
		add(g, question, ontology.DCTTitle, quad.String(t.title))
		add(g, question, ontology.DCTIsPartOf, session)
		add(g, question, ontology.SchemaAuthor, asker)
		add(g, question, ontology.AskedOf, person)
		add(g, question, ontology.DCTSource, quad.String(t.date+"-mqt.txt"))
		for n := 0; n < 2; n++ {
			turn := iri(fmt.Sprintf("question/%s/turn/%d", key, n))
			add(g, turn, ontology.RDFType, ontology.OpenGovSpeech)
			add(g, turn, ontology.RDFType, ontology.NIFString)
			add(g, turn, ontology.SchemaCreator, []quad.IRI{asker, person}[n])
			add(g, turn, ontology.SchemaText, quad.String(t.text))
			add(g, turn, ontology.SchemaPosition, typed(fmt.Sprint(n), ontology.XSDInteger))
			add(g, turn, ontology.DCTIsPartOf, question)
			add(g, turn, ontology.NIFReferenceContext, text)
			add(g, turn, ontology.NIFBeginIndex, typed(fmt.Sprint(n*100), ontology.XSDNonNegativeInteger))
			add(g, turn, ontology.NIFEndIndex, typed(fmt.Sprint(n*100+len([]rune(t.text))), ontology.XSDNonNegativeInteger))
			add(g, turn, ontology.SchemaMentions, body)
		}
		mention := iri(fmt.Sprintf("question/%s/text#char=%d,%d", key, 40, 43))
		add(g, mention, ontology.RDFType, ontology.NIFPhrase)
		add(g, mention, ontology.RDFType, ontology.Mention)
		add(g, mention, ontology.NIFAnchorOf, quad.String("MPS"))
		add(g, mention, ontology.ITSTaIdentRef, body)
		claim := iri(fmt.Sprintf("question/%s/turn/1/claim/0", key))
		add(g, claim, ontology.RDFType, ontology.SchemaClaim)
		add(g, claim, ontology.RDFType, ontology.NumericClaim)
		add(g, claim, ontology.Quantity, iri(fmt.Sprintf("question/%s/turn/1/claim/0/quantity", key)))
		qv := iri(fmt.Sprintf("question/%s/turn/1/claim/0/quantity", key))
		add(g, qv, ontology.RDFType, ontology.SchemaQuantitativeValue)
		add(g, qv, ontology.SchemaValue, typed("1200", ontology.XSDDecimal))
		add(g, qv, ontology.SchemaUnitText, quad.String("arrests"))
		add(g, text, ontology.RDFType, ontology.NIFContext)
		add(g, text, ontology.NIFIsString, quad.String(t.text+"\n\tEnd of transcript.\r\n"))
	}
	return qs
}

// edgeCases holds terms that are hard to write: escapes, non-ASCII text,
// local names no prefixed name can carry, every literal kind, and quads in
// the default graph mixed with named graphs.
func edgeCases() []quad.Quad {
	ns := ontology.AKG
	s := quad.IRI(ns + "edge")
	g1 := iri("graph/edge/one")
	g2 := quad.IRI("http://example.org/graph#two")
	var qs []quad.Quad
	add := func(g quad.Value, s quad.Value, p quad.IRI, o quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: g})
	}
	texts := []string{
		`quote " and 'single'`, `back\slash \n not a newline`, "new\nline", "carriage\rreturn\r\n",
		"tab\there", "<angle> & {brace} |pipe| ^caret^ `tick`", "accents: é è ü ß Ø",
		"CJK: 倫敦議會 ロンドン", "emoji: 🚇🇬🇧", "nbsp:\u00a0between", "controls:\x01\x08\x0c\x1f\x7f",
		"line sep:\u2028para sep:\u2029", "", " ", "ends with backslash\\", `"""triple"""`,
		"@not a lang", "^^<notatype>", "_:notablank", "# not a comment", "a . b ; c , d",
	}
	for _, t := range texts {
		add(g1, s, ontology.SchemaText, quad.String(t))
	}
	add(g1, s, ontology.SchemaName, lang("Colour", "en-GB"))
	add(g1, s, ontology.SchemaName, lang("Color", "en-US"))
	add(g1, s, ontology.SchemaName, lang("倫敦", "zh-Hant-TW"))
	add(g1, s, ontology.SchemaName, lang("London \"quoted\"\n", "en"))
	add(g1, s, ontology.SchemaValue, typed("42", ontology.XSDInteger))
	add(g1, s, ontology.SchemaValue, typed("-0.50", ontology.XSDDecimal))
	add(g1, s, ontology.SchemaValue, typed("1.5E3", ontology.XSDDouble))
	add(g1, s, ontology.SchemaValue, typed("2", ontology.XSDDouble))
	add(g1, s, ontology.SchemaValue, typed("true", ontology.XSDBoolean))
	add(g1, s, ontology.SchemaValue, typed("1", ontology.XSDBoolean))
	add(g1, s, ontology.SchemaValue, typed("2017-10-12", ontology.XSDDate))
	add(g1, s, ontology.SchemaValue, typed("12 apples", ontology.XSDInteger))
	add(g1, s, ontology.SchemaValue, typed("2017-10-12T10:00:00Z", quad.IRI(ontology.XSD+"dateTime")))
	add(g1, s, ontology.SchemaValue, typed("custom \"quoted\"\nvalue", quad.IRI(ns+"custom")))
	add(g1, s, ontology.SchemaValue, typed("odd datatype", quad.IRI(ns+"a(b)")))
	add(g1, s, ontology.SchemaValue, typed("plain", ontology.XSDString))
	add(g1, s, ontology.SchemaValue, quad.Int(7))
	add(g1, s, ontology.SchemaValue, quad.Bool(false))
	for _, local := range []string{"a(b)", "x.", "-y", "~", "&", "'", "1st", "a:b", "a/b", "a#b", "a%20b", "é", "", "a.b", "_under", "dash-ok"} {
		add(g2, quad.IRI(ns+local), quad.IRI(ns+"p"+local), quad.IRI(ns+local))
		add(g2, s, ontology.SchemaAbout, quad.IRI(ontology.Schema+local))
	}
	add(g2, quad.IRI("http://example.org/caf%C3%A9?q=1&r=2#frag"), ontology.SchemaSameAs, quad.IRI("urn:isbn:0451450523"))
	add(g2, quad.IRI("http://例え.jp/パス"), ontology.SchemaSameAs, quad.IRI("mailto:mayor@london.gov.uk"))
	add(g2, iri("person/o'brien"), ontology.FOAFName, quad.String("O'Brien"))
	add(g2, iri("question/x/text#char=1,2"), ontology.NIFAnchorOf, quad.String("x"))
	add(g2, iri("a/./b"), ontology.NIFAnchorOf, quad.String("dot segment"))
	add(g2, iri("a:b"), ontology.NIFAnchorOf, quad.String("colon"))
	add(g2, iri("q?x=1"), ontology.NIFAnchorOf, quad.String("query"))
	add(g2, quad.IRI(base), ontology.NIFAnchorOf, quad.String("the base itself"))
	// The default graph.
	add(nil, s, ontology.DCTTitle, quad.String("in the default graph"))
	add(nil, iri("person/sadiq-khan"), ontology.RDFType, ontology.FOAFPerson)
	add(nil, iri("person/sadiq-khan"), ontology.RDFType, quad.String("a literal type"))
	// Back in a named graph, and the same subject in two runs.
	add(g1, s, ontology.DCTTitle, quad.String("second run"))
	add(g1, iri("x"), ontology.DCTTitle, quad.String("between"))
	add(g1, s, ontology.DCTTitle, quad.String("third run"))
	return qs
}

// blankNodes holds blank nodes as subjects, objects and a graph label,
// including labels that are not valid N-Triples labels.
func blankNodes() []quad.Quad {
	p := quad.IRI(ontology.Schema + "about")
	return []quad.Quad{
		{Subject: quad.BNode("b1"), Predicate: p, Object: quad.String("one")},
		{Subject: quad.BNode("b1"), Predicate: p, Object: quad.BNode("has space")},
		{Subject: quad.BNode("has space"), Predicate: p, Object: quad.String("two")},
		{Subject: quad.BNode("x.y"), Predicate: p, Object: quad.String("three"), Label: quad.BNode("g")},
		{Subject: quad.BNode("ends."), Predicate: p, Object: quad.String("four"), Label: quad.BNode("g")},
		{Subject: iri("thing"), Predicate: p, Object: quad.BNode("-dash"), Label: quad.BNode("g")},
		{Subject: quad.BNode("-dash"), Predicate: p, Object: quad.String("five"), Label: quad.BNode("g")},
	}
}

// generate returns n quads in the shape of transcript turns, with long
// texts that need escaping, typed values and language tags.
func generate(n int) []quad.Quad {
	qs := make([]quad.Quad, 0, n)
	texts := []string{
		"The Mayor said: \"We have recruited 1,300 more officers\" across London.",
		"Line one\nline two with a backslash \\ and a tab\t.",
		"警察 and émigré Londoners – €5m for the MPS 🚓",
	}
	for i := 0; len(qs) < n; i++ {
		key := fmt.Sprintf("2019-%02d-%02d/question-%d", i%12+1, i%28+1, i/40)
		g := iri("graph/" + key[:10] + "/q")
		turn := iri(fmt.Sprintf("question/%s/turn/%d", key, i%40))
		add := func(p quad.IRI, o quad.Value) {
			if len(qs) < n {
				qs = append(qs, quad.Quad{Subject: turn, Predicate: p, Object: o, Label: g})
			}
		}
		add(ontology.RDFType, ontology.OpenGovSpeech)
		add(ontology.RDFType, ontology.NIFString)
		add(ontology.SchemaCreator, iri(fmt.Sprintf("person/member-%d", i%25)))
		add(ontology.SchemaText, quad.String(texts[i%3]+strings.Repeat(" More words.", i%5)))
		add(ontology.SchemaPosition, typed(fmt.Sprint(i%40), ontology.XSDInteger))
		add(ontology.DCTDate, typed(key[:10], ontology.XSDDate))
		add(ontology.NIFBeginIndex, typed(fmt.Sprint(i*97), ontology.XSDNonNegativeInteger))
		add(ontology.NIFEndIndex, typed(fmt.Sprint(i*97+80), ontology.XSDNonNegativeInteger))
		add(ontology.SchemaMentions, iri(fmt.Sprintf("body/body-%d", i%60)))
		add(ontology.SchemaName, lang("Turn", []string{"en", "en-GB", "de"}[i%3]))
	}
	return qs
}
