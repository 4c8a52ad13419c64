package rdfio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/piprate/json-gold/ld"
)

// ldTerm is one term definition of a JSON-LD context, reduced to what the
// writer needs to choose keys and value forms.
type ldTerm struct {
	name    string
	id      string  // IRI mapping; "" for a null term or a keyword alias
	typ     string  // type coercion: "", "@id", "@vocab", "@json", "@none" or a datatype IRI
	lang    *string // language of plain strings when set by the term; "" = none
	prefix  bool    // may be used as the prefix of compact IRIs
	usable  bool    // plain term: no @reverse, scoped @context, container other than @set, ...
	keyword bool    // alias of a keyword
}

// ldContext is the processed JSON-LD context the writer compacts against.
type ldContext struct {
	terms    map[string]*ldTerm
	base     string
	hasBase  bool
	vocab    string
	hasVocab bool
	lang     string // default language of plain strings

	prefixes []namespacePrefix    // prefix terms, longest namespace first
	byIRI    map[string][]*ldTerm // usable terms by IRI mapping, preferred first
}

// parseContext processes a JSON-LD context document, {"@context": ...} or a
// context definition (object, array or null), with json-gold's context
// processing, and keeps what the writer needs to choose keys and value
// forms. Remote contexts are not loaded. Terms that use features the
// writer does not (reverse properties, scoped contexts, containers other
// than @set, @nest, @index, @direction) are marked unusable.
func parseContext(doc []byte) (*ldContext, json.RawMessage, error) {
	c := &ldContext{terms: map[string]*ldTerm{}}
	if len(bytes.TrimSpace(doc)) == 0 {
		c.finish()
		return c, nil, nil
	}
	raw := json.RawMessage(doc)
	var top map[string]json.RawMessage
	if json.Unmarshal(doc, &top) == nil {
		if inner, ok := top["@context"]; ok {
			raw = inner
		}
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, nil, fmt.Errorf("rdfio: JSON-LD context: %w", err)
	}
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = offlineLoader{}
	lc, err := ld.NewContext(nil, opts).Parse(v)
	if err != nil {
		return nil, nil, fmt.Errorf("rdfio: JSON-LD context: %w", err)
	}
	if lc.Values.Direction != "" {
		return nil, nil, errors.New("rdfio: JSON-LD context: a default @direction is not supported")
	}
	c.base, c.hasBase = lc.Values.Base, lc.Values.Base != ""
	if lc.Values.Vocab != nil {
		c.vocab, c.hasVocab = *lc.Values.Vocab, true
	}
	c.lang = lc.Values.Language
	for name, td := range lc.TermDefinitions {
		t := &ldTerm{name: name}
		c.terms[name] = t
		if td == nil {
			continue
		}
		if strings.HasPrefix(td.ID, "@") {
			t.keyword = true
			continue
		}
		t.id, t.typ = td.ID, td.Type
		t.prefix = td.Prefix != nil && *td.Prefix
		t.usable = td.ID != "" && !td.Reverse && !td.HasContext && td.Nest == "" && td.Index == "" && !td.HasDirection &&
			(len(td.Container) == 0 || len(td.Container) == 1 && td.Container[0] == "@set")
		if td.HasLanguage {
			lang := ""
			if td.Language != nil {
				lang = *td.Language
			}
			t.lang = &lang
		}
	}
	c.finish()
	return c, raw, nil
}

// finish builds the lookup tables.
func (c *ldContext) finish() {
	c.prefixes = c.prefixes[:0]
	c.byIRI = map[string][]*ldTerm{}
	for _, t := range c.terms {
		if t.id == "" || t.keyword {
			continue
		}
		if t.prefix && hasScheme(t.id) {
			c.prefixes = append(c.prefixes, namespacePrefix{t.name, t.id})
		}
		if t.usable {
			c.byIRI[t.id] = append(c.byIRI[t.id], t)
		}
	}
	sort.Slice(c.prefixes, func(i, j int) bool {
		a, b := c.prefixes[i], c.prefixes[j]
		if len(a.namespace) != len(b.namespace) {
			return len(a.namespace) > len(b.namespace)
		}
		if len(a.prefix) != len(b.prefix) {
			return len(a.prefix) < len(b.prefix)
		}
		return a.prefix < b.prefix
	})
	for _, ts := range c.byIRI {
		sort.Slice(ts, func(i, j int) bool {
			if len(ts[i].name) != len(ts[j].name) {
				return len(ts[i].name) < len(ts[j].name)
			}
			return ts[i].name < ts[j].name
		})
	}
}

