// Package server serves an assemblykg store over HTTP, read-only.
//
// Journalists and researchers query the graph two ways:
//
//   - Cayley's own query API (v2): GET or POST /api/v2/query?lang=gizmo with
//     the script in qu= or the body, /api/v2/read for quads in N-Quads or
//     JSON-LD, /api/v2/formats. The write routes (/api/v2/write, /delete,
//     /node/delete) answer 403.
//   - Named queries as JSON: /api/mentions?body=MPS&speaker=&from=&to=,
//     /api/bodies, /api/people, /api/sessions, /api/claims?body=,
//     /api/answers?body=, /api/path?from=&to=&depth=. Each answers
//     {"result": [rows]} (with "truncated": true when cut at the result
//     limit) or {"error": "..."} with status 400, 404 (unknown name) or 504
//     (time limit).
//
// Every query runs under a time limit and a result limit (Options); a Gizmo
// script that never ends, such as while(true){}, is interrupted at the time
// limit and answers an error. The server listens on the loopback interface
// unless told otherwise (DefaultAddr).
package server
