package mapping

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/internal/csvrow"
	"github.com/assemblykg/assemblykg/mapping/bodies"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/slug"
	"github.com/assemblykg/assemblykg/mapping/transcript"
	ont "github.com/assemblykg/assemblykg/ontology"
)

// Graph is the named graph of one transcript.
type Graph struct {
	Label quad.IRI
	// Key is the stable part of the graph's IRIs (see Key).
	Key   string
	Quads []quad.Quad
	// Register holds the descriptions of the people, bodies, posts,
	// memberships, session and software the graph refers to, labelled with
	// the register graph; a Register gathers them once for many graphs.
	Register []quad.Quad
}

// Mention is a body named in a turn, with code-point offsets into the
// transcript's text.
type Mention struct {
	Body       *bodies.Body
	Surface    string
	Begin, End int
	Turn       int
}

// ActMention is an Act named in a turn, with code-point offsets into the
// transcript's text.
type ActMention struct {
	Act        *bodies.Act
	Surface    string
	Begin, End int
	Turn       int
}

// ClaimKind says what a claim asserts.
type ClaimKind int

// Kinds of claims.
const (
	NumericClaim ClaimKind = iota
	Commitment
	Agreement
	Refusal
)

// Claim is something a speaker asserted in a turn.
type Claim struct {
	Kind       ClaimKind
	Turn       int
	Sentence   string
	Begin, End int // code points of the sentence in the transcript's text
	// FigureBegin and FigureEnd are the code points, in the transcript's
	// text, of the figure or the cue words the claim was found by; they
	// name the claim.
	FigureBegin, FigureEnd int
	Value                  string
	Unit                   string
	UnitCode               string // "GBP" for money
	Period                 string
	About                  []*bodies.Body // bodies named in the sentence
}

// Findings are what the detection stages found in a transcript.
type Findings struct {
	Mentions []Mention
	Acts     []ActMention
	Claims   []Claim
	// Group is the asker's group as a body, if the header names one.
	Group *bodies.Body
}

// Config is what a Mapper maps with.
type Config struct {
	// Base is the IRI under which resources are minted, as CheckBase
	// accepts it. Empty means ontology.DefaultBase.
	Base string
	// Version is the tool version written into provenance.
	Version string
	// People resolves register ids to people; nil means the shipped
	// register.
	People *people.Register
	// Bodies is the registry bodies are detected from; it also describes
	// parents of bodies, Assembly groups and the bodies posts belong to.
	// Nil means the shipped registry.
	Bodies *bodies.Registry
	// Acts is the legislation list Acts named in transcripts are linked
	// to legislation.gov.uk by. Nil means the shipped list.
	Acts *bodies.Acts
	// Files are the register, registry and links files the mapping is
	// made with, for the provenance of every graph.
	Files []File
	// Links add sameAs IRIs to people and bodies. Each names its subject
	// by one of our IRIs, by a body of Bodies (id, name, alias or
	// acronym), by a person of People, or by a body's name (whose id is
	// the slug of the name).
	Links []bodies.Link
}

// Mapper finds bodies and claims in transcripts and maps them to quads. It
// is safe for concurrent use.
type Mapper struct {
	base     string
	version  string
	people   *people.Register
	bodies   *bodies.Registry
	detector *bodies.Detector
	acts     *bodies.Acts
	files    []File
	// links are the sameAs IRIs of people and bodies, by their IRI.
	links map[quad.IRI][]string
	// unmatched are the links whose subject is in neither register.
	unmatched []bodies.Link
	// bodyDescriptions holds the description of each body of the registry
	// described so far (*bodies.Body -> *bodyDescription): every
	// transcript that names a body describes it alike.
	bodyDescriptions sync.Map
	// membershipDescriptions holds the memberships of the people of the
	// register described so far (membershipsKey -> *membershipsDescription).
	membershipDescriptions sync.Map
	// run is the description of the mapping run, made once (runOnce).
	run     *runDescription
	runOnce sync.Once
}

