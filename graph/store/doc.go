// Package store keeps assemblykg graphs in a Cayley quad store and answers
// the questions journalists and researchers ask of them: who mentioned which
// public body, when, what they claimed, who answered, and how two people or
// bodies are connected.
//
// # Backends
//
// Open takes a kind and a path:
//
//   - bolt (the default): embedded, one folder holding a Bolt file
//     (DefaultPath ./assemblykg.db). Chosen by measurement (BenchmarkLoad
//     and BenchmarkQuery; figures in BENCHMARKS.md): the loader writes
//     faster into bolt than into leveldb, and bolt answers the two-hop "who
//     mentioned body X" query several times faster, at the price of a
//     larger file. Reading speed and load speed matter more to users of a
//     laptop-sized corpus than disk space.
//     Bolt also needs no registration workaround. A bolt store can be open
//     in one process at a time: a second process waits for the first.
//   - leveldb: embedded, a folder of sorted tables; the smallest on disk.
//   - memory: Cayley's memstore, for tests and one-off scripts.
//   - postgres: a PostgreSQL database named by a postgres:// URL, through
//     Cayley's sql/postgres backend; for stores shared by several users.
//
// Cayley's key-value layer learns about hidalgo's backends in an init
// function that, since Go 1.21, may run before those backends register
// (Cayley issue #937), so leveldb would be silently missing. Open calls
// RegisterBackends, which registers the skipped ones.
//
// # Loading
//
// Each transcript is one named graph, and every graph describes the shared
// people and bodies it uses, so a graph can be replaced alone. Loader.Put
// (and Load, over an iterator of Graphs) makes a named graph hold exactly the
// given quads: quads of that graph no longer present are removed, new ones
// added, and loading the same graph twice changes nothing. Loader.Merge adds
// quads to a graph without removing any, for files in which one graph's
// quads come in several runs. Loader.LoadQuads streams a quad.Reader in
// through them, a graph at a time, and Loader.LoadFile does so for an RDF
// file in any format graph/rdfio reads.
//
// The loader compares each graph with what the store holds, then gathers
// the changes of successive graphs and writes them together, in batches of
// DefaultBatch quads rather than one transaction, and one disk flush, per
// graph. A graph whose
// changes fit in one batch is never split between two, additions and
// removals go in separate transactions (Cayley's key-value stores can
// leave a removed quad behind when one transaction both adds and removes
// quads on the same nodes), and a graph put again while its changes wait
// is compared after they are written. Loader.Flush writes what waits; Load
// calls it. A load stopped part way leaves a store that opens, and running
// it again completes it.
//
// Cayley's key-value stores have no index by graph, so finding the quads a
// graph already has reads the whole store. A graph the store does not hold
// costs one lookup of its label; for the others, the loader reads the store
// once and keeps the quad IDs of every graph, so reloading an archive reads
// the store once rather than once per graph.
//
// On PostgreSQL, batches of 1,000 added quads or more bypass Cayley's
// row-by-row INSERTs: rows are COPYed into temporary tables and merged into
// Cayley's own nodes and quads tables, hashed and encoded by Cayley's
// functions, so Cayley reads them unchanged. When the database user is a
// superuser, the merge skips the foreign key checks of the quads table, as
// pg_restore does: the nodes are merged first, so they cannot fail.
//
// A first load into an empty PostgreSQL store is one transaction: batches
// are COPYed into temporary tables without indexes, and Flush moves them
// into Cayley's tables with the quads table's indexes and foreign keys
// dropped before and built again after, which is several times faster
// than keeping six indexes up to date row by row. Stopped part way, such a
// load leaves the store empty, as it found it; readers see nothing of it
// before it commits and wait while the indexes are built.
//
// A first load into a bolt store that was never written skips Cayley's
// writer too: it builds Cayley's key layout itself (see boltBulk). Batches
// are spilled to sorted runs on disk beside the store; Flush merges them
// and writes every bucket once, in key order, into a new file that
// replaces the empty store whole, in memory bounded by the batch and the
// runs rather than by the store. Stopped part way, even by kill -9, such a
// load leaves the store empty, as on PostgreSQL. A graph put twice, a
// removal, or the next load go through Cayley's writer as before.
// TestBoltBulkMatchesCayley checks both writers leave the same layout.
//
// # Queries
//
// The named queries form one catalogue (Catalogue, Lookup): each Query has
// a name, typed parameters (Parse checks them: real dates, from before to,
// numbers in range), columns described by the json and doc tags of its row
// struct, a description of what it counts, an example, and the name of its
// SPARQL twin in ontology/queries, which gives the same rows over an export
// (a test checks it in rdflib and Oxigraph). Run returns a page of rows as
// a Result, which package table writes for people and programs. The
// command line, the HTTP server and the documentation iterate the
// catalogue, so a new query is one entry in catalogue.go and its twin.
//
// The queries (Mentions, Quotes, Bodies, People, Sessions, Claims, Answers,
// Path) return rows as slices of structs, sorted (numbered IRIs in natural
// order), with the same answers on every backend: a display name is the
// lexically smallest of a node's names, whichever graphs describe it.
// Undated transcripts count, dated Undated, which sorts last. They build
// Cayley paths on the quad store itself, not on the Handle, so that the SQL
// backend's optimiser sees them. Bodies and people are given by name, alias,
// id or IRI, compared without regard to case, accents or punctuation;
// bodies also by an external IRI they are schema:sameAs; people also
// through a Register (UseRegister) that knows name variants, strips titles
// and post-nominals, and knows who held a post such as "The Mayor" between
// two dates. A name that matches nothing is a NotFoundError naming the
// closest names. Gizmo runs Cayley's Gizmo language under a result limit,
// a byte budget and a memory budget, stopping at the context's deadline
// even inside an endless loop.
//
// Package storetest holds the fixture graphs and the suite every backend
// passes.
package store
