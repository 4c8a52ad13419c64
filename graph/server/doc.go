// Package server serves an assemblykg store over HTTP, read-only.
//
// Journalists and researchers query the graph three ways:
//
//   - The named queries of the store's catalogue, at /api/NAME with the
//     parameters of `assemblykg query NAME` (/api/mentions?body=MPS&from=
//     2017-01-01), plus limit= and offset= to page. Each answers the table
//     package's JSON, {"rows": [...], "total": N, "offset": N, "truncated":
//     bool} ("rows": [] when there are none), or {"error": "..."} with
//     status 400 (bad parameter), 404 (no such name, IRI or query), 413
//     (over a budget) or 504 (time limit).
//   - Gizmo, GET or POST /api/v2/query?lang=gizmo with the script in qu= or
//     the body, answering {"result": [...]} as Cayley's API does.
//   - /api/v2/read: the store's quads as N-Quads, limit= at a time from
//     offset=, the header X-Next-Offset naming the next page.
//
// GET / and GET /api/ list every endpoint with its parameters, columns and
// an example (serve puts the explorer's pages at / and this API under /api/).
// The write routes of Cayley's API (/api/v2/write, /delete, /node/delete)
// answer 403.
//
// Every request runs under limits (Options): a time limit, after which it
// answers 504 with a JSON error whatever it was doing; a row limit; a byte
// budget for the answer (named queries are cut and say truncated, Gizmo
// scripts emitting more are stopped); a cap on the request body (413); and
// for Gizmo a budget on the memory the script allocates, watched while it
// runs, the script interrupted when over. Names are looked up before any
// traversal, so an unknown name answers 404 at once. The server listens on
// the loopback interface unless told otherwise (DefaultAddr).
package server
