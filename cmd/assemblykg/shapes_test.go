package main

import (
	"bytes"
	"io"
	"strconv"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/internal/corpus"
	"github.com/assemblykg/assemblykg/internal/validate"
	"github.com/assemblykg/assemblykg/ontology"
)

// exportedCorpora are the seed and, when it is beside the repository, the
// dev corpus.
func exportedCorpora(t *testing.T) map[string]string {
	c := map[string]string{"seed": seedDir}
	if dev := corpus.Path(corpus.Dev); dev != "" {
		c["dev"] = dev
	} else {
		t.Log("no dev corpus beside the repository: checking the seed only")
	}
	return c
}

// TestExportConformsToShapes: the seed and dev exports conform to
// ontology/shapes.ttl.
func TestExportConformsToShapes(t *testing.T) {
	if testing.Short() {
		t.Skip("external validators are slow; skipped with -short")
	}
	for name, dir := range exportedCorpora(t) {
		t.Run(name, func(t *testing.T) {
			rep := validate.SHACL(t, export(t, "turtle", dir), ontology.Shapes())
			for _, r := range rep.Results {
				t.Error(r)
			}
		})
	}
}

// TestExportOffsets checks what SHACL Core cannot say: every span lies
// within its text, a mention's anchor and a claim's text are the text at
// their offsets, a question's turns have distinct positions and a span is
// one mention.
func TestExportOffsets(t *testing.T) {
	for name, dir := range exportedCorpora(t) {
		t.Run(name, func(t *testing.T) {
			for _, msg := range checkOffsets(readQuads(t, export(t, "nquads", dir))) {
				t.Error(msg)
			}
		})
	}
}

// TestExportOffsetsCatchNonsense: the checks report spans past the text,
// anchors that are not the text (of a body's or an Act's mention), a span
// that names both a body and an Act, and two turns in one position.
func TestExportOffsetsCatchNonsense(t *testing.T) {
	qs := readQuads(t, export(t, "nquads", seedDir))
	var mention, actMention, turn quad.Value
	for _, q := range qs {
		if q.Predicate == ontology.RDFType && q.Object == ontology.LegislationMention {
			actMention = q.Subject
		}
		if q.Predicate == ontology.NIFAnchorOf && mention == nil {
			mention = q.Subject
		}
		if q.Predicate == ontology.SchemaPosition && turn == nil {
			turn = q.Subject
		}
	}
	if mention == nil || actMention == nil || turn == nil {
		t.Fatal("the seed export has no mention of a body, of an Act or no turn")
	}
	for _, c := range []struct {
		name string
		edit func(q quad.Quad) quad.Quad
	}{
		{"anchor", func(q quad.Quad) quad.Quad {
			if q.Subject == mention && q.Predicate == ontology.NIFAnchorOf {
				q.Object = quad.String("Home Office")
			}
			return q
		}},
		{"anchor of an Act", func(q quad.Quad) quad.Quad {
			if q.Subject == actMention && q.Predicate == ontology.NIFAnchorOf {
				q.Object = quad.String("Modern Slavery Act 2015")
			}
			return q
		}},
		{"body and Act at one span", func(q quad.Quad) quad.Quad {
			if q.Subject == mention && q.Predicate == ontology.RDFType && q.Object == ontology.NIFPhrase {
				q.Object = ontology.LegislationMention
			}
			return q
		}},
		{"past the end", func(q quad.Quad) quad.Quad {
			if q.Subject == mention && q.Predicate == ontology.NIFEndIndex {
				q.Object = quad.TypedString{Value: "999999", Type: ontology.XSDNonNegativeInteger}
			}
			return q
		}},
		{"position", func(q quad.Quad) quad.Quad {
			if q.Subject == turn && q.Predicate == ontology.SchemaPosition {
				q.Object = quad.TypedString{Value: "1", Type: ontology.XSDInteger}
			}
			return q
		}},
	} {
		edited := make([]quad.Quad, len(qs))
		for i, q := range qs {
			edited[i] = c.edit(q)
		}
		if msgs := checkOffsets(edited); len(msgs) == 0 {
			t.Errorf("%s: nonsense not reported", c.name)
		}
	}
}