// New returns a Mapper for c. A link whose subject names nothing is an
// error naming its file and line.
func New(c Config) (*Mapper, error) {
	m := &Mapper{base: c.Base, version: c.Version, people: c.People, bodies: c.Bodies, acts: c.Acts, files: c.Files, links: map[quad.IRI][]string{}}
	if m.base == "" {
		m.base = ont.DefaultBase
	}
	var err error
	if m.base, err = CheckBase(m.base); err != nil {
		return nil, err
	}
	if m.people == nil {
		if m.people, err = people.Default(); err != nil {
			return nil, err
		}
	}
	if m.bodies == nil {
		if m.bodies, err = bodies.Default(); err != nil {
			return nil, err
		}
	}
	if m.acts == nil {
		if m.acts, err = bodies.DefaultActs(); err != nil {
			return nil, err
		}
	}
	m.detector = bodies.NewDetector(m.bodies)
	for _, l := range c.Links {
		s := m.linkSubject(l.Subject)
		if s == "" {
			return nil, fmt.Errorf("%s:%d: %q is neither an IRI nor the name of a body or person", l.File, l.Line, l.Subject)
		}
		m.links[s] = csvrow.Union(m.links[s], []string{l.SameAs})
		if !m.known(l.Subject) {
			m.unmatched = append(m.unmatched, l)
		}
	}
	return m, nil
}

// Base returns the IRI under which m mints resources.
func (m *Mapper) Base() string { return m.base }

// linkSubject resolves a link's subject: an IRI as given, else a body of
// the registry, else a person of the register, else a body found by the
// form of its name.
func (m *Mapper) linkSubject(s string) quad.IRI {
	switch {
	case strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"):
		return quad.IRI(s)
	case m.bodies.Lookup(s) != nil:
		return m.iri("body/" + m.bodies.Lookup(s).ID)
	case m.people.Resolve(s) != nil:
		return m.iri("person/" + m.people.Resolve(s).ID)
	case slug.Of(s) != "":
		return m.iri("body/" + slug.Of(s))
	}
	return ""
}

// Key is the stable part of a transcript's IRIs: the session date (or
// "undated") and a slug of the title. A title the transcript does not state
// (printed "Unknown") or that has no letters or digits gives
// "untitled-" and the first 8 hex digits of the SHA-256 of the transcript's
// text, so the key depends on neither the file's name nor the order of the
// inputs. Labels tells apart two transcripts with the same key.
func Key(t *transcript.Transcript) string {
	date := t.SessionDate
	if date == "" {
		date = "undated"
	}
	name := slug.Of(t.Title)
	if name == "" {
		name = "untitled-" + textHash(t.Text)[:8]
	}
	return date + "/" + name
}

// emitted holds the buffers Map gathers a transcript's quads in.
var emitted = sync.Pool{New: func() any { return new([]quad.Quad) }}

