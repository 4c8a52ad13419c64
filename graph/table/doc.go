// Package table writes the rows of a named query or of a Gizmo script
// (store.Result) for people and programs: an aligned table that fits a
// terminal, CSV for spreadsheets, tab-separated values, JSON and JSON
// Lines. The command line and the HTTP server both write through it, so a
// query gives the same columns, numbers and truncation notice everywhere.
package table