// stringLang is the language a plain JSON string gets under term t.
func (c *ldContext) stringLang(t *ldTerm) string {
	if t.lang != nil {
		return *t.lang
	}
	return c.lang
}

// compactID writes an IRI used as a node identifier (@id, or a value of an
// @id-coerced term): a compact IRI, an IRI relative to @base, or the IRI.
func (c *ldContext) compactID(iri string) (string, error) {
	for _, p := range c.prefixes {
		if strings.HasPrefix(iri, p.namespace) {
			if suffix := iri[len(p.namespace):]; !strings.HasPrefix(suffix, "//") {
				return p.prefix + ":" + suffix, nil
			}
		}
	}
	if c.hasBase && strings.HasPrefix(iri, c.base) && baseResolvesPlainly(c.base) {
		if rel := iri[len(c.base):]; plainRelative(rel) {
			return rel, nil
		}
	}
	return iri, c.checkFullIRI(iri, false)
}

// compactVocab writes an IRI used as a key, a @type or a datatype: a term,
// a compact IRI that is not itself a term, or the IRI.
func (c *ldContext) compactVocab(iri string, useTerms bool) (string, error) {
	if useTerms {
		if ts := c.byIRI[iri]; len(ts) > 0 {
			return ts[0].name, nil
		}
	}
	for _, p := range c.prefixes {
		if strings.HasPrefix(iri, p.namespace) {
			suffix := iri[len(p.namespace):]
			if strings.HasPrefix(suffix, "//") {
				continue
			}
			s := p.prefix + ":" + suffix
			if _, isTerm := c.terms[s]; !isTerm {
				return s, nil
			}
		}
	}
	return iri, c.checkFullIRI(iri, true)
}

// checkFullIRI reports an IRI that a JSON-LD processor would not read back
// as itself: one whose scheme is a prefix of the context (it would be taken
// for a compact IRI) or, where terms apply, one that is itself a term.
func (c *ldContext) checkFullIRI(iri string, vocab bool) error {
	if vocab {
		if _, isTerm := c.terms[iri]; isTerm {
			return fmt.Errorf("%w: %q is also a term of the JSON-LD context", ErrInvalidIRI, iri)
		}
	}
	i := strings.IndexByte(iri, ':')
	if strings.HasPrefix(iri[i+1:], "//") {
		return nil
	}
	if t, ok := c.terms[iri[:i]]; ok && t.prefix && t.id != "" {
		return fmt.Errorf("%w: %q would read as a compact IRI with prefix %q of the JSON-LD context", ErrInvalidIRI, iri, iri[:i])
	}
	return nil
}

// baseResolvesPlainly reports whether appending a plain relative path to
// base gives the same IRI as RFC 3986 resolution.
func baseResolvesPlainly(base string) bool {
	return strings.HasSuffix(base, "/") && !strings.ContainsAny(base, "?#") &&
		!strings.Contains(base, "/./") && !strings.Contains(base, "/../")
}

// plainRelative accepts relative references that every JSON-LD processor
// resolves by plain concatenation with @base: a path of
// [A-Za-z0-9._~-] segments (no "." or ".." segment, none empty) and an
// optional fragment of [A-Za-z0-9._~=,-].
func plainRelative(rel string) bool {
	path, frag, hasFrag := strings.Cut(rel, "#")
	if path == "" {
		return false
	}
	for seg := range strings.SplitSeq(path, "/") {
		if seg == "" || seg == "." || seg == ".." {
			return false
		}
		for i := 0; i < len(seg); i++ {
			if !unreserved(seg[i]) {
				return false
			}
		}
	}
	if hasFrag {
		for i := 0; i < len(frag); i++ {
			if c := frag[i]; !unreserved(c) && c != '=' && c != ',' {
				return false
			}
		}
	}
	return true
}

func unreserved(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}
