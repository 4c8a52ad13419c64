package main

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/graph/rdfio"
	"github.com/assemblykg/assemblykg/internal/corpus"
	"github.com/assemblykg/assemblykg/internal/synth"
	"github.com/assemblykg/assemblykg/internal/validate"
	"github.com/assemblykg/assemblykg/ontology"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

const seedDir = "../../seeds/transcripts"

// runCLI runs the command line in-process and returns stdout, stderr and the
// exit code.
func runCLI(t testing.TB, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, streams{in: strings.NewReader(""), out: &out, err: &errb})
	return out.String(), errb.String(), code
}

func export(t testing.TB, format string, paths ...string) []byte {
	t.Helper()
	out, stderr, code := runCLI(t, append([]string{"export", "-f", format}, paths...)...)
	if code != 0 {
		t.Fatalf("export -f %s: exit %d: %s", format, code, stderr)
	}
	return []byte(out)
}

var goldenExt = map[string]string{"turtle": "ttl", "ntriples": "nt", "nquads": "nq", "trig": "trig", "jsonld": "jsonld"}

// TestExportGolden keeps the seed's export in all four formats under
// testdata; rerun with -update and review the diff when the mapping changes.
func TestExportGolden(t *testing.T) {
	for format, ext := range goldenExt {
		t.Run(format, func(t *testing.T) {
			got := export(t, format, seedDir)
			golden := filepath.Join("testdata", "seed."+ext)
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("export differs from %s; rerun with -update and review the diff", golden)
			}
			if again := export(t, format, seedDir); !bytes.Equal(got, again) {
				t.Errorf("two exports of the same input differ")
			}
		})
	}
}

// TestExportValidators has independent parsers read the seed's export.
func TestExportValidators(t *testing.T) {
	nq := export(t, "nquads", seedDir)
	ref := sortedLines(nq)
	for _, format := range []string{"turtle", "ntriples", "nquads", "trig"} {
		data := export(t, format, seedDir)
		t.Run("serdi/"+format, func(t *testing.T) { validate.Serdi(t, format, data) })
		t.Run("rapper/"+format, func(t *testing.T) { validate.Rapper(t, format, data) })
		t.Run("n3/"+format, func(t *testing.T) {
			name := map[string]string{"turtle": "Turtle", "ntriples": "N-Triples", "nquads": "N-Quads", "trig": "TriG"}[format]
			validate.N3(t, name, data)
		})
	}
	// TriG read by three parsers gives exactly our N-Quads.
	trig := export(t, "trig", seedDir)
	want := quadSet(t, nq)
	for tool, parse := range map[string]func(t *testing.T) string{
		"serdi":  func(t *testing.T) string { return validate.Serdi(t, "trig", trig) },
		"rapper": func(t *testing.T) string { return validate.Rapper(t, "trig", trig) },
		"n3":     func(t *testing.T) string { return validate.N3(t, "TriG", trig) },
	} {
		t.Run("trig-is-nquads/"+tool, func(t *testing.T) {
			if got := quadSet(t, []byte(parse(t))); got != want {
				t.Errorf("%s reads our TriG as other quads than our N-Quads", tool)
			}
		})
	}
	for _, format := range []string{"turtle", "ntriples", "nquads", "trig", "jsonld"} {
		data := export(t, format, seedDir)
		t.Run("rdflib/"+format, func(t *testing.T) { validate.RdflibIsomorphic(t, nq, format, data) })
	}
	t.Run("jsonld.js", func(t *testing.T) {
		got := sortedLines([]byte(validate.JSONLDToRDF(t, export(t, "jsonld", seedDir))))
		if got != ref {
			t.Errorf("jsonld.js toRDF of our JSON-LD differs from our N-Quads")
		}
	})
}

