package validate

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

//go:embed scripts
var scripts embed.FS

// RequireEnv names the environment variable that turns a missing validator
// from a skip into a failure.
const RequireEnv = "ASSEMBLYKG_REQUIRE_VALIDATORS"

// NodeModulesEnv names the environment variable that points at the
// node_modules directory holding n3, jsonld, rdf-validate-shacl and
// @zazuko/env.
const NodeModulesEnv = "ASSEMBLYKG_NODE_MODULES"

// Python is the interpreter that has Debian's rdflib.
const Python = "/usr/bin/python3"

// missing skips t, or fails it when validators are required.
func missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if os.Getenv(RequireEnv) == "1" {
		t.Fatalf("validator missing ("+RequireEnv+"=1): "+format, args...)
	}
	t.Skipf("validator missing (run .ci/validators.sh): "+format, args...)
}

// RepoRoot returns the directory holding go.mod, found by walking up from
// the working directory.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("validate: no go.mod above the working directory")
		}
		dir = parent
	}
}

// NodeModules returns the node_modules directory with the node validators,
// after checking that node and the named packages are there.
func NodeModules(t testing.TB, packages ...string) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		missing(t, "node not on PATH")
	}
	dir := os.Getenv(NodeModulesEnv)
	if dir == "" {
		root, err := RepoRoot()
		if err != nil {
			missing(t, "%v", err)
		}
		dir = filepath.Join(root, ".ci", "node_modules")
	}
	for _, p := range packages {
		if _, err := os.Stat(filepath.Join(dir, p, "package.json")); err != nil {
			missing(t, "node package %s not in %s", p, dir)
		}
	}
	return dir
}

// script writes an embedded script into a fresh directory and returns its
// path. For node scripts the directory gets a node_modules link, so both
// require and import find the packages.
func script(t testing.TB, name, nodeModules string) string {
	t.Helper()
	src, err := scripts.ReadFile("scripts/" + name)
	if err != nil {
		t.Fatalf("validate: %v", err)
	}
	dir := t.TempDir()
	if nodeModules != "" {
		abs, err := filepath.Abs(nodeModules)
		if err != nil {
			t.Fatalf("validate: %v", err)
		}
		if err := os.Symlink(abs, filepath.Join(dir, "node_modules")); err != nil {
			t.Fatalf("validate: %v", err)
		}
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatalf("validate: %v", err)
	}
	return path
}

// run runs a command with stdin and returns its stdout; it fails t with
// stderr when the command fails.
func run(t testing.TB, what string, stdin []byte, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s rejected the data: %v\n%s%s", what, err, clip(stderr.String()), clip(stdout.String()))
	}
	return stdout.Bytes()
}

func clip(s string) string {
	if len(s) > 4000 {
		return s[:4000] + "\n[...]"
	}
	return s
}

func tempFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatalf("validate: %v", err)
	}
	return path
}

// Serdi parses data with serdi in strict mode. syntax is "turtle",
// "ntriples", "nquads" or "trig". It returns serdi's re-serialisation:
// N-Triples, or N-Quads for nquads and trig input.
func Serdi(t testing.TB, syntax string, data []byte) string {
	t.Helper()
	if _, err := exec.LookPath("serdi"); err != nil {
		missing(t, "serdi not on PATH")
	}
	out := "ntriples"
	if syntax == "nquads" || syntax == "trig" {
		out = "nquads"
	}
	path := tempFile(t, "data", data)
	cmd := exec.Command("serdi", "-i", syntax, "-o", out, path)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil || stderr.Len() > 0 {
		t.Fatalf("serdi -i %s rejected the data: %v\n%s", syntax, err, clip(stderr.String()))
	}
	return stdout.String()
}

// Rapper parses data with rapper (Raptor); syntax is a rapper input name
// ("turtle", "ntriples", "nquads", "trig"). It returns rapper's N-Triples,
// or N-Quads for nquads and trig input.
func Rapper(t testing.TB, syntax string, data []byte) string {
	t.Helper()
	if _, err := exec.LookPath("rapper"); err != nil {
		missing(t, "rapper not on PATH")
	}
	out := "ntriples"
	if syntax == "nquads" || syntax == "trig" {
		out = "nquads"
	}
	path := tempFile(t, "data", data)
	cmd := exec.Command("rapper", "-q", "-i", syntax, "-o", out, path, "http://example.invalid/base/")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("rapper -i %s rejected the data: %v\n%s", syntax, err, clip(stderr.String()))
	}
	return stdout.String()
}

// N3 parses data with N3.js in the strict syntax format ("Turtle",
// "N-Triples", "N-Quads" or "TriG") and returns the quads as N-Quads.
func N3(t testing.TB, format string, data []byte) string {
	t.Helper()
	nm := NodeModules(t, "n3")
	return string(run(t, "N3.js ("+format+")", data, "node", script(t, "n3.mjs", nm), format))
}

