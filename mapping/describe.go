package mapping

import (
	"hash/maphash"
	"sort"
	"strconv"
	"strings"

	"github.com/cayleygraph/quad"

	ont "github.com/assemblykg/assemblykg/ontology"
)

// Stats counts what a dataset holds, for its description. Add every graph
// written; the zero Stats is not usable, get one from NewStats. It is not
// safe for concurrent use.
type Stats struct {
	seed       maphash.Seed
	bnodeSeed  maphash.Seed // blank nodes hash apart from IRIs of the same text
	triples    int
	subjects   map[uint64]struct{}
	properties map[quad.IRI]struct{}
	classes    map[quad.IRI]map[uint64]struct{}
	// nSubjects and nClass count the subjects, and the members of each
	// class, of the graphs given to AddGraph, whose sets are dropped.
	nSubjects int
	nClass    map[quad.IRI]int
	// graphSubjects and graphClasses are the emptied sets of the last graph
	// given to AddGraph, reused for the next.
	graphSubjects map[uint64]struct{}
	graphClasses  map[quad.IRI]map[uint64]struct{}
	examples      map[quad.IRI]quad.IRI // class -> least IRI
	first         string                // least session date
	last          string                // greatest session date
}

// NewStats returns empty counts.
func NewStats() *Stats {
	return &Stats{seed: maphash.MakeSeed(), bnodeSeed: maphash.MakeSeed(), subjects: map[uint64]struct{}{}, properties: map[quad.IRI]struct{}{},
		classes: map[quad.IRI]map[uint64]struct{}{}, examples: map[quad.IRI]quad.IRI{}, nClass: map[quad.IRI]int{}}
}

// AddGraph counts the quads of a whole named graph whose subjects are
// described in no other graph given to s: a transcript's graph describes
// only its own question's resources, and the register graph the people,
// bodies and sessions they refer to. Its subjects are counted and then
// forgotten, so the memory of an export does not grow with the archive.
func (s *Stats) AddGraph(quads []quad.Quad) {
	if s.graphSubjects == nil {
		s.graphSubjects, s.graphClasses = map[uint64]struct{}{}, map[quad.IRI]map[uint64]struct{}{}
	}
	subjects, classes := s.subjects, s.classes
	s.subjects, s.classes = s.graphSubjects, s.graphClasses
	s.Add(quads)
	s.nSubjects += len(s.subjects)
	clear(s.subjects)
	for c, m := range s.classes {
		s.nClass[c] += len(m)
		clear(m)
	}
	s.subjects, s.classes = subjects, classes
}

// exampleClasses are the classes whose least IRI is given as an example
// resource.
var exampleClasses = []quad.IRI{ont.SchemaQuestion, ont.OpenGovSpeech, ont.FOAFPerson, ont.OrgOrganization}

// Add counts quads. The graphs of an export hold no triple twice, so every
// quad counts as a triple.
func (s *Stats) Add(quads []quad.Quad) {
	var (
		subject quad.Value // of the quad before, which most often shares it
		h       uint64
	)
	for _, q := range quads {
		s.triples++
		if subject == nil || q.Subject != subject {
			subject, h = q.Subject, s.hash(q.Subject)
			s.subjects[h] = struct{}{}
		}
		p, _ := q.Predicate.(quad.IRI)
		s.properties[p] = struct{}{}
		switch p {
		case ont.RDFType:
			c, ok := q.Object.(quad.IRI)
			if !ok {
				continue
			}
			if s.classes[c] == nil {
				s.classes[c] = map[uint64]struct{}{}
			}
			s.classes[c][h] = struct{}{}
			if iri, ok := q.Subject.(quad.IRI); ok {
				if old, seen := s.examples[c]; !seen || iri < old {
					s.examples[c] = iri
				}
			}
		case ont.SchemaStartDate:
			if d, ok := q.Object.(quad.TypedString); ok && d.Type == ont.XSDDate {
				if v := string(d.Value); s.first == "" || v < s.first {
					s.first = v
				}
				if v := string(d.Value); v > s.last {
					s.last = v
				}
			}
		}
	}
}

// hash identifies a subject without building its N-Triples form.
func (s *Stats) hash(v quad.Value) uint64 {
	switch v := v.(type) {
	case quad.IRI:
		return maphash.String(s.seed, string(v))
	case quad.BNode:
		return maphash.String(s.bnodeSeed, string(v))
	}
	return maphash.String(s.bnodeSeed, v.String())
}

// Distribution is one file the dataset is published as.
type Distribution struct {
	Format    string // "nquads"
	MediaType string // "application/n-quads"
	URL       string // where it can be downloaded; "" when not known
}

// Description configures the dataset description.
type Description struct {
	Title     string // default: "London Assembly Mayor's Question Time"
	Publisher string // the name of who publishes the dataset
	// Distributions are the formats the dataset can be had in; the one
	// with a URL is the file written, and its URL is the dataset's dump.
	Distributions []Distribution
}

// Attribution is the attribution statement the transcripts' licence, the
// Open Government Licence v3.0, asks for.
const Attribution = "Contains public sector information licensed under the Open Government Licence v3.0: transcripts of Mayor's Question Time, London Assembly."

