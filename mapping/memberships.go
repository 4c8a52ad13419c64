package mapping

import (
	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping/bodies"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/slug"
	ont "github.com/assemblykg/assemblykg/ontology"
)

// memberships describes the posts, seats, parties and groups of a person of
// the register, each an org:Membership with its period. Undated offices are
// given only when the register says they are held on date. A person is
// described alike on every day with the same office: the description is
// made once for each and then copied, with the posts, periods, roles and
// bodies it names.
func (e *emitter) memberships(s quad.IRI, p *people.Person, date string) {
	d := e.m.membershipsOf(s, p, p.OfficeOn(date))
	for _, q := range d.quads {
		q.Label = e.labelV
		e.quads = append(e.quads, q)
	}
	e.subject = nil
	for _, ms := range d.described {
		e.described[ms] = true
	}
	for _, x := range d.posts {
		e.posts[x.iri] = x.post
	}
	for _, x := range d.periods {
		e.periods[x.iri] = x.period
	}
	for _, x := range d.roles {
		e.roles[x.iri] = x.name
	}
	for _, b := range d.bodies {
		e.bodyValue(b)
	}
}

// membershipsDescription is what memberships adds for a person holding an
// office: the quads, with no graph label, and what they name.
type membershipsDescription struct {
	quads     []quad.Quad
	described []quad.IRI
	posts     []struct {
		iri  quad.IRI
		post postInfo
	}
	periods []struct {
		iri    quad.IRI
		period people.Period
	}
	roles  []struct{ iri, name string }
	bodies []*bodies.Body
}

type membershipsKey struct {
	person *people.Person
	office string
}

// membershipsOf returns the description of the memberships of p, whose IRI
// is s, on days when p holds office.
func (m *Mapper) membershipsOf(s quad.IRI, p *people.Person, office string) *membershipsDescription {
	key := membershipsKey{p, office}
	if d, ok := m.membershipDescriptions.Load(key); ok {
		return d.(*membershipsDescription)
	}
	e := &emitter{m: m, bodies: map[string]*bodies.Body{}, roles: map[string]string{}, described: map[quad.IRI]bool{}, posts: map[quad.IRI]postInfo{}, periods: map[quad.IRI]people.Period{}}
	e.describeMemberships(s, p, office)
	d := &membershipsDescription{quads: e.quads, described: sortedKeys(e.described)}
	for _, iri := range sortedKeys(e.posts) {
		d.posts = append(d.posts, struct {
			iri  quad.IRI
			post postInfo
		}{iri, e.posts[iri]})
	}
	for _, iri := range sortedKeys(e.periods) {
		d.periods = append(d.periods, struct {
			iri    quad.IRI
			period people.Period
		}{iri, e.periods[iri]})
	}
	for _, iri := range sortedKeys(e.roles) {
		d.roles = append(d.roles, struct{ iri, name string }{iri, e.roles[iri]})
	}
	for _, iri := range sortedKeys(e.bodies) {
		d.bodies = append(d.bodies, e.bodies[iri])
	}
	m.membershipDescriptions.Store(key, d)
	return d
}

// describeMemberships is memberships for a person holding office.
func (e *emitter) describeMemberships(s quad.IRI, p *people.Person, office string) {
	for _, o := range p.Offices {
		if !o.Dated() && o.Post != office {
			continue
		}
		ms, ok := e.membership(s, p, slug.Of(o.Post), o.Period)
		if !ok {
			continue
		}
		e.add(ms, ont.OpenGovPost, e.post(o.Post, postIn[o.Post], o.Post))
		e.add(ms, ont.OrgRoleP, e.role(o.Post))
		e.period(ms, o.Period)
	}
	assembly := e.m.bodies.ByID("london-assembly")
	for _, seat := range p.Seats {
		ms, ok := e.membership(s, p, "london-assembly", seat.Period)
		if !ok {
			continue
		}
		if assembly != nil {
			e.add(ms, ont.OrgOrganizationP, e.bodyValue(assembly))
		}
		e.add(ms, ont.OpenGovPost, e.post(seat.Post(), "london-assembly", people.AssemblyMember))
		e.add(ms, ont.OrgRoleP, e.role(people.AssemblyMember))
		e.period(ms, seat.Period)
	}
	for _, as := range [][]people.Affiliation{p.Parties, p.Groups} {
		for _, a := range as {
			org := e.m.bodies.Lookup(a.Name)
			if org == nil {
				continue
			}
			ms, ok := e.membership(s, p, org.ID, a.Period)
			if !ok {
				continue
			}
			e.add(ms, ont.OrgOrganizationP, e.bodyValue(org))
			e.period(ms, a.Period)
		}
	}
}

