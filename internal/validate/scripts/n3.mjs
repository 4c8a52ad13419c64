// Parses RDF from stdin with N3.js in the strict syntax named by argv[2]
// ("Turtle", "N-Triples", "N-Quads" or "TriG") and prints the quads as N-Quads.
import N3 from 'n3';

const format = process.argv[2];
const parser = new N3.StreamParser({ format });
const writer = new N3.StreamWriter({ format: 'N-Quads' });
parser.on('error', (e) => {
  process.stderr.write(`N3.js: ${e.message}\n`);
  process.exit(1);
});
process.stdin.pipe(parser).pipe(writer).pipe(process.stdout);