// Map describes one transcript as a named graph.
func (m *Mapper) Map(t *transcript.Transcript, f Findings) Graph {
	key := Key(t)
	e := &emitter{m: m, key: key, label: m.iri(ont.GraphPath + key), people: map[string]*personRef{}, bodies: map[string]*bodies.Body{}, acts: map[string]*bodies.Act{}, roles: map[string]string{}, kinds: map[string]string{}, described: map[quad.IRI]bool{}, posts: map[quad.IRI]postInfo{}, periods: map[quad.IRI]people.Period{}}
	// The quads are gathered in a buffer kept from one transcript to the
	// next, then copied into the graph's own slices at their final size.
	buf := emitted.Get().(*[]quad.Quad)
	e.quads = (*buf)[:0]
	defer func() {
		clear(e.quads) // hold on to no transcript's values
		*buf = e.quads[:0]
		emitted.Put(buf)
	}()
	e.labelV = e.label
	item := m.iri("question/" + key)
	text := quad.IRI(string(item) + "/text")
	// text and item are the object of a quad for every turn, mention and
	// claim: boxed once as quad.Values.
	textV, itemV := quad.Value(text), quad.Value(item)
	source := filepath.Base(t.File)
	software := m.iri("software/assemblykg/" + m.version)

	// Provenance of the graph.
	e.add(e.label, ont.RDFType, ont.ProvEntity)
	e.add(e.label, ont.ProvWasDerivedFrom, textV)
	e.add(e.label, ont.ProvWasAttributedTo, software)
	e.add(e.label, ont.ProvWasGeneratedBy, e.run())
	if t.SessionDate != "" {
		e.add(e.label, ont.DCTDate, date(t.SessionDate))
	}
	e.add(software, ont.RDFType, ont.ProvSoftwareAgent)
	e.add(software, ont.SchemaName, quad.String("assemblykg"))
	e.add(software, ont.SchemaSoftwareVersion, quad.String(m.version))

	// The source text, which all offsets count into.
	e.add(text, ont.RDFType, ont.NIFContext)
	e.add(text, ont.RDFType, ont.SourceText)
	e.sourceText(text, t)
	e.add(text, ont.NIFIsString, quad.String(t.Text))
	e.add(text, ont.NIFBeginIndex, count(0))
	e.add(text, ont.NIFEndIndex, count(t.Length))

	// The session.
	var session quad.IRI
	if t.SessionDate != "" {
		session = m.iri("session/" + t.SessionDate)
		assembly := e.body(e.bodyByID("london-assembly", "London Assembly"))
		e.add(session, ont.RDFType, ont.SchemaEvent)
		e.add(session, ont.SchemaName, quad.String("Mayor's Question Time, "+t.SessionDate))
		e.add(session, ont.SchemaStartDate, date(t.SessionDate))
		e.add(session, ont.SchemaOrganizer, assembly)
	}

	e.in, e.inKey = session, t.SessionDate
	if session == "" {
		e.in, e.inKey = item, key
	}

	// The question item.
	e.add(item, ont.RDFType, ont.SchemaQuestion)
	if t.Title != "" {
		e.add(item, ont.DCTTitle, quad.String(t.Title))
	}
	if t.SessionDate != "" {
		e.add(item, ont.DCTDate, date(t.SessionDate))
		e.add(item, ont.DCTIsPartOf, session)
	}
	e.add(item, ont.DCTSource, quad.String(source))
	if t.SourceURL != "" {
		e.add(item, ont.SchemaURL, quad.IRI(t.SourceURL))
	}
	var asker quad.IRI
	if t.QuestionBy != nil {
		if asker = e.person(t.QuestionBy); asker != "" {
			e.add(item, ont.SchemaAuthor, asker)
		}
	}
	e.notStated(item, t, asker)
	// The asker's group: as printed, else the register's on the day.
	group := f.Group
	if p := e.registered(t.QuestionBy); group == nil && p != nil {
		if g := p.GroupOn(t.ResolutionDate); g != "" {
			group = e.m.bodies.Lookup(g)
		}
	}
	if group != nil {
		e.add(item, ont.OpenGovOnBehalfOf, e.bodyValue(group))
	}
	for _, s := range t.AskedOf {
		if p := e.person(&s); p != "" {
			e.add(item, ont.AskedOf, p)
		}
	}
	for _, s := range t.AnsweredBy {
		if p := e.person(&s); p != "" {
			e.add(item, ont.AnsweredBy, p)
		}
	}

	// Speech turns, each followed by its mentions and claims.
	mentions := groupByTurn(f.Mentions, func(m Mention) int { return m.Turn })
	acts := groupByTurn(f.Acts, func(m ActMention) int { return m.Turn })
	claims := groupByTurn(f.Claims, func(c Claim) int { return c.Turn })
	seen := map[quad.IRI]bool{} // the bodies and Acts a turn mentions
	for i := range t.Turns {
		turn := &t.Turns[i]
		ti := quad.IRI(string(item) + "/turn/" + strconv.Itoa(turn.Position))
		e.add(ti, ont.RDFType, ont.OpenGovSpeech)
		e.add(ti, ont.RDFType, ont.NIFString)
		tiV := quad.Value(ti) // the object of its mentions' and claims' quads
		var speaker quad.Value
		if p := e.person(&turn.Speaker); p != "" {
			speaker = p
			e.add(ti, ont.SchemaCreator, speaker)
		}
		// The role as printed, else the one the register says the
		// speaker held on the day.
		role := turn.Speaker.Role
		if p := e.registered(&turn.Speaker); role == "" && p != nil {
			role = p.RoleOn(t.ResolutionDate)
		}
		if role != "" {
			e.add(ti, ont.OpenGovRole, e.role(role))
		}
		if turn.Label != "" {
			e.add(ti, ont.AttributionText, quad.String(turn.Label))
		}
		e.add(ti, ont.SchemaText, quad.String(turn.Text))
		e.add(ti, ont.SchemaPosition, integer(turn.Position))
		e.add(ti, ont.DCTIsPartOf, itemV)
		if t.SessionDate != "" {
			e.add(ti, ont.DCTDate, date(t.SessionDate))
		}
		e.add(ti, ont.NIFReferenceContext, textV)
		e.add(ti, ont.NIFBeginIndex, count(turn.TextSpan.Begin))
		e.add(ti, ont.NIFEndIndex, count(turn.TextSpan.End))
		clear(seen)
		for _, mn := range mentions[turn.Position] {
			if b := e.bodyValue(mn.Body); !seen[b.(quad.IRI)] {
				seen[b.(quad.IRI)] = true
				e.add(ti, ont.SchemaMentions, b)
			}
		}
		for _, am := range acts[turn.Position] {
			if a := e.act(am.Act); !seen[a] {
				seen[a] = true
				e.add(ti, ont.SchemaMentions, a)
			}
		}
		for _, mn := range mentions[turn.Position] {
			mi := quad.IRI(string(text) + "#char=" + strconv.Itoa(mn.Begin) + "," + strconv.Itoa(mn.End))
			e.add(mi, ont.RDFType, ont.NIFPhrase)
			e.add(mi, ont.RDFType, ont.Mention)
			e.add(mi, ont.NIFReferenceContext, textV)
			e.add(mi, ont.NIFBeginIndex, count(mn.Begin))
			e.add(mi, ont.NIFEndIndex, count(mn.End))
			e.add(mi, ont.NIFAnchorOf, quad.String(mn.Surface))
			e.add(mi, ont.ITSTaIdentRef, e.bodyValue(mn.Body))
			e.add(mi, ont.InTurn, tiV)
		}
		for _, am := range acts[turn.Position] {
			mi := quad.IRI(string(text) + "#char=" + strconv.Itoa(am.Begin) + "," + strconv.Itoa(am.End))
			e.add(mi, ont.RDFType, ont.NIFPhrase)
			e.add(mi, ont.RDFType, ont.LegislationMention)
			e.add(mi, ont.NIFReferenceContext, textV)
			e.add(mi, ont.NIFBeginIndex, count(am.Begin))
			e.add(mi, ont.NIFEndIndex, count(am.End))
			e.add(mi, ont.NIFAnchorOf, quad.String(am.Surface))
			e.add(mi, ont.ITSTaIdentRef, e.act(am.Act))
			e.add(mi, ont.InTurn, tiV)
		}
		var turnBodies []*bodies.Body
		for _, mn := range mentions[turn.Position] {
			if !containsBody(turnBodies, mn.Body) {
				turnBodies = append(turnBodies, mn.Body)
			}
		}
		for _, c := range claims[turn.Position] {
			e.claim(item, tiV, textV, speaker, c, turnBodies, t.SessionDate)
		}
	}
	e.describe(t)
	return e.split(item)
}

