package mapping

import (
	"sort"
	"strings"

	"github.com/assemblykg/assemblykg/mapping/bodies"
	"github.com/assemblykg/assemblykg/mapping/reconcile"
)

// known reports whether a link's subject names a body of the registry or a
// person of the register (by name, alias or one of our IRIs).
func (m *Mapper) known(subject string) bool {
	if rest, ok := strings.CutPrefix(subject, m.base); ok {
		if id, ok := strings.CutPrefix(rest, "body/"); ok {
			return m.bodies.ByID(id) != nil
		}
		if id, ok := strings.CutPrefix(rest, "person/"); ok {
			_, found := m.people.ByID(id)
			return found
		}
		return false
	}
	if strings.HasPrefix(subject, "http://") || strings.HasPrefix(subject, "https://") {
		return false
	}
	return m.bodies.Lookup(subject) != nil || m.people.Resolve(subject) != nil
}

// UnmatchedLinks returns the links, in the order given, whose subject is no
// body or person of the registers. They still apply to a body of that name
// found in a transcript by its form, but to nothing else.
func (m *Mapper) UnmatchedLinks() []bodies.Link { return m.unmatched }

// Unlinked lists the bodies of the registry and the people of the register
// that have no external identifier, shipped or linked: bodies first, then
// people, each in IRI order.
func (m *Mapper) Unlinked() []reconcile.Entity {
	var bs, ps []reconcile.Entity
	for _, b := range m.bodies.Bodies() {
		iri := m.iri("body/" + b.ID)
		if len(correct(b.SameAs, m.links[iri])) == 0 {
			bs = append(bs, reconcile.Entity{IRI: string(iri), Name: b.Name, Type: reconcile.TypeOrganisation})
		}
	}
	for _, p := range m.people.People() {
		iri := m.iri("person/" + p.ID)
		if len(correct(p.SameAs, m.links[iri])) == 0 {
			ps = append(ps, reconcile.Entity{IRI: string(iri), Name: p.Name, Type: reconcile.TypeHuman, AssemblyMember: len(p.Seats) > 0})
		}
	}
	for _, es := range [][]reconcile.Entity{bs, ps} {
		sort.Slice(es, func(i, j int) bool { return es[i].IRI < es[j].IRI })
	}
	return append(bs, ps...)
}

// Linked counts the bodies and people with an external identifier.
func (m *Mapper) Linked() (bodyCount, personCount int) {
	for _, b := range m.bodies.Bodies() {
		if len(correct(b.SameAs, m.links[m.iri("body/"+b.ID)])) > 0 {
			bodyCount++
		}
	}
	for _, p := range m.people.People() {
		if len(correct(p.SameAs, m.links[m.iri("person/"+p.ID)])) > 0 {
			personCount++
		}
	}
	return bodyCount, personCount
}
