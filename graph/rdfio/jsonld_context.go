package rdfio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
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

var errRemoteContext = errors.New("remote contexts are not loaded")

// parseContext processes a JSON-LD context document: {"@context": ...} or a
// context definition (object, array or null). It implements the parts of
// the JSON-LD 1.1 context processing algorithm that decide how IRIs expand;
// features the writer does not use (scoped contexts, reverse properties,
// containers) only mark their terms as unusable.
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
	if err := c.process(v); err != nil {
		return nil, nil, fmt.Errorf("rdfio: JSON-LD context: %w", err)
	}
	c.finish()
	return c, raw, nil
}

func (c *ldContext) process(v any) error {
	switch v := v.(type) {
	case nil:
		*c = ldContext{terms: map[string]*ldTerm{}}
		return nil
	case []any:
		for _, e := range v {
			if err := c.process(e); err != nil {
				return err
			}
		}
		return nil
	case string:
		return fmt.Errorf("%w: %q", errRemoteContext, v)
	case map[string]any:
		return c.processObject(v)
	}
	return fmt.Errorf("invalid local context of type %T", v)
}

func (c *ldContext) processObject(m map[string]any) error {
	if _, ok := m["@import"]; ok {
		return fmt.Errorf("%w: @import", errRemoteContext)
	}
	if v, ok := m["@base"]; ok {
		switch v := v.(type) {
		case nil:
			c.base, c.hasBase = "", false
		case string:
			if !hasScheme(v) {
				return fmt.Errorf("relative @base %q is not supported", v)
			}
			c.base, c.hasBase = v, true
		default:
			return fmt.Errorf("invalid @base %v", v)
		}
	}
	if v, ok := m["@language"]; ok {
		switch v := v.(type) {
		case nil:
			c.lang = ""
		case string:
			c.lang = v
		default:
			return fmt.Errorf("invalid @language %v", v)
		}
	}
	if v, ok := m["@direction"]; ok && v != nil {
		return errors.New("a default @direction is not supported")
	}
	defined := map[string]bool{}
	if v, ok := m["@vocab"]; ok {
		switch v := v.(type) {
		case nil:
			c.vocab, c.hasVocab = "", false
		case string:
			iri, err := c.expand(m, v, defined)
			if err != nil {
				return err
			}
			c.vocab, c.hasVocab = iri, true
		default:
			return fmt.Errorf("invalid @vocab %v", v)
		}
	}
	names := make([]string, 0, len(m))
	for k := range m {
		if !strings.HasPrefix(k, "@") {
			names = append(names, k)
		}
	}
	sort.Strings(names)
	for _, k := range names {
		if err := c.define(m, k, defined); err != nil {
			return err
		}
	}
	return nil
}

// define creates the term definition of name from the local context m.
// defined holds false while a term is being defined (to catch cycles) and
// true once it is done.
func (c *ldContext) define(m map[string]any, name string, defined map[string]bool) error {
	if done, seen := defined[name]; seen {
		if !done {
			return fmt.Errorf("cyclic definition of term %q", name)
		}
		return nil
	}
	defined[name] = false
	defer func() { defined[name] = true }()
	t := &ldTerm{name: name}
	c.terms[name] = t
	switch v := m[name].(type) {
	case nil:
		return nil
	case string:
		if isKeyword(v) {
			t.keyword = true
			return nil
		}
		id, err := c.expand(m, v, defined)
		if err != nil {
			return fmt.Errorf("term %q: %w", name, err)
		}
		if id == "" {
			return nil
		}
		t.id, t.usable = id, true
		t.prefix = !strings.ContainsAny(name, ":/") && strings.ContainsAny(id[len(id)-1:], ":/?#[]@")
		return nil
	case map[string]any:
		return c.defineExpanded(m, t, v, defined)
	default:
		return fmt.Errorf("term %q: invalid definition %v", name, v)
	}
}