var claimClass = map[ClaimKind]quad.IRI{
	NumericClaim: ont.NumericClaim,
	Commitment:   ont.Commitment,
	Agreement:    ont.Agreement,
	Refusal:      ont.Refusal,
}

func groupByTurn[T any](xs []T, turn func(T) int) map[int][]T {
	m := map[int][]T{}
	// Each run of xs in one turn is taken as it is, capped so that a later
	// run of the same turn is added to a copy: findings most often come in
	// turn order, one run a turn.
	for i := 0; i < len(xs); {
		t := turn(xs[i])
		j := i + 1
		for j < len(xs) && turn(xs[j]) == t {
			j++
		}
		if earlier, ok := m[t]; ok {
			m[t] = append(earlier, xs[i:j]...) // a copy: earlier is capped, or a copy already
		} else {
			m[t] = xs[i:j:j]
		}
		i = j
	}
	return m
}

func (m *Mapper) iri(path string) quad.IRI { return quad.IRI(m.base + path) }

func date(d string) quad.Value { return quad.TypedString{Value: quad.String(d), Type: ont.XSDDate} }
func integer(n int) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.Itoa(n)), Type: ont.XSDInteger}
}
func count(n int) quad.Value {
	return quad.TypedString{Value: quad.String(strconv.Itoa(n)), Type: ont.XSDNonNegativeInteger}
}

