package rdfio

import "testing"

// TestParseContext: json-gold processes the context; the writer keeps the
// prefixes and the terms it can use, and refuses what it cannot honour.
func TestParseContext(t *testing.T) {
	c, _, err := parseContext([]byte(`{"@context": {
		"@version": 1.1,
		"ex": "http://example.org/",
		"exv": {"@id": "http://example.org/v#"},
		"name": "ex:name",
		"knows": {"@id": "ex:knows", "@type": "@id"},
		"label": {"@id": "ex:label", "@language": "en"},
		"parent": {"@reverse": "ex:child"},
		"tags": {"@id": "ex:tag", "@container": "@list"},
		"kind": "@type",
		"gone": null
	}}`))
	if err != nil {
		t.Fatal(err)
	}
	if ts := c.byIRI["http://example.org/name"]; len(ts) != 1 || ts[0].name != "name" {
		t.Errorf("name: %+v", ts)
	}
	if k := c.terms["knows"]; k == nil || !k.usable || k.typ != "@id" {
		t.Errorf("knows: %+v", k)
	}
	if l := c.terms["label"]; l == nil || l.lang == nil || *l.lang != "en" {
		t.Errorf("label: %+v", l)
	}
	for _, name := range []string{"parent", "tags", "gone"} {
		if c.terms[name] == nil || c.terms[name].usable {
			t.Errorf("%s should be a term the writer does not use: %+v", name, c.terms[name])
		}
	}
	if !c.terms["kind"].keyword {
		t.Error("kind should be a keyword alias")
	}
	if !c.terms["ex"].prefix || c.terms["exv"].prefix {
		t.Error("a plain term ending in / is a prefix; an expanded one is not unless it says so")
	}
	if id, err := c.compactID("http://example.org/alice"); err != nil || id != "ex:alice" {
		t.Errorf("compactID: %q, %v", id, err)
	}
	for _, bad := range []string{`"http://example.org/context.jsonld"`, `{"@direction": "ltr"}`, `{"a": "b:c", "b": "a:d"}`} {
		if _, _, err := parseContext([]byte(bad)); err == nil {
			t.Errorf("context %s: no error", bad)
		}
	}
}
