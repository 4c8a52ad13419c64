// Package rdfio writes and reads the assemblykg knowledge graph in the RDF
// formats publishers and tools expect: Turtle, TriG, N-Triples, N-Quads and
// JSON-LD.
//
// Every format is described by a [Format] in a registry ([ByName], [ByExt],
// [Formats]) so the command line can pick a format from a flag or a file
// extension. Writers take [quad.Quad] values (github.com/cayleygraph/quad)
// as the mapping emits them and stream them out: nothing but the current
// subject is held in memory, and the output order is the input order, so an
// export is deterministic whenever the quads are. Every writer must be closed;
// Close flushes buffered output and reports the first error.
//
// The formats differ in what they keep:
//
//   - N-Quads, TriG and JSON-LD keep the named graph (one per transcript) of
//     each quad. TriG writes a "<graph> { ... }" block per run of quads with
//     the same graph.
//   - N-Triples and Turtle hold the union of the graphs: labels are dropped.
//     Turtle says so in a comment before the first quad that had a graph.
//
// Terms are checked before they are written, identically in every format, so
// an export either carries the same quads in every format or fails:
//
//   - IRIs must be absolute (have a scheme), be valid UTF-8 and contain none
//     of the characters the N-Triples IRIREF production excludes (controls,
//     space and <>"{}|^`\). Such IRIs are rejected with [ErrInvalidIRI]
//     rather than \u-escaped: the escape is accepted by the grammar, but it
//     decodes to a string that is not an IRI, and strict parsers (serdi,
//     N3.js) reject it. Percent-encode such characters before writing.
//   - Literals must be valid UTF-8; language tags must match
//     [a-zA-Z]+(-[a-zA-Z0-9]+)*. Otherwise [ErrInvalidLiteral].
//   - Blank node labels that are not valid N-Triples labels are rewritten to
//     valid ones (invalid characters become '_' and a hash of the original
//     label is appended, so distinct labels stay distinct).
//
// String escaping follows RDF canonical N-Triples: \" \\ \n \r \t \b \f as
// ECHAR, other control characters as \u00XX, everything else verbatim UTF-8.
// Turtle and TriG use prefixed names only when the local part is plainly safe
// (letters, digits, '_' and '-', not starting with '-' or a digit) and writes
// every typed literal as "lexical"^^datatype, never as a bare number.
//
// The JSON-LD writer produces compacted JSON-LD 1.1 against the context in
// [Options].Context, without a generic compaction pass: terms are used where
// the context defines one whose coercion fits the value, compact IRIs or full
// IRIs otherwise, so expanding the output gives back exactly the quads
// written.
//
// Readers ([Format].NewReader; TriG has none) parse Turtle with
// github.com/knakk/rdf, JSON-LD with github.com/piprate/json-gold and
// N-Triples and N-Quads with their own line reader (about eight times less
// CPU than knakk's lexer on an archive's export), which accepts only what
// the writers could write again: absolute IRIs, valid UTF-8, language tags
// on rdf:langString. They never touch the network. Parse errors are
// [*ParseError] values carrying the file name, line and column.
//
// [WriteFileAtomic] replaces a file only when writing it succeeded, writes
// through symbolic links to their targets, writes devices and FIFOs directly
// and sweeps the temporary files of killed processes; [RemoveTemps] removes
// the process's own when a signal stops it.
package rdfio