// membership starts the description of the membership of person p in what
// (a post's slug or a body's id) from the start of period; ok is false when
// the graph already describes it.
func (e *emitter) membership(s quad.IRI, p *people.Person, what string, period people.Period) (ms quad.IRI, ok bool) {
	ms = e.m.iri("membership/" + p.ID + "/" + what)
	if period.From != "" {
		ms = quad.IRI(string(ms) + "/" + period.From)
	}
	if e.described[ms] {
		return ms, false
	}
	e.described[ms] = true
	e.add(ms, ont.RDFType, ont.OrgMembership)
	e.add(ms, ont.OrgMember, s)
	return ms, true
}

// post names a post, described once per graph by describeTimes: its name,
// the role its holders have, and the body it is in (by registry id).
func (e *emitter) post(name, in, role string) quad.IRI {
	post := e.m.iri("post/" + slug.Of(name))
	e.posts[post] = postInfo{name, in, role}
	return post
}

type postInfo struct{ name, in, role string }

// period gives a membership its dates: schema:validFrom and validUntil
// (Popolo) where they are known to the day, and org:memberDuring an
// OWL-Time interval, described once per graph by describeTimes.
func (e *emitter) period(ms quad.IRI, p people.Period) {
	if !p.Dated() {
		return
	}
	if len(p.From) == len("2006-01-02") {
		e.add(ms, ont.SchemaValidFrom, date(p.From))
	}
	if len(p.Until) == len("2006-01-02") {
		e.add(ms, ont.SchemaValidUntil, date(p.Until))
	}
	from, until := p.From, p.Until
	if from == "" {
		from = "unknown"
	}
	if until == "" {
		until = "open"
	}
	iri := e.m.iri("period/" + from + "/" + until)
	e.add(ms, ont.OrgMemberDuring, iri)
	e.periods[iri] = p
}

// describeTimes describes the posts and periods the memberships named, and
// the instants the periods begin and end at, each in IRI order.
func (e *emitter) describeTimes() {
	for _, post := range sortedKeys(e.posts) {
		p := e.posts[post]
		e.add(post, ont.RDFType, ont.OrgPost)
		e.add(post, ont.SKOSPrefLabel, quad.String(p.name))
		e.add(post, ont.OrgRoleP, e.role(p.role))
		if b := e.m.bodies.ByID(p.in); p.in != "" && b != nil {
			e.add(post, ont.OrgPostIn, e.bodyValue(b))
		}
	}
	instants := map[quad.IRI]string{}
	for _, iri := range sortedKeys(e.periods) {
		p := e.periods[iri]
		e.add(iri, ont.RDFType, ont.TimeInterval)
		if p.From != "" {
			b := e.m.iri("instant/" + p.From)
			e.add(iri, ont.TimeHasBeginning, b)
			instants[b] = p.From
		}
		if p.Until != "" {
			end := e.m.iri("instant/" + p.Until)
			e.add(iri, ont.TimeHasEnd, end)
			instants[end] = p.Until
		}
	}
	for _, iri := range sortedKeys(instants) {
		d := instants[iri]
		e.add(iri, ont.RDFType, ont.TimeInstant)
		switch len(d) {
		case len("2006-01-02"):
			e.add(iri, ont.TimeInXSDDate, date(d))
		case len("2006-01"):
			e.add(iri, ont.TimeInXSDgYearMonth, quad.TypedString{Value: quad.String(d), Type: ont.XSDGYearMonth})
		default:
			e.add(iri, ont.TimeInXSDgYear, quad.TypedString{Value: quad.String(d), Type: ont.XSDGYear})
		}
	}
}