// emitter collects the quads of one graph and the people, bodies and roles
// they refer to, which are described once at the end.
type emitter struct {
	m     *Mapper
	key   string
	label quad.IRI
	quads []quad.Quad
	// labelV is label as a quad.Value, and subject the last subject added
	// as one, so that every quad of a graph, and every quad of a run on
	// one subject, shares one boxed value instead of allocating its own.
	labelV  quad.Value
	subject quad.Value
	people  map[string]*personRef   // by IRI
	bodies  map[string]*bodies.Body // by IRI
	// bodyValues are the IRIs of the bodies in bodies, boxed (bodyValue).
	bodyValues map[*bodies.Body]quad.Value
	acts       map[string]*bodies.Act // by IRI
	roles      map[string]string      // IRI -> label
	kinds      map[string]string      // IRI -> kind of body
	// described holds the memberships the graph already describes; posts
	// and periods are those the memberships name.
	described map[quad.IRI]bool
	posts     map[quad.IRI]postInfo
	periods   map[quad.IRI]people.Period
	// in is the session the transcript is of (the question itself when the
	// date is unknown), and inKey the part of a person's IRI that says so.
	in    quad.IRI
	inKey string
}

// bodyByID returns the registry's body, or a bare one when the registry
// does not have it.
func (e *emitter) bodyByID(id, name string) *bodies.Body {
	if b := e.m.bodies.ByID(id); b != nil {
		return b
	}
	return &bodies.Body{ID: id, Name: name}
}

// postIn names the body each post of the people register belongs to.
var postIn = map[string]string{
	"Mayor of London":        "greater-london-authority",
	"Chair":                  "london-assembly",
	"Deputy Chair":           "london-assembly",
	"Statutory Deputy Mayor": "greater-london-authority",
	"Commissioner of Police of the Metropolis": "metropolitan-police-service",
	"London Fire Commissioner":                 "london-fire-brigade",
	"Commissioner of Transport for London":     "transport-for-london",
	"Deputy Mayor for Policing and Crime":      "mayors-office-for-policing-and-crime",
}

type personRef struct {
	name         string
	person       *people.Person // nil when not in the register
	unregistered bool           // named by a transcript, not in the register
	titles       []string
	postNomial   []string
}

func (e *emitter) add(s quad.IRI, p quad.IRI, o quad.Value) {
	if last, ok := e.subject.(quad.IRI); !ok || last != s {
		e.subject = s
	}
	e.quads = append(e.quads, quad.Quad{Subject: e.subject, Predicate: p, Object: o, Label: e.labelV})
}

// person returns the IRI of the speaker's person, or "" when the speaker is
// an office with no known holder.
func (e *emitter) person(s *transcript.Speaker) quad.IRI {
	if s.Name == "" {
		return ""
	}
	id := s.PersonID
	p := e.registered(s)
	if id == "" {
		// Not in the register: the name identifies a person only within
		// one session, so the same name in another session is another IRI.
		id = slug.Of(s.Name) + "/" + e.inKey
	}
	iri := e.m.iri("person/" + id)
	ref := e.people[string(iri)]
	if ref == nil {
		ref = &personRef{name: s.Name, person: p, unregistered: s.PersonID == ""}
		e.people[string(iri)] = ref
	}
	ref.titles = csvrow.Union(ref.titles, s.Titles)
	ref.postNomial = csvrow.Union(ref.postNomial, s.PostNominals)
	return iri
}

// registered returns the register's entry for the speaker, or nil.
func (e *emitter) registered(s *transcript.Speaker) *people.Person {
	if s == nil || s.PersonID == "" {
		return nil
	}
	p, _ := e.m.people.ByID(s.PersonID)
	return p
}

func (e *emitter) body(b *bodies.Body) quad.IRI { return e.bodyValue(b).(quad.IRI) }

// bodyValue is the IRI of b as a quad.Value, made and boxed once per graph:
// a body is often named in many of a graph's quads.
func (e *emitter) bodyValue(b *bodies.Body) quad.Value {
	if v, ok := e.bodyValues[b]; ok {
		return v
	}
	iri := e.m.iri("body/" + b.ID)
	if _, ok := e.bodies[string(iri)]; !ok {
		e.bodies[string(iri)] = b
	}
	if e.bodyValues == nil {
		e.bodyValues = map[*bodies.Body]quad.Value{}
	}
	v := quad.Value(iri)
	e.bodyValues[b] = v
	return v
}

