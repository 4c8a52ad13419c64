// Package ordered maps a sequence of inputs in parallel and hands the
// results on in input order, holding a bounded number of them: the shape of
// every command that turns many transcripts into one stream of graphs.
package ordered
