package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	"golang.org/x/text/unicode/norm"

	"github.com/assemblykg/assemblykg/internal/editdist"
	"github.com/assemblykg/assemblykg/ontology"
)

// NotFoundError reports that a name given to a query matches no node.
type NotFoundError struct {
	What    string   // "body", "person", "question", "node", "connection"
	Name    string   // as given
	Similar []string // names close to it, for "did you mean"
}

func (e *NotFoundError) Error() string {
	msg := fmt.Sprintf("no %s named %q", e.What, e.Name)
	if len(e.Similar) > 0 {
		msg += " (did you mean " + quoteList(e.Similar) + "?)"
	}
	return msg
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// Register finds the people a name the graph does not hold refers to: a
// variant of a name in a people register, a name with titles and
// post-nominals, or a post such as "The Mayor" held between two dates
// (either may be empty). It returns canonical names (foaf:name in the
// graph). mapping/people's Register is one.
type Register interface {
	Lookup(name, from, to string) []string
}

// UseRegister makes the queries resolve speakers through r as well.
func (s *Store) UseRegister(r Register) { s.register = r }

// Predicates whose literal objects name a node, for resolving names.
var (
	bodyNames   = []quad.IRI{ontology.SKOSPrefLabel, ontology.SKOSAltLabel, ontology.SKOSNotation}
	personNames = []quad.IRI{ontology.FOAFName, ontology.SKOSAltLabel}
	anyNames    = []quad.IRI{ontology.FOAFName, ontology.SKOSPrefLabel, ontology.SKOSAltLabel, ontology.SchemaName, ontology.DCTTitle}
)

// foldName folds a name for comparison: case, accents, punctuation and runs
// of spaces do not count.
func foldName(name string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '.':
			// "Mayor's", "St. Paul's": dropped
		default:
			space = true
		}
	}
	return b.String()
}

// asIRI returns the IRI a user wrote, bare or in angle brackets.
func asIRI(name string) (quad.IRI, bool) {
	if strings.HasPrefix(name, "<") && strings.HasSuffix(name, ">") {
		return quad.IRI(name[1 : len(name)-1]), true
	}
	if strings.Contains(name, "://") {
		return quad.IRI(name), true
	}
	return "", false
}

// has reports whether the store holds a quad with v as subject.
func (s *Store) has(ctx context.Context, v quad.Value) (bool, error) {
	found := false
	err := path.StartPath(s.h.QuadStore, v).Out().Limit(1).Iterate(ctx).EachValue(s.h.QuadStore, func(quad.Value) error {
		found = true
		return nil
	})
	return found, err
}

// candidates lists the nodes of a class (all nodes when class is empty)
// with their names under preds, reading each predicate's index.
func (s *Store) candidates(ctx context.Context, class quad.IRI, preds []quad.IRI) (map[quad.Value][]string, error) {
	out := map[quad.Value][]string{}
	for _, p := range preds {
		err := s.eachQuad(ctx, quad.Predicate, p, func(q quad.Quad) {
			if isLiteral(q.Object) {
				out[q.Subject] = append(out[q.Subject], Lexical(q.Object))
			}
		})
		if err != nil {
			return nil, err
		}
	}
	if class != "" {
		members, err := s.nodes(ctx, s.ofType(class))
		if err != nil {
			return nil, err
		}
		keep := make(map[quad.Value]bool, len(members))
		for _, m := range members {
			keep[m] = true
		}
		for n := range out {
			if !keep[n] {
				delete(out, n)
			}
		}
	}
	return out, nil
}

// eachQuad calls fn for every quad whose direction d is v.
func (s *Store) eachQuad(ctx context.Context, d quad.Direction, v quad.Value, fn func(quad.Quad)) error {
	qs := s.h.QuadStore
	ref, err := qs.ValueOf(v)
	if err != nil || ref == nil {
		return err
	}
	it := qs.QuadIterator(d, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			return err
		}
		fn(q)
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}