// JSONLDToRDF converts a JSON-LD document to N-Quads with jsonld.js toRDF
// in safe mode; it fails t if jsonld.js reports anything it would drop.
func JSONLDToRDF(t testing.TB, data []byte) string {
	t.Helper()
	nm := NodeModules(t, "jsonld")
	return string(run(t, "jsonld.js toRDF", data, "node", script(t, "jsonld.mjs", nm)))
}

// RdflibIsomorphic checks with rdflib that data, in format "turtle",
// "ntriples", "nquads", "trig" or "jsonld", is isomorphic to the reference N-Quads:
// graph by graph for quad formats (graphs named by blank nodes are merged),
// against the union of the graphs for triple formats.
//
// rdflib 6.1.1 (Debian 12) decodes the N-Triples/N-Quads escape \ followed
// by a letter wrongly ("\n" becomes a backslash and a newline), so the
// reference, and data in those formats, reach it with \ written as the
// equivalent \.
func RdflibIsomorphic(t testing.TB, reference []byte, format string, data []byte) {
	t.Helper()
	Rdflib(t)
	reference = escapeBackslashes(reference)
	if format == "ntriples" || format == "nquads" {
		data = escapeBackslashes(data)
	}
	ref := tempFile(t, "reference.nq", reference)
	path := tempFile(t, "data", data)
	cmd := exec.Command(Python, script(t, "rdflib_isomorphic.py", ""), ref, format, path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("rdflib: %s is not isomorphic to the reference N-Quads: %v\n%s", format, err, clip(string(out)))
	}
}

// SHACLReport is the outcome of a SHACL validation.
type SHACLReport struct {
	Conforms bool          `json:"conforms"`
	Results  []SHACLResult `json:"results"`
}

// SHACLResult is one validation result.
type SHACLResult struct {
	Severity  string `json:"severity"`
	FocusNode string `json:"focusNode"`
	Path      string `json:"path"`
	Message   string `json:"message"`
	Shape     string `json:"shape"`
	// Component is the SHACL constraint component that failed, such as
	// http://www.w3.org/ns/shacl#MinCountConstraintComponent.
	Component string `json:"component"`
}

func (r SHACLResult) String() string {
	sev := r.Severity
	if i := strings.LastIndexByte(sev, '#'); i >= 0 {
		sev = sev[i+1:]
	}
	return sev + ": " + r.FocusNode + " " + r.Path + ": " + r.Message
}

// SHACL validates Turtle data against Turtle shapes with rdf-validate-shacl
// and returns the report; it fails t only when the tool cannot run.
func SHACL(t testing.TB, dataTurtle, shapesTurtle []byte) SHACLReport {
	t.Helper()
	nm := NodeModules(t, "n3", "rdf-validate-shacl", "@zazuko/env")
	data := tempFile(t, "data.ttl", dataTurtle)
	shapes := tempFile(t, "shapes.ttl", shapesTurtle)
	out := run(t, "rdf-validate-shacl", nil, "node", script(t, "shacl.mjs", nm), data, shapes)
	var rep SHACLReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("rdf-validate-shacl: unreadable report: %v\n%s", err, clip(string(out)))
	}
	return rep
}

// escapeBackslashes rewrites the ECHAR \\ of N-Triples/N-Quads text as the
// UCHAR \u005C, which means the same.
func escapeBackslashes(nt []byte) []byte {
	out := make([]byte, 0, len(nt))
	for i := 0; i < len(nt); i++ {
		if nt[i] == '\\' && i+1 < len(nt) {
			if nt[i+1] == '\\' {
				out = append(out, `\u005C`...)
			} else {
				out = append(out, nt[i], nt[i+1])
			}
			i++
			continue
		}
		out = append(out, nt[i])
	}
	return out
}

// Rdflib skips t, or fails it when validators are required, unless Python
// can import Debian's rdflib.
func Rdflib(t testing.TB) {
	t.Helper()
	if err := exec.Command(Python, "-c", "import rdflib").Run(); err != nil {
		missing(t, "%s cannot import rdflib (apt-get install python3-rdflib)", Python)
	}
}

// SPARQLRows runs a SPARQL SELECT query over N-Quads with an engine,
// "rdflib" or "oxigraph", with the union of the named graphs as the default
// graph, and returns the rows as maps from variable to the value's lexical
// form (or IRI); unbound variables are missing.
func SPARQLRows(t testing.TB, engine string, nquads []byte, query string) []map[string]string {
	t.Helper()
	q := tempFile(t, "query.rq", []byte(query))
	var out []byte
	switch engine {
	case "rdflib":
		Rdflib(t)
		data := tempFile(t, "data.nq", escapeBackslashes(nquads))
		out = run(t, "rdflib", nil, Python, script(t, "sparql_rdflib.py", ""), data, q)
	case "oxigraph":
		nm := NodeModules(t, "oxigraph")
		data := tempFile(t, "data.nq", nquads)
		out = run(t, "Oxigraph", nil, "node", script(t, "sparql_oxigraph.mjs", nm), data, q)
	default:
		t.Fatalf("validate: unknown SPARQL engine %q", engine)
	}
	var res struct {
		Rows []map[string]string `json:"rows"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("%s: unreadable rows: %v\n%s", engine, err, clip(string(out)))
	}
	return res.Rows
}