func (e *emitter) act(a *bodies.Act) quad.IRI {
	iri := e.m.iri("legislation/" + a.ID())
	e.acts[string(iri)] = a
	return iri
}

func (e *emitter) role(name string) quad.IRI {
	iri := e.m.iri("role/" + slug.Of(name))
	e.roles[string(iri)] = name
	return iri
}

// describe writes the people, their posts and groups, bodies and roles the
// graph refers to, each in IRI order.
func (e *emitter) describe(t *transcript.Transcript) {
	date := t.ResolutionDate
	for _, iri := range sortedKeys(e.people) {
		ref := e.people[iri]
		s := quad.IRI(iri)
		e.add(s, ont.RDFType, ont.FOAFPerson)
		e.add(s, ont.RDFType, ont.SchemaPerson)
		e.add(s, ont.FOAFName, quad.String(ref.name))
		prefix, suffix := ref.titles, ref.postNomial
		if ref.person != nil {
			for _, h := range ref.person.Honorifics {
				if people.IsTitle(h) {
					prefix = csvrow.Union(prefix, []string{h})
				} else {
					suffix = csvrow.Union(suffix, []string{h})
				}
			}
		}
		if len(prefix) > 0 {
			e.add(s, ont.HonorificPrefix, quad.String(strings.Join(prefix, " ")))
		}
		if suffix = without(suffix, "AM"); len(suffix) > 0 {
			e.add(s, ont.HonorificSuffix, quad.String(strings.Join(suffix, " ")))
		}
		var sameAs []string
		if ref.person != nil {
			sameAs = ref.person.SameAs
		}
		for _, u := range correct(sameAs, e.m.links[s]) {
			e.add(s, ont.SchemaSameAs, quad.IRI(u))
		}
		if ref.unregistered {
			e.add(s, ont.FoundByForm, quad.TypedString{Value: "true", Type: ont.XSDBoolean})
			e.add(s, ont.IdentifiedIn, e.in)
		}
		if ref.person == nil {
			continue
		}
		e.memberships(s, ref.person, date)
	}
	e.describeTimes()
	for _, iri := range sortedKeys(e.roles) {
		s := quad.IRI(iri)
		e.add(s, ont.RDFType, ont.OrgRole)
		e.add(s, ont.RDFType, ont.SKOSConcept)
		e.add(s, ont.SKOSPrefLabel, quad.String(e.roles[iri]))
	}
	// Bodies, with the parents they name (which may add more bodies).
	done := map[string]bool{}
	for {
		var todo []string
		for _, iri := range sortedKeys(e.bodies) {
			if !done[iri] {
				todo = append(todo, iri)
			}
		}
		if len(todo) == 0 {
			break
		}
		for _, iri := range todo {
			done[iri] = true
			e.describeBody(quad.IRI(iri), e.bodies[iri])
		}
	}
	for _, iri := range sortedKeys(e.acts) {
		e.describeAct(quad.IRI(iri), e.acts[iri])
	}
	for _, iri := range sortedKeys(e.kinds) {
		s := quad.IRI(iri)
		e.add(s, ont.RDFType, ont.SKOSConcept)
		e.add(s, ont.SKOSPrefLabel, quad.String(e.kinds[iri]))
	}
}

// describeBody describes body b, whose IRI is s, and adds the bodies and
// kinds of body the description names to those the graph describes. The
// description of a body of the registry is made once and then copied.
func (e *emitter) describeBody(s quad.IRI, b *bodies.Body) {
	d := e.m.bodyDescription(s, b)
	for _, q := range d.quads {
		q.Label = e.labelV
		e.quads = append(e.quads, q)
	}
	e.subject = nil
	for _, k := range d.kinds {
		e.kinds[k.iri] = k.kind
	}
	for _, p := range d.bodies {
		if _, ok := e.bodies[p.iri]; !ok {
			e.bodies[p.iri] = p.body
		}
	}
}

// bodyDescription is the description of a body: its quads, with no graph
// label, and the kinds of body and the bodies (its parent) it names.
type bodyDescription struct {
	quads  []quad.Quad
	kinds  []struct{ iri, kind string }
	bodies []struct {
		iri  string
		body *bodies.Body
	}
}