// eachObject calls fn with each of the nodes, the index in preds of the
// predicate and the object of each of the node's quads with one of preds.
// A key-value backend with a (subject, predicate) index reads only those
// quads from it; otherwise the node's quads come from the subject index
// and only the objects of the matching ones are looked up.
func (s *Store) eachObject(ctx context.Context, nodes []quad.Value, preds []quad.IRI, fn func(n quad.Value, pred int, o quad.Value)) error {
	qs := s.h.QuadStore
	want := map[any]int{}
	prefs := make([]refs.Ref, len(preds))
	for i, p := range preds {
		ref, err := qs.ValueOf(p)
		if err != nil {
			return err
		}
		if ref != nil {
			want[refs.ToKey(ref)] = i
		}
		prefs[i] = ref
	}
	if len(want) == 0 {
		return nil
	}
	// The nodes are looked up in one batch, and so are the objects found,
	// each once (a speaker, a date, a question repeat).
	nrefs, err := graph.RefsOf(ctx, qs, nodes)
	if err != nil {
		return err
	}
	type hit struct {
		node, pred, obj int
	}
	var hits []hit
	var objs []refs.Ref
	index := map[any]int{}
	// each reads the quads of it: all with predicate preds[pred], or,
	// when pred is -1, of any predicate.
	each := func(n int, it iterator.Scanner, pred int) error {
		defer it.Close()
		for it.Next(ctx) {
			i := pred
			if i < 0 {
				p, err := qs.QuadDirection(it.Result(), quad.Predicate)
				if err != nil {
					return err
				}
				ok := false
				if p != nil {
					i, ok = want[refs.ToKey(p)]
				}
				if !ok {
					continue
				}
			}
			oref, err := qs.QuadDirection(it.Result(), quad.Object)
			if err != nil {
				return err
			}
			k := refs.ToKey(oref)
			j, seen := index[k]
			if !seen {
				j, objs = len(objs), append(objs, oref)
				index[k] = j
			}
			hits = append(hits, hit{n, i, j})
		}
		return it.Err()
	}
	for n, ref := range nrefs {
		if id, ok := ref.(kv.Int64Value); ref == nil || ok && id == 0 {
			continue
		}
		if scans := s.subjectPredicate(ctx, ref, prefs); scans != nil {
			for i, sc := range scans {
				if sc != nil {
					if err := each(n, sc.Iterate(), i); err != nil {
						return err
					}
				}
			}
			continue
		}
		if err := each(n, qs.QuadIterator(quad.Subject, ref).Iterate(), -1); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	vals, err := graph.ValuesOf(ctx, qs, objs)
	if err != nil {
		return err
	}
	for _, h := range hits {
		fn(nodes[h.node], h.pred, vals[h.obj])
	}
	return nil
}

// subjectPredicate returns, for each of preds, an iterator over the quads
// of sub with that predicate read from the backend's (subject, predicate)
// index (nil for a predicate the store lacks), or nil when the backend has
// no such index.
func (s *Store) subjectPredicate(ctx context.Context, sub refs.Ref, preds []refs.Ref) []iterator.Shape {
	out := make([]iterator.Shape, len(preds))
	for i, p := range preds {
		if p == nil {
			continue
		}
		sc, ok := s.pairScan(ctx, quad.Subject, sub, quad.Predicate, p)
		if !ok {
			return nil
		}
		out[i] = sc
	}
	return out
}

// pairScan returns an iterator over the quads whose direction d1 is v1 and
// d2 is v2, read from a key-value backend's index whose keys start with
// d1 and d2; ok is false when the backend has no such index.
func (s *Store) pairScan(ctx context.Context, d1 quad.Direction, v1 refs.Ref, d2 quad.Direction, v2 refs.Ref) (sc iterator.Shape, ok bool) {
	kq, isKV := s.h.QuadStore.(*kv.QuadStore)
	i1, ok1 := v1.(kv.Int64Value)
	i2, ok2 := v2.(kv.Int64Value)
	if !isKV || !ok1 || !ok2 {
		return nil, false
	}
	key := [2]quad.Direction{d1, d2}
	found, known := s.indexes.Load(key)
	if !known {
		// Ask Cayley's optimizer for the index it would scan for those two
		// directions, or for the three (an index of three directions
		// whose keys start with the two serves their prefix).
		var ind *kv.QuadIndex
		for _, filter := range []map[quad.Direction]refs.Ref{
			{d1: v1, d2: v2},
			{d1: v1, d2: v2, quad.Subject + quad.Predicate + quad.Object - d1 - d2: v1}, // and the third of S, P, O
		} {
			sh, _ := kq.OptimizeShape(ctx, shape.QuadsAction{Result: d1, Filter: filter})
			nf, _ := sh.(shape.NodesFrom)
			if scan, isScan := nf.Quads.(kv.IndexScan); isScan && len(scan.Index.Dirs) >= 2 &&
				scan.Index.Dirs[0] == d1 && scan.Index.Dirs[1] == d2 {
				ind = &scan.Index
				break
			}
		}
		found, _ = s.indexes.LoadOrStore(key, ind)
	}
	ind := found.(*kv.QuadIndex)
	if ind == nil {
		return nil, false
	}
	return kv.IndexScan{Index: *ind, Values: []uint64{uint64(i1), uint64(i2)}}.BuildIterator(kq), true
}

// eachSubject calls fn with each of objs and the subject of each of its
// quads with predicate pred, read from the object index; only the subjects
// of the matching quads are looked up, in one batch.
func (s *Store) eachSubject(ctx context.Context, objs []quad.Value, pred quad.IRI, fn func(o, sub quad.Value)) error {
	qs := s.h.QuadStore
	pref, err := qs.ValueOf(pred)
	if err != nil || pref == nil {
		return err
	}
	want := refs.ToKey(pref)
	var of []quad.Value // the object of each subject found
	var subs []refs.Ref
	read := func(o quad.Value, it iterator.Scanner, byPred bool) error {
		defer it.Close()
		for it.Next(ctx) {
			if !byPred {
				p, err := qs.QuadDirection(it.Result(), quad.Predicate)
				if err != nil {
					return err
				}
				if p == nil || refs.ToKey(p) != want {
					continue
				}
			}
			sref, err := qs.QuadDirection(it.Result(), quad.Subject)
			if err != nil {
				return err
			}
			of, subs = append(of, o), append(subs, sref)
		}
		return it.Err()
	}
	for _, o := range objs {
		ref, err := qs.ValueOf(o)
		if err != nil {
			return err
		}
		if ref == nil {
			continue
		}
		// Only the quads with pred from an (object, predicate) index, or
		// all the object's.
		sc, byPred := s.pairScan(ctx, quad.Object, ref, quad.Predicate, pref)
		if !byPred {
			sc = qs.QuadIterator(quad.Object, ref)
		}
		if err := read(o, sc.Iterate(), byPred); err != nil {
			return err
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	vals, err := graph.ValuesOf(ctx, qs, subs)
	if err != nil {
		return err
	}
	for i, sub := range vals {
		if sub != nil {
			fn(of[i], sub)
		}
	}
	return nil
}

// resolve finds the nodes a user means: an IRI of a node in the store (or,
// with sameAs, a node the IRI is schema:sameAs), an id (the last segment
// of the IRI), or a name under preds, compared folded. A name that matches
// nothing is a NotFoundError naming the closest names.
func (s *Store) resolve(ctx context.Context, what string, class quad.IRI, name string, preds []quad.IRI, sameAs bool) ([]quad.Value, error) {
	name = strings.TrimSpace(name)
	if iri, ok := asIRI(name); ok {
		if found, err := s.has(ctx, iri); err != nil || found {
			return []quad.Value{iri}, err
		}
		if sameAs {
			subs, err := s.nodes(ctx, path.StartPath(s.h.QuadStore, iri).In(ontology.SchemaSameAs))
			if err != nil || len(subs) > 0 {
				sortValues(subs)
				return subs, err
			}
		}
		return nil, &NotFoundError{What: what, Name: name}
	}
	// Exact names first: one index lookup.
	predVals := make([]any, len(preds))
	for i, p := range preds {
		predVals[i] = p
	}
	found, err := s.nodes(ctx, path.StartPath(s.h.QuadStore, quad.String(name)).In(predVals...))
	if err != nil || len(found) > 0 {
		sortValues(found)
		return found, err
	}
	cands, err := s.candidates(ctx, class, preds)
	if err != nil {
		return nil, err
	}
	key := foldName(name)
	for n, names := range cands {
		if id := string(iriOf(n)); strings.HasSuffix(id, "/"+name) {
			found = append(found, n)
			continue
		}
		for _, nm := range names {
			if foldName(nm) == key {
				found = append(found, n)
				break
			}
		}
	}
	if len(found) > 0 {
		sortValues(found)
		return found, nil
	}
	return nil, &NotFoundError{What: what, Name: name, Similar: similar(key, cands)}
}

func sortValues(vs []quad.Value) {
	slices.SortFunc(vs, func(a, b quad.Value) int { return strings.Compare(a.String(), b.String()) })
}

// similar returns up to three names closest to key: names containing it
// or contained in it, then those within a small edit distance.
func similar(key string, cands map[quad.Value][]string) []string {
	type scored struct {
		name string
		d    int
	}
	best := map[string]int{}
	for _, names := range cands {
		for _, n := range names {
			f := foldName(n)
			d := editdist.Levenshtein(key, f)
			if key != "" && (strings.Contains(f, key) || strings.Contains(key, f) && len(f) > 3) {
				d = 0
			}
			if d <= max(2, len(key)/3) {
				if old, ok := best[n]; !ok || d < old {
					best[n] = d
				}
			}
		}
	}
	var out []scored
	for n, d := range best {
		out = append(out, scored{n, d})
	}
	slices.SortFunc(out, func(a, b scored) int { return cmp.Or(cmp.Compare(a.d, b.d), cmp.Compare(a.name, b.name)) })
	var names []string
	for _, sc := range out[:min(3, len(out))] {
		names = append(names, sc.name)
	}
	return names
}

// resolveBodies finds the bodies a name means (nil for an empty name).
func (s *Store) resolveBodies(ctx context.Context, name string) ([]quad.Value, error) {
	if strings.TrimSpace(name) == "" {
		return nil, nil
	}
	return s.resolve(ctx, "body", ontology.OrgOrganization, name, bodyNames, true)
}

// resolveQuestions finds the question items a title, file name or IRI
// means (nil for an empty one).
func (s *Store) resolveQuestions(ctx context.Context, name string) ([]quad.Value, error) {
	if strings.TrimSpace(name) == "" {
		return nil, nil
	}
	return s.resolve(ctx, "question", ontology.SchemaQuestion, name, []quad.IRI{ontology.DCTTitle, ontology.DCTSource}, false)
}

// resolvePeople finds the people a name means (nil for an empty name): as
// resolve does, then through the register, which knows variants ("Kenneth
// Livingstone", "Boris"), strips titles and post-nominals, and knows who
// held a post ("The Mayor") between from and to.
func (s *Store) resolvePeople(ctx context.Context, name, from, to string) ([]quad.Value, error) {
	if strings.TrimSpace(name) == "" {
		return nil, nil
	}
	found, err := s.resolve(ctx, "person", ontology.FOAFPerson, name, personNames, true)
	var nf *NotFoundError
	if err == nil || !asNotFound(err, &nf) || s.register == nil {
		return found, err
	}
	for _, canon := range s.register.Lookup(name, from, to) {
		more, err := s.resolve(ctx, "person", ontology.FOAFPerson, canon, personNames, false)
		if err == nil {
			found = append(found, more...)
		}
	}
	if len(found) == 0 {
		return nil, nf
	}
	found = dedup(found)
	sortValues(found)
	return found, nil
}

func asNotFound(err error, nf **NotFoundError) bool {
	e, ok := err.(*NotFoundError)
	if ok {
		*nf = e
	}
	return ok
}
