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
//     (DefaultPath ./assemblykg.db). Chosen by measurement on about 320,000
//     quads of transcript-shaped graphs (Synthetic(100, 100), 2 vCPU): the
//     loader writes about 50,000 quads/s into bolt against 32,000 into
//     leveldb, and bolt answers the two-hop "who mentioned body X" query
//     several times faster than leveldb (see BenchmarkQuery), at the price
//     of a larger file (about 110 MB against 23 MB). Reading speed and load
//     speed matter more to users of a laptop-sized corpus than disk space.
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
// added, and loading the same graph twice changes nothing. Changes go in
// batches (DefaultBatch); a graph whose changes fit one batch is replaced in
// one transaction. A load stopped part way leaves a store that opens, and
// running it again completes it.
//
// On PostgreSQL, additions of 1,000 quads or more bypass Cayley's row-by-row
// INSERTs: rows are COPYed into temporary tables and merged into Cayley's own
// nodes and quads tables, hashed and encoded by Cayley's functions, so
// Cayley reads them unchanged.
//
// # Queries
//
// The named queries (Mentions, Bodies, People, Sessions, Claims, Answers,
// Path) return rows as slices of structs, sorted, with the same answers on
// every backend. They build Cayley paths on the quad store itself, not on
// the Handle, so that the SQL backend's optimiser sees them. Names given to
// them may be a name, an alias (skos:altLabel) or an IRI, matched exactly and
// then regardless of case. Gizmo runs Cayley's Gizmo language with a result
// limit, stopping at the context's deadline even inside an endless loop.
//
// Package storetest holds the fixture graphs and the suite every backend
// passes.
package store
