// Package reconcile links the bodies and people of the registers to open
// data through a service speaking the W3C Reconciliation Service API (the
// protocol OpenRefine uses, and the one public Wikidata reconciliation
// services speak).
//
// A Client sends queries in batches, as the form parameter "queries" holding
// a JSON object keyed q0, q1, …, each with the name, a type and the
// properties that tell namesakes apart:
//
//	{"q0": {"query": "Transport for London", "type": "Q43229", "limit": 3,
//	        "properties": [{"pid": "P17", "v": "Q145"}]}}
//
// and reads the candidates the service answers for each key:
//
//	{"q0": {"result": [{"id": "Q682520", "name": "Transport for London",
//	                    "score": 100, "match": true}]}}
//
// A request that fails for a reason that may pass (no answer, a timeout, 429
// or a server error) is tried again after a wait that doubles; a service
// that cannot be reached is an *Error that says so.
//
// Run turns the answers into rows of a links file (WriteCSV): every candidate
// with its score for a person to review, or, given a score to accept, only
// the entities with exactly one candidate at or above it, with same_as
// filled. The same shape, with no candidate, lists the unlinked entities.
package reconcile
