// Package mapping turns a transcript, and what was found in it (people,
// bodies, Acts, claims), into quads in assemblykg's vocabulary: one named graph per
// transcript, deterministic IRIs under a configurable base, and provenance
// back to the source file and its character offsets.
//
// It is the only stage that knows both the transcript model and the
// ontology. The same transcript always gives the same quads in the same
// order, so exports are byte-for-byte reproducible.
//
// New builds a Mapper from the registers, the legislation list and links;
// Find detects bodies, Acts and claims in a transcript and Map turns it and
// its findings into quads. A body named inside an Act's title ("Greater
// London Authority Act 1999") is part of the title, not a mention of the
// body.
//
// People in time: each turn carries the role printed in its label, else the
// one the register says the speaker held on the session date (Mayor of
// London, Assembly Member, another office) — written answers included. Each
// question is on behalf of the group its header prints (a party printed
// there stands for its Assembly group), else of the asker's Assembly group
// on the day.
//
// IRIs (under the base, by default https://w3id.org/assemblykg/id/):
//
//	person/{id}                       a person of the register
//	person/{slug}/{date|key}          a person the register does not know, as named in one
//	                                  session (or, undated, one question): akg:foundByForm,
//	                                  akg:identifiedIn that session
//	body/{id}                         a body (registry id or name slug)
//	legislation/{slug}                an Act (schema:Legislation): the slug of its title,
//	                                  "modern-slavery-act-2015", whether or not listed
//	role/{slug}, post/{slug}          capacities and offices; a seat of the Assembly is a
//	                                  post ("Assembly Member for North East")
//	membership/{person}/{post|body}[/{from}]
//	                                  a person in a post, the London Assembly, a party or an
//	                                  Assembly group, from a date (org:memberDuring)
//	period/{from|unknown}/{until|open} a period (time:Interval)
//	instant/{date}                    its ends (time:Instant), at day, month or year precision
//	session/{date}                    a Mayor's Question Time session
//	question/{key}                    a question item; key = {date|undated}/{title slug}
//	question/{key}/turn/{n}           speech turn n (0 is the question)
//	question/{key}/text               the source text (nif:Context)
//	question/{key}/text#char={b},{e}  a mention of a body or an Act (RFC 5147 code-point range)
//	question/{key}/claim/{b}-{e}      a claim; b, e: code points of its figure or cue words
//	graph/{key}                       the named graph of the transcript
//	graph/register                    the register graph
//
// Keys: the session date ("undated" when the transcript states none) and a
// slug of the title. A title printed "Unknown" (or with no letter or digit)
// gives "untitled-" and the first 8 hex digits of the SHA-256 of the
// transcript's text: the IRIs then depend neither on the file's name nor on
// the other inputs. Two transcripts with the same date and title are both
// kept: the first in input order has the plain key, the next the key, "-"
// and the first 8 hex digits of the SHA-256 of its own text (Labels). The
// same text given twice is reported, and mapped once.
//
// Claims are named by the code points of their figure (or of the words a
// commitment, agreement or refusal was found by) in the transcript's text,
// so a claim found or lost elsewhere renames no other.
//
// Graphs: a transcript's graph holds the quads whose subject is its graph,
// its question or an IRI under the question (turns, text, mentions,
// claims). Everything else the mapping says — people, bodies, roles, posts,
// memberships, the session, the software — goes to Graph.Register, and a
// Register gathers it from many transcripts into the one register graph,
// where each quad appears once.
package mapping