// quadSet reads N-Quads and returns the quads, one per line, sorted: equal
// for the same dataset however the N-Quads were escaped.
func quadSet(t testing.TB, nq []byte) string {
	t.Helper()
	f, _ := rdfio.ByName("nquads")
	r := f.NewReader(bytes.NewReader(nq), rdfio.ReadOptions{})
	defer r.Close()
	var lines []string
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, q.String())
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func sortedLines(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// TestExportKeepsGoodFiles: a bad file is reported with its position and a
// non-zero exit, and the good file beside it is still exported.
func TestExportKeepsGoodFiles(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile(filepath.Join(seedDir, "2017-10-12-modern-day-slavery.txt"))
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "good.txt")
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(good, seed, 0o644)
	os.WriteFile(bad, []byte("Title\n\nSession date: \nJun\xe9 2012\n"), 0o644)
	out := filepath.Join(dir, "out.nq")
	_, stderr, code := runCLI(t, "export", "-o", out, bad, good)
	if code != exitError {
		t.Errorf("exit %d, want %d", code, exitError)
	}
	if !strings.Contains(stderr, bad+":4:4: not UTF-8") {
		t.Errorf("stderr does not name the file and position: %q", stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if want := export(t, "nquads", good); !bytes.Equal(data, want) {
		t.Errorf("output is not the good file's export")
	}
}

// TestExportWholeOrNothing: an output that cannot be written leaves no
// file, and an existing file is not touched.
func TestExportWholeOrNothing(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.ttl")
	os.WriteFile(out, []byte("previous"), 0o644)
	_, _, code := runCLI(t, "export", "-o", out, filepath.Join(dir, "missing.txt"))
	if code == 0 {
		t.Errorf("exit 0 for a missing input")
	}
	if b, _ := os.ReadFile(out); string(b) != "previous" {
		t.Errorf("existing output changed: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestExportFormatFromExtension(t *testing.T) {
	dir := t.TempDir()
	for format, ext := range goldenExt {
		out := filepath.Join(dir, "seed."+ext)
		if _, stderr, code := runCLI(t, "export", "-o", out, seedDir); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		got, _ := os.ReadFile(out)
		if !bytes.Equal(got, export(t, format, seedDir)) {
			t.Errorf("-o *.%s does not write %s", ext, format)
		}
	}
	if _, _, code := runCLI(t, "export", "-o", filepath.Join(dir, "x.csv"), seedDir); code != exitUsage {
		t.Errorf("unknown extension: exit %d, want %d", code, exitUsage)
	}
}

// TestExportParallelSameBytes: the corpus exported with one worker and with
// several gives the same bytes.
func TestExportParallelSameBytes(t *testing.T) {
	dev := corpus.Path(corpus.Dev)
	if dev == "" {
		t.Skip("no dev corpus beside the repository")
	}
	one, _, _ := runCLI(t, "export", "-f", "nquads", "--workers", "1", dev)
	four, _, _ := runCLI(t, "export", "-f", "nquads", "--workers", "4", dev)
	if one == "" || one != four {
		t.Errorf("parallel export differs from the sequential one (%d vs %d bytes)", len(one), len(four))
	}
}

// TestShippedQueries runs the SPARQL of ontology/queries with rdflib on the
// seed's export and checks the rows a user would read.
func TestShippedQueries(t *testing.T) {
	validate.Rdflib(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "seed.nt")
	os.WriteFile(data, export(t, "ntriples", seedDir), 0o644)
	rows := func(name string) []string {
		q, _ := ontology.Query(name)
		qf := filepath.Join(dir, name+".rq")
		os.WriteFile(qf, []byte(q), 0o644)
		script := `import sys, rdflib
g = rdflib.Graph(); g.parse(sys.argv[1], format="nt")
res = g.query(open(sys.argv[2], encoding="utf-8").read())
print("\t".join(str(v) for v in res.vars))
for r in res: print("\t".join("" if x is None else str(x) for x in r))`
		out, err := exec.Command(validate.Python, "-c", script, data, qf).CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		return strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	}
	turns := rows("turns")
	if turns[0] != "source\tposition\tspeakerName\trole" || len(turns) != 15 {
		t.Errorf("turns: header %q, %d rows, want 14", turns[0], len(turns)-1)
	}
	if !strings.HasSuffix(turns[1], "\t0\tJennette Arnold\tAssembly Member") || !strings.HasSuffix(turns[2], "\t1\tSadiq Khan\tMayor of London") {
		t.Errorf("turns: first rows %q %q", turns[1], turns[2])
	}
	mentions := rows("mentions")
	if mentions[0] != "source\tposition\tspeakerName\tbodyName\tsurface\tbegin\tend" {
		t.Errorf("mentions header %q", mentions[0])
	}
	pairs := map[string]bool{}
	for _, r := range mentions[1:] {
		f := strings.Split(r, "\t")
		pairs[f[2]+" -> "+f[3]] = true
	}
	for _, want := range []string{
		"Jennette Arnold -> Metropolitan Police Service", "Jennette Arnold -> Crown Prosecution Service",
		"Jennette Arnold -> Mayor's Office for Policing and Crime", "Jennette Arnold -> Home Office",
		"Jennette Arnold -> Evening Standard", "Sadiq Khan -> Metropolitan Police Service",
		"Sadiq Khan -> Evening Standard", "Sadiq Khan -> London Modern Slavery Partnership Board",
	} {
		if !pairs[want] {
			t.Errorf("mentions: no row for %s", want)
		}
	}
	if len(pairs) != 8 {
		t.Errorf("mentions: %d speaker-body pairs, want 8: %v", len(pairs), pairs)
	}
	claims := rows("claims")
	if claims[0] != "source\tspeakerName\tvalue\tunit\tsentence" {
		t.Errorf("claims header %q", claims[0])
	}
	values := map[string]bool{}
	for _, r := range claims[1:] {
		f := strings.Split(r, "\t")
		if f[1] == "Sadiq Khan" {
			values[f[2]+" "+f[3]] = true
		}
	}
	for _, want := range []string{"59 arrests", "88 arrests", "6 cases"} {
		if !values[want] {
			t.Errorf("claims: no %s by Sadiq Khan (have %v)", want, values)
		}
	}
	bodies := rows("bodies")
	if bodies[0] != "body\tkind\tmentions\tsame_as\tbody_iri" || len(bodies) < 7 {
		t.Errorf("bodies: %q", bodies)
	}
}

// TestEveryTermDocumented: each class and property the seed's export uses
// is in the table of ontology/README.md, so users can look it up.
func TestEveryTermDocumented(t *testing.T) {
	readme, err := os.ReadFile("../../ontology/README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(readme)
	nt := string(export(t, "ntriples", seedDir))
	seen := map[string]bool{}
	for _, line := range strings.Split(nt, "\n") {
		f := strings.SplitN(line, " ", 3)
		if len(f) < 3 {
			continue
		}
		terms := []string{f[1]}
		if f[1] == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" {
			terms = []string{strings.Fields(f[2])[0]}
		}
		for _, iri := range terms {
			iri = strings.Trim(iri, "<>")
			if seen[iri] || iri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" {
				continue
			}
			seen[iri] = true
			curie := ""
			for _, p := range ontology.Prefixes {
				if strings.HasPrefix(iri, p.Namespace) {
					curie = p.Prefix + ":" + strings.TrimPrefix(iri, p.Namespace)
				}
			}
			if curie == "" || !strings.Contains(doc, "`"+curie+"`") {
				t.Errorf("%s (%s) is not in ontology/README.md", iri, curie)
			}
		}
	}
}

// TestExportManyInputs: hundreds of generated transcripts give the same
// bytes with one worker and with three; a copy of a transcript is refused
// with the name of the file it repeats, and another transcript with the
// same date and title is kept in a graph of its own.
func TestExportManyInputs(t *testing.T) {
	dir := t.TempDir()
	gen, err := synth.New(7)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gen.WriteDir(context.Background(), dir, 300, 2); err != nil {
		t.Fatal(err)
	}
	one, _, code1 := runCLI(t, "export", "-f", "nquads", "--workers", "1", dir)
	three, _, code3 := runCLI(t, "export", "-f", "nquads", "--workers", "3", dir)
	if code1 != 0 || code3 != 0 || one != three {
		t.Fatalf("exit %d/%d; outputs equal: %v", code1, code3, one == three)
	}
	seed, _ := os.ReadFile(filepath.Join(seedDir, "2017-10-12-modern-day-slavery.txt"))
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, seed, 0o644)
	os.WriteFile(b, seed, 0o644)
	_, stderr, code := runCLI(t, "export", "-f", "nquads", a, b)
	if code != exitError || !strings.Contains(stderr, b+": the same transcript as "+a) {
		t.Errorf("duplicate transcript: exit %d, stderr %q", code, stderr)
	}
	os.WriteFile(b, bytes.Replace(seed, []byte("Thank you for that."), []byte("Thank you."), 1), 0o644)
	out, stderr, code := runCLI(t, "export", "-f", "nquads", a, b)
	graphs := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		f := strings.Fields(line)
		graphs[f[len(f)-2]] = true
	}
	if code != 0 || len(graphs) != 4 {
		t.Errorf("same date and title, other text: exit %d, %d graphs (want 2, the register and the description): %s", code, len(graphs), stderr)
	}
}

// TestExportWarns: a transcript cut off mid-turn, or with a header field
// that is not a name, is exported with a positioned warning on stderr and
// exit 0; a turn over the size limit is a positioned error.
func TestExportWarns(t *testing.T) {
	dir := t.TempDir()
	cut := filepath.Join(dir, "cut.txt")
	os.WriteFile(cut, []byte("Lamps\n\nSession date: 2012-01-18\nQuestion By: Andrew Boff\nAsked Of: The Mayor\n\nWhy?\n\nAnswer for Lamps\n\nAnswered By: The Mayor\n\nThe lamps will be fitted from\n"), 0o644)
	out, stderr, code := runCLI(t, "export", "-f", "ntriples", cut)
	if code != 0 || out == "" {
		t.Fatalf("exit %d, %d bytes out: %s", code, len(out), stderr)
	}
	if !strings.Contains(stderr, cut+":13:30: warning: the last turn stops mid-sentence") {
		t.Errorf("stderr %q: want a positioned warning that the text is cut off", stderr)
	}
	big := filepath.Join(dir, "big.txt")
	os.WriteFile(big, []byte("Lamps\n\nSession date: 2012-01-18\nQuestion By: Andrew Boff\nAsked Of: The Mayor\n\nWhy?\n\nAnswer for Lamps\n\nAnswered By: The Mayor\n\n"+strings.Repeat("no break ", 300_000)+"\n"), 0o644)
	_, stderr, code = runCLI(t, "export", "-f", "ntriples", big, cut)
	if code != exitError || !strings.Contains(stderr, big+":13:") || !strings.Contains(stderr, "too large") {
		t.Errorf("exit %d, stderr %q: want exit %d and a positioned too-large error", code, stderr, exitError)
	}
}

// TestExportSourceSidecar: a .source file beside a transcript gives its
// text's dct:source; a sidecar without an address is reported at its line
// and the transcript is not exported.
func TestExportSourceSidecar(t *testing.T) {
	dir := t.TempDir()
	seed, _ := os.ReadFile(filepath.Join(seedDir, "2017-10-12-modern-day-slavery.txt"))
	os.WriteFile(filepath.Join(dir, "q.txt"), seed, 0o644)
	os.WriteFile(filepath.Join(dir, "q.source"), []byte("https://www.london.gov.uk/questions/2017/3830 (found 2026-11-29)\n"), 0o644)
	out, stderr, code := runCLI(t, "export", "-f", "ntriples", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "/modern-day-slavery/text> <http://purl.org/dc/terms/source> <https://www.london.gov.uk/questions/2017/3830> .") {
		t.Errorf("no dct:source from the sidecar")
	}
	if bytes.Contains(export(t, "ntriples", seedDir), []byte("dc/terms/source> <")) {
		t.Errorf("dct:source IRI without a sidecar")
	}
	os.WriteFile(filepath.Join(dir, "q.source"), []byte("\nsee the Assembly's site\n"), 0o644)
	out, stderr, code = runCLI(t, "export", "-f", "ntriples", dir)
	if code != exitError || !strings.Contains(stderr, filepath.Join(dir, "q.source")+":2:1: ") || strings.Contains(out, "modern-day-slavery") {
		t.Errorf("bad sidecar: exit %d, stderr %q", code, stderr)
	}
}

// TestExportNoTripleTwice: on the seed and dev corpora, N-Triples has no
// line twice (the register graph describes shared things once), and the
// dataset description counts the triples outside it.
func TestExportNoTripleTwice(t *testing.T) {
	for name, dir := range exportedCorpora(t) {
		t.Run(name, func(t *testing.T) {
			nt := strings.Split(strings.TrimSpace(string(export(t, "ntriples", dir))), "\n")
			seen := map[string]bool{}
			for _, l := range nt {
				if seen[l] {
					t.Fatalf("written twice: %s", l)
				}
				seen[l] = true
			}
			qs := readQuads(t, export(t, "nquads", dir))
			var described, triples int
			for _, q := range qs {
				if strings.HasSuffix(q.Label.String(), "/graph/description>") {
					described++
					if q.Predicate == ontology.VoidTriples {
						triples, _ = strconv.Atoi(string(q.Object.(quad.TypedString).Value))
					}
				}
			}
			if triples == 0 || triples != len(qs)-described || len(nt) != len(qs) {
				t.Errorf("void:triples %d; %d quads outside the description, %d N-Triples lines, %d quads", triples, len(qs)-described, len(nt), len(qs))
			}
		})
	}
}

// TestExportDescription: the dataset description carries the licence, the
// publisher and the dump given, and dates from the data.
func TestExportDescription(t *testing.T) {
	out, stderr, code := runCLI(t, "export", "-f", "ntriples", "--publisher", "Example Newsroom", "--dump-url", "https://example.org/mqt.nt", seedDir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ds := "<https://w3id.org/assemblykg/id/dataset> "
	for _, want := range []string{
		ds + "<http://purl.org/dc/terms/license> <http://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/> .",
		ds + "<http://rdfs.org/ns/void#dataDump> <https://example.org/mqt.nt> .",
		ds + "<http://purl.org/dc/terms/modified> \"2017-10-12\"^^<http://www.w3.org/2001/XMLSchema#date> .",
		"<https://w3id.org/assemblykg/id/publisher> <http://xmlns.com/foaf/0.1/name> \"Example Newsroom\" .",
		"<https://w3id.org/assemblykg/id/dataset/distribution/ntriples> <http://www.w3.org/ns/dcat#mediaType> <https://www.iana.org/assignments/media-types/application/n-triples> .",
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing: %s", want)
		}
	}
	if _, _, code := runCLI(t, "export", "--dump-url", "example.org/x", seedDir); code != exitUsage {
		t.Errorf("--dump-url without scheme: exit %d, want %d", code, exitUsage)
	}
}
