// Converts the JSON-LD document on stdin to N-Quads with jsonld.js toRDF in
// safe mode (anything that would be dropped is an error). Remote documents
// are refused: validation never uses the network.
import jsonld from 'jsonld';

const chunks = [];
for await (const c of process.stdin) chunks.push(c);
try {
  const doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const nquads = await jsonld.toRDF(doc, {
    format: 'application/n-quads',
    safe: true,
    documentLoader: async (url) => {
      throw new Error(`remote document not loaded: ${url}`);
    },
  });
  process.stdout.write(nquads);
} catch (e) {
  process.stderr.write(`jsonld.js: ${e.message}\n${JSON.stringify(e.details ?? {}, null, 1)}\n`);
  process.exit(1);
}
