// Package ontology holds the vocabulary assemblykg writes: namespaces and
// term constants, the OWL/RDFS description of the few terms it mints
// (akg:Mention, akg:NumericClaim, akg:askedOf ...), the SHACL shapes its
// exports conform to, the JSON-LD context of compacted exports, and the
// SPARQL queries shipped for users (queries/*.rq). All files are embedded.
//
// It reuses schema.org, FOAF, W3C ORG, Popolo's opengov terms, Dublin Core,
// PROV-O, SKOS, NIF 2.1 and ITS-RDF; README.md in this folder has a table of
// every class and property and where it comes from. The package imports
// nothing of assemblykg's.
package ontology