func readQuads(t *testing.T, nq []byte) []quad.Quad {
	t.Helper()
	f, _ := rdfio.ByName("nquads")
	r := f.NewReader(bytes.NewReader(nq), rdfio.ReadOptions{})
	defer r.Close()
	var qs []quad.Quad
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			return qs
		}
		if err != nil {
			t.Fatal(err)
		}
		qs = append(qs, q)
	}
}

// checkOffsets returns a message for each offset or position that is not
// right.
func checkOffsets(qs []quad.Quad) []string {
	type node struct {
		ctx, partOf  quad.Value
		begin, end   int
		hasSpan      bool
		anchor, text *string
		position     string
		isMention    bool
		isActMention bool
		isTurn       bool
		str          []rune
		hasStr       bool
	}
	nodes := map[quad.Value]*node{}
	get := func(v quad.Value) *node {
		n := nodes[v]
		if n == nil {
			n = &node{begin: -1, end: -1}
			nodes[v] = n
		}
		return n
	}
	lit := func(v quad.Value) string {
		switch v := v.(type) {
		case quad.String:
			return string(v)
		case quad.TypedString:
			return string(v.Value)
		}
		return ""
	}
	num := func(v quad.Value) int {
		n, err := strconv.Atoi(lit(v))
		if err != nil {
			return -1
		}
		return n
	}
	for _, q := range qs {
		n := get(q.Subject)
		switch q.Predicate {
		case ontology.NIFReferenceContext:
			n.ctx = q.Object
		case ontology.NIFBeginIndex:
			n.begin, n.hasSpan = num(q.Object), true
		case ontology.NIFEndIndex:
			n.end, n.hasSpan = num(q.Object), true
		case ontology.NIFIsString:
			n.str, n.hasStr = []rune(lit(q.Object)), true
		case ontology.NIFAnchorOf:
			s := lit(q.Object)
			n.anchor = &s
		case ontology.SchemaText:
			s := lit(q.Object)
			n.text = &s
		case ontology.SchemaPosition:
			n.position = lit(q.Object)
		case ontology.DCTIsPartOf:
			n.partOf = q.Object
		case ontology.RDFType:
			n.isMention = n.isMention || q.Object == ontology.Mention
			n.isActMention = n.isActMention || q.Object == ontology.LegislationMention
			n.isTurn = n.isTurn || q.Object == ontology.OpenGovSpeech
		}
	}
	var msgs []string
	positions := map[[2]string]quad.Value{}
	spans := map[[3]string]quad.Value{}
	for s, n := range nodes {
		if n.hasStr && n.end != len(n.str) {
			msgs = append(msgs, s.String()+": endIndex "+strconv.Itoa(n.end)+" is not the text's length "+strconv.Itoa(len(n.str)))
		}
		if n.ctx == nil || !n.hasSpan {
			continue
		}
		ctx := nodes[n.ctx]
		if ctx == nil || !ctx.hasStr {
			msgs = append(msgs, s.String()+": context without text")
			continue
		}
		if n.begin < 0 || n.begin > n.end || n.end > len(ctx.str) {
			msgs = append(msgs, s.String()+": span "+strconv.Itoa(n.begin)+","+strconv.Itoa(n.end)+" not within the text's "+strconv.Itoa(len(ctx.str))+" code points")
			continue
		}
		at := string(ctx.str[n.begin:n.end])
		if n.anchor != nil && *n.anchor != at {
			msgs = append(msgs, s.String()+": anchor "+strconv.Quote(*n.anchor)+" is not the text at its offsets, "+strconv.Quote(at))
		}
		if n.text != nil && !n.isTurn && *n.text != at {
			msgs = append(msgs, s.String()+": text "+strconv.Quote(*n.text)+" is not the text at its offsets, "+strconv.Quote(at))
		}
		if n.isMention && n.isActMention {
			msgs = append(msgs, s.String()+": a mention of a body and of an Act at one span")
		}
		if n.isMention || n.isActMention {
			k := [3]string{n.ctx.String(), strconv.Itoa(n.begin), strconv.Itoa(n.end)}
			if other, dup := spans[k]; dup && other != s {
				msgs = append(msgs, s.String()+" and "+other.String()+": two mentions of one span")
			}
			spans[k] = s
		}
		if n.isTurn {
			k := [2]string{n.partOf.String(), n.position}
			if other, dup := positions[k]; dup && other != s {
				msgs = append(msgs, s.String()+" and "+other.String()+": two turns in position "+n.position)
			}
			positions[k] = s
		}
	}
	return msgs
}
