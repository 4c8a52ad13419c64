// Package storetest is the suite every store backend passes: it loads two
// small transcripts that share people and bodies (Fixture) and checks the
// answers of each named query, that loading twice changes nothing, that
// reloading a changed transcript replaces it, that an interrupted load can
// be completed, and that Gizmo scripts obey their limits. Snapshot renders
// all answers as JSON, to compare stores loaded with the same real export;
// Synthetic builds large transcript-shaped graphs for benchmarks.
package storetest
