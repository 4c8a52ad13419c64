// Runs a SPARQL SELECT query with Oxigraph over N-Quads, the default graph
// being the union of the named graphs.
//
// usage: node sparql_oxigraph.mjs DATA.nq QUERY.rq
// Prints {"rows": [{var: lexical form or IRI}, ...]} as JSON; unbound
// variables are left out of a row.
import { readFileSync } from "node:fs";
import oxigraph from "oxigraph";

const [data, query] = process.argv.slice(2).map((p) => readFileSync(p, "utf8"));
const store = new oxigraph.Store();
store.load(data, { format: "application/n-quads" });
const rows = [];
for (const binding of store.query(query, { use_default_graph_as_union: true })) {
  const row = {};
  for (const [name, term] of binding) {
    row[name] = term.value;
  }
  rows.push(row);
}
process.stdout.write(JSON.stringify({ rows }));
