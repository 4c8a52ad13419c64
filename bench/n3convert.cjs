// Re-serialises RDF with N3.js: stdin in the syntax named by argv[2]
// ("N-Triples", "N-Quads", "Turtle") to stdout in argv[3], streaming
// (StreamParser -> StreamWriter), with assemblykg's prefixes for Turtle.
// N3.js comes from .ci/node_modules (installed by .ci/validators.sh).
const path = require('path');
const N3 = require(path.join(__dirname, '..', '.ci', 'node_modules', 'n3'));

const [, , from, to] = process.argv;
const prefixes = {
  akg: 'https://w3id.org/assemblykg/ns#', schema: 'http://schema.org/',
  foaf: 'http://xmlns.com/foaf/0.1/', org: 'http://www.w3.org/ns/org#',
  opengov: 'http://www.w3.org/ns/opengov#', dct: 'http://purl.org/dc/terms/',
  prov: 'http://www.w3.org/ns/prov#', skos: 'http://www.w3.org/2004/02/skos/core#',
  nif: 'http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#',
  itsrdf: 'http://www.w3.org/2005/11/its/rdf#', odrs: 'http://schema.theodi.org/odrs#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};
const parser = new N3.StreamParser({ format: from });
const writer = new N3.StreamWriter(to === 'Turtle' ? { format: to, prefixes } : { format: to });
parser.on('error', (e) => { process.stderr.write(`N3.js: ${e.message}\n`); process.exit(1); });
process.stdin.pipe(parser).pipe(writer).pipe(process.stdout);
