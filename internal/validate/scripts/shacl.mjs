// Validates the Turtle data file argv[2] against the SHACL shapes in the
// Turtle file argv[3] with rdf-validate-shacl and prints the report as JSON:
// {"conforms": bool, "results": [{"severity", "focusNode", "path", "message", "shape", "component"}]}.
import fs from 'node:fs';
import N3 from 'n3';
import rdf from '@zazuko/env';
import SHACLValidator from 'rdf-validate-shacl';

function load(file) {
  const parser = new N3.Parser({ format: 'Turtle', factory: rdf });
  return rdf.dataset(parser.parse(fs.readFileSync(file, 'utf8')));
}

try {
  const validator = new SHACLValidator(load(process.argv[3]), { factory: rdf });
  const report = await validator.validate(load(process.argv[2]));
  const term = (t) => (t ? t.value : null);
  process.stdout.write(JSON.stringify({
    conforms: report.conforms,
    results: report.results.map((r) => ({
      severity: term(r.severity),
      focusNode: term(r.focusNode),
      path: term(r.path),
      message: r.message.map((m) => m.value).join('; '),
      shape: term(r.sourceShape),
      component: term(r.sourceConstraintComponent),
    })),
  }));
} catch (e) {
  process.stderr.write(`rdf-validate-shacl: ${e.stack}\n`);
  process.exit(1);
}