// Describe returns the VoID and DCAT description of the dataset whose quads
// s counted, with IRIs under base, in a graph of its own (not counted): title,
// licence and attribution, publisher, the vocabularies used, counts,
// classes, example resources, the period the sessions span, and the
// distribution. Everything in it comes from the data and d, never from the
// clock, so the same data gives the same description.
func Describe(base string, s *Stats, d Description) Graph {
	m := &Mapper{base: base}
	g := Graph{Label: m.iri(ont.GraphPath + "description")}
	ds := m.iri("dataset")
	// The dataset's own quads come first, then those of the nodes it
	// points to, so each subject's quads are together.
	var rest []quad.Quad
	add := func(sub quad.IRI, p quad.IRI, o quad.Value) {
		q := quad.Quad{Subject: sub, Predicate: p, Object: o, Label: g.Label}
		if sub == ds {
			g.Quads = append(g.Quads, q)
		} else {
			rest = append(rest, q)
		}
	}
	integer := func(n int) quad.Value {
		return quad.TypedString{Value: quad.String(strconv.Itoa(n)), Type: ont.XSDInteger}
	}
	title := d.Title
	if title == "" {
		title = "London Assembly Mayor's Question Time"
	}
	add(ds, ont.RDFType, ont.VoidDataset)
	add(ds, ont.RDFType, ont.DCATDataset)
	add(ds, ont.DCTTitle, quad.LangString{Value: quad.String(title), Lang: "en"})
	add(ds, ont.DCTDescription, quad.LangString{Value: "Who said what about which public body, when: the questions, speech turns, mentions of public bodies and figures of Mayor's Question Time transcripts, each pointing back to its file and character offsets.", Lang: "en"})
	add(ds, ont.DCTLicense, ont.OGL3)
	add(ds, ont.AttributionText, quad.String(Attribution))
	if d.Publisher != "" {
		pub := m.iri("publisher")
		add(ds, ont.DCTPublisher, pub)
		add(pub, ont.RDFType, ont.FOAFAgent)
		add(pub, ont.FOAFName, quad.String(d.Publisher))
	}
	if s.last != "" {
		add(ds, ont.DCTModified, date(s.last))
		period := m.iri("dataset/period")
		add(ds, ont.DCTTemporal, period)
		add(period, ont.RDFType, ont.DCTPeriodOfTime)
		add(period, ont.DCATStartDate, date(s.first))
		add(period, ont.DCATEndDate, date(s.last))
	}
	for _, ns := range s.vocabularies() {
		add(ds, ont.VoidVocabulary, quad.IRI(ns))
	}
	add(ds, ont.VoidTriples, integer(s.triples))
	add(ds, ont.VoidDistinctSubjects, integer(len(s.subjects)+s.nSubjects))
	add(ds, ont.VoidProperties, integer(len(s.properties)))
	for _, c := range exampleClasses {
		if ex, ok := s.examples[c]; ok {
			add(ds, ont.VoidExampleResource, ex)
		}
	}
	classes := make([]quad.IRI, 0, len(s.classes)+len(s.nClass))
	for c := range s.classes {
		classes = append(classes, c)
	}
	for c := range s.nClass {
		if _, ok := s.classes[c]; !ok {
			classes = append(classes, c)
		}
	}
	sort.Slice(classes, func(i, j int) bool { return classes[i] < classes[j] })
	for _, c := range classes {
		part := m.iri("dataset/class/" + curie(c))
		add(ds, ont.VoidClassPartition, part)
		add(part, ont.VoidClass, c)
		add(part, ont.VoidEntities, integer(len(s.classes[c])+s.nClass[c]))
	}
	for _, f := range d.Distributions {
		dist := m.iri("dataset/distribution/" + f.Format)
		add(ds, ont.DCATDistributionP, dist)
		add(dist, ont.RDFType, ont.DCATDistribution)
		add(dist, ont.DCATMediaType, quad.IRI("https://www.iana.org/assignments/media-types/"+f.MediaType))
		add(dist, ont.DCTLicense, ont.OGL3)
		if f.URL != "" {
			add(dist, ont.DCATDownloadURL, quad.IRI(f.URL))
			add(ds, ont.VoidDataDump, quad.IRI(f.URL))
		}
	}
	g.Quads = append(g.Quads, rest...)
	return g
}

// vocabularies are the namespaces of ontology.Prefixes that name a property
// or a class the dataset uses, in prefix order.
func (s *Stats) vocabularies() []string {
	used := map[string]bool{}
	mark := func(iri quad.IRI) {
		for _, p := range ont.Prefixes {
			if strings.HasPrefix(string(iri), p.Namespace) {
				used[p.Namespace] = true
			}
		}
	}
	for p := range s.properties {
		mark(p)
	}
	for c := range s.classes {
		mark(c)
	}
	var out []string
	for _, p := range ont.Prefixes {
		if used[p.Namespace] && p.Namespace != ont.RDF && p.Namespace != ont.XSD {
			out = append(out, p.Namespace)
		}
	}
	return out
}

// curie is "prefix-local" for an IRI in one of ontology.Prefixes, else a
// hash of the IRI, for minting partition IRIs.
func curie(iri quad.IRI) string {
	for _, p := range ont.Prefixes {
		if local, ok := strings.CutPrefix(string(iri), p.Namespace); ok {
			return p.Prefix + "-" + local
		}
	}
	return textHash(string(iri))[:16]
}