func (c *ldContext) defineExpanded(m map[string]any, t *ldTerm, def map[string]any, defined map[string]bool) error {
	t.usable = true
	for k := range def {
		switch k {
		case "@id", "@type", "@language", "@prefix", "@protected":
		case "@container":
			switch v := def[k].(type) {
			case string:
				t.usable = t.usable && v == "@set"
			case []any:
				t.usable = t.usable && len(v) == 1 && v[0] == "@set"
			case nil:
			default:
				t.usable = false
			}
		default: // @reverse, @context, @nest, @index, @direction, ...
			t.usable = false
		}
	}
	if rev, ok := def["@reverse"].(string); ok {
		id, err := c.expand(m, rev, defined)
		if err != nil {
			return fmt.Errorf("term %q: %w", t.name, err)
		}
		t.id = id
		return nil
	}
	switch v, ok := def["@id"]; {
	case ok && v == nil:
		t.usable = false
		return nil
	case ok:
		s, isString := v.(string)
		if !isString {
			return fmt.Errorf("term %q: invalid @id %v", t.name, v)
		}
		if isKeyword(s) {
			t.keyword, t.usable = true, false
			return nil
		}
		id, err := c.expand(m, s, defined)
		if err != nil {
			return fmt.Errorf("term %q: %w", t.name, err)
		}
		t.id = id
	case strings.Contains(t.name, ":"):
		id, err := c.expand(m, t.name, defined)
		if err != nil {
			return fmt.Errorf("term %q: %w", t.name, err)
		}
		t.id = id
	case c.hasVocab:
		t.id = c.vocab + t.name
	default:
		return fmt.Errorf("term %q has no IRI mapping", t.name)
	}
	if v, ok := def["@type"]; ok {
		s, isString := v.(string)
		if !isString {
			return fmt.Errorf("term %q: invalid @type %v", t.name, v)
		}
		if isKeyword(s) {
			t.typ = s
		} else {
			typ, err := c.expand(m, s, defined)
			if err != nil {
				return fmt.Errorf("term %q: @type: %w", t.name, err)
			}
			t.typ = typ
		}
	}
	if v, ok := def["@language"]; ok {
		switch v := v.(type) {
		case nil:
			none := ""
			t.lang = &none
		case string:
			t.lang = &v
		default:
			return fmt.Errorf("term %q: invalid @language %v", t.name, v)
		}
	}
	if v, ok := def["@prefix"]; ok {
		b, isBool := v.(bool)
		if !isBool || strings.ContainsAny(t.name, ":/") {
			return fmt.Errorf("term %q: invalid @prefix", t.name)
		}
		t.prefix = b
	}
	return nil
}

// expand expands an IRI found in a context (vocabulary-relative), defining
// the terms it depends on first.
func (c *ldContext) expand(m map[string]any, v string, defined map[string]bool) (string, error) {
	if isKeyword(v) {
		return v, nil
	}
	if _, local := m[v]; local {
		if err := c.define(m, v, defined); err != nil {
			return "", err
		}
	}
	if t, ok := c.terms[v]; ok {
		return t.id, nil
	}
	if i := strings.IndexByte(v, ':'); i > 0 {
		prefix, suffix := v[:i], v[i+1:]
		if prefix == "_" || strings.HasPrefix(suffix, "//") {
			return v, nil
		}
		if _, local := m[prefix]; local {
			if err := c.define(m, prefix, defined); err != nil {
				return "", err
			}
		}
		if t, ok := c.terms[prefix]; ok && t.id != "" && t.prefix {
			return t.id + suffix, nil
		}
		return v, nil
	}
	if c.hasVocab {
		return c.vocab + v, nil
	}
	return "", fmt.Errorf("relative IRI %q", v)
}

func isKeyword(s string) bool {
	switch s {
	case "@base", "@container", "@context", "@direction", "@graph", "@id", "@import",
		"@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@prefix",
		"@propagate", "@protected", "@reverse", "@set", "@type", "@value", "@version", "@vocab":
		return true
	}
	return false
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