func (m *Mapper) bodyDescription(s quad.IRI, b *bodies.Body) *bodyDescription {
	if d, ok := m.bodyDescriptions.Load(b); ok {
		return d.(*bodyDescription)
	}
	e := &emitter{m: m, bodies: map[string]*bodies.Body{}, kinds: map[string]string{}}
	e.emitBody(s, b)
	d := &bodyDescription{quads: e.quads}
	for _, iri := range sortedKeys(e.kinds) {
		d.kinds = append(d.kinds, struct{ iri, kind string }{iri, e.kinds[iri]})
	}
	for _, iri := range sortedKeys(e.bodies) {
		d.bodies = append(d.bodies, struct {
			iri  string
			body *bodies.Body
		}{iri, e.bodies[iri]})
	}
	// A body found by its form in one transcript is not kept.
	if m.bodies.ByID(b.ID) == b {
		m.bodyDescriptions.Store(b, d)
	}
	return d
}

func (e *emitter) emitBody(s quad.IRI, b *bodies.Body) {
	e.add(s, ont.RDFType, ont.OrgOrganization)
	e.add(s, ont.SKOSPrefLabel, quad.String(b.Name))
	for _, a := range append(append([]string(nil), b.Aliases...), b.Acronyms...) {
		if a != b.Name {
			e.add(s, ont.SKOSAltLabel, quad.String(a))
		}
	}
	if b.Kind != "" {
		kind := e.m.iri("kind/" + b.Kind)
		e.add(s, ont.OrgClassification, kind)
		e.kinds[string(kind)] = b.Kind
	}
	if b.Parent != "" {
		if p := e.m.bodies.ByID(b.Parent); p != nil {
			e.add(s, ont.OrgSubOrganizationOf, e.bodyValue(p))
		}
	}
	for _, u := range correct(b.SameAs, e.m.links[s]) {
		e.add(s, ont.SchemaSameAs, quad.IRI(u))
	}
	for _, u := range b.AreaServed {
		e.add(s, ont.SchemaAreaServed, quad.IRI(u))
	}
	if b.FoundByForm {
		e.add(s, ont.FoundByForm, quad.TypedString{Value: "true", Type: ont.XSDBoolean})
	}
}

// describeAct describes an Act: its short title, the year of its title,
// and, for an Act of the legislation list, its legislation.gov.uk
// identifier and item.
func (e *emitter) describeAct(s quad.IRI, a *bodies.Act) {
	e.add(s, ont.RDFType, ont.SchemaLegislation)
	e.add(s, ont.SchemaName, quad.String(a.Title()))
	if a.Year != 0 {
		e.add(s, ont.SchemaLegislationDate, quad.TypedString{Value: quad.String(strconv.Itoa(a.Year)), Type: ont.XSDGYear})
	}
	if a.Identifier != "" {
		e.add(s, ont.SchemaLegislationIdentifier, quad.String(a.Identifier))
		e.add(s, ont.SchemaSameAs, quad.IRI(a.SameAs))
	} else {
		e.add(s, ont.FoundByForm, quad.TypedString{Value: "true", Type: ont.XSDBoolean})
	}
}

// correct applies a user's links to the shipped ones: a link replaces the
// shipped IRIs of the same site (a corrected Wikidata item replaces the old
// one) and adds the rest.
func correct(shipped, links []string) []string {
	if len(links) == 0 {
		return shipped
	}
	replaced := map[string]bool{}
	for _, l := range links {
		replaced[site(l)] = true
	}
	var out []string
	for _, u := range shipped {
		if !replaced[site(u)] {
			out = append(out, u)
		}
	}
	return csvrow.Union(out, links)
}

// site is the scheme-less host of an IRI ("www.wikidata.org").
func site(iri string) string {
	_, rest, _ := strings.Cut(iri, "://")
	host, _, _ := strings.Cut(rest, "/")
	return strings.TrimPrefix(host, "www.")
}

func without(xs []string, drop string) []string {
	var out []string
	for _, x := range xs {
		if x != drop {
			out = append(out, x)
		}
	}
	return out
}

func sortedKeys[K ~string, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
