// Package site serves an assemblykg store as a linked-data site that
// people can browse and machines can read.
//
// Pages are rendered on the server with html/template and work without
// JavaScript, except the neighbourhood drawing (Cytoscape.js, embedded with
// its licence):
//
//   - / the home page: what the dataset holds, its licence, a search box,
//     the most-mentioned bodies and the recent sessions;
//   - /search?q= people, bodies and question titles containing the words;
//   - /doc/PATH the document of the resource BASE+PATH: a body's page
//     (names, kind, links, who mentioned it by speaker, Assembly group and
//     year, the mentions quoted, claims about it), a person's (offices and
//     groups, bodies mentioned, claims, questions), a question's (the
//     transcript with turns, mentions and claims marked, each with the id
//     char=BEGIN,END so that #char=BEGIN,END scrolls to it), a session's, or
//     any other resource's description; by content negotiation (or
//     ?format=) the same document is Turtle, N-Triples, JSON-LD, TriG or
//     N-Quads: the resource's own triples and the labels of what it links
//     to. The text node of a transcript is its text, text/plain, so that
//     RFC 5147 #char= fragments resolve in it;
//   - /id/PATH the resource BASE+PATH itself: 303 See Other to /doc/PATH,
//     or 404 when the store knows nothing of it;
//   - /graph/PATH the neighbourhood of a body or person as JSON (?year=);
//   - /.well-known/void a VoID description of the dataset;
//   - /dump.nq every quad of the store as N-Quads, streamed;
//   - /api/ the JSON query API, when Options.API is given.
//
// The site is read-only, sends a Content-Security-Policy without inline
// scripts or styles, X-Content-Type-Options and no directory listings, and
// bounds the time of each page and the rows of each list.
package site
