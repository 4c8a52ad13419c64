// Package validate runs the external RDF tools assemblykg's exports are
// checked against, from Go tests: serdi, N3.js, rdflib, jsonld.js and
// rdf-validate-shacl.
//
// Every helper skips the test with a message when its tool is not installed,
// or fails it instead when the environment variable
// ASSEMBLYKG_REQUIRE_VALIDATORS is "1" (as in CI, after .ci/validators.sh).
// Node packages are looked up in $ASSEMBLYKG_NODE_MODULES, else in
// .ci/node_modules at the repository root (the directory holding go.mod).
// rdflib is Debian's python3-rdflib, run with /usr/bin/python3.
//
// No helper uses the network: the JSON-LD helpers refuse remote contexts.
package validate
