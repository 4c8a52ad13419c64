// Package bodies is the registry of the public bodies that Mayor's Question
// Time talks about, and the detector that finds them in transcript text; and
// the list of Acts of Parliament linked to legislation.gov.uk, with the
// detector that finds the Acts a transcript names.
//
// # Registry
//
// The registry ships as seeds/bodies.csv and users add or correct entries
// with a file of the same shape (Registry.Merge). The CSV columns, found
// by the header in any order (other columns are ignored), are:
//
//	id,name,kind,parent,aliases,acronyms,same_as
//
// id is the slug of the canonical name ("metropolitan-police-service"),
// name the full official name, kind one of the Kinds, parent the id of the
// body it belongs to, aliases and acronyms "|"-separated surface forms, and
// same_as "|"-separated external IRIs of the body itself (Wikidata,
// GOV.UK, data.police.uk). An optional area_served column holds the IRIs of
// the place the body serves (its ONS GSS code, the Wikidata item of a
// borough as distinct from its council's item).
// Aliases match tolerantly of case; acronyms match exactly as written.
// Three more columns are optional: source, the public list the entry comes
// from and can be checked against, and from and until, the dates the body
// existed between (YYYY, YYYY-MM or YYYY-MM-DD), so that the registry covers
// bodies abolished, renamed or merged since the Assembly began in 2000.
//
// # Detection
//
// A Detector is built once from a registry; each transcript gets its own
// Scanner, fed the question text and then every turn in order. Find returns
// the bodies named in one span with code-point and byte offsets. Matching is
// one pass of a word-level trie over the text: leftmost, longest, without
// overlaps, on word boundaries. Names tolerate case (a span printed all in
// lower case, or whose head word lost its capital, is a common noun, not a
// name), curly and straight apostrophes, "&" for "and", no-break spaces,
// runs of white space and an optional comma ("Department of Environment,
// Food and Rural Affairs"). A capitalised "The" before a name inside a
// sentence ("the editor of The Evening Standard") is part of the surface.
// Text in [square brackets] is editorial and never holds a mention.
//
// "Full Name (ACR)" teaches the scanner that ACR names the same body for the
// rest of the transcript ("Police and Crime Committee (P&C)", "Territorial
// Policing (TP)").
//
// Organisations missing from the registry are found by their form: a run of
// capitalised words ending in an organisational head noun (Board, Council,
// Commission, Committee, Partnership, Trust, Authority, Agency, Service,
// Office, Department, Foundation, Association, Institute, Party, Democrats,
// Group, Taskforce, Unit, Network, Brigade, Police, Ltd, ...), with "of",
// "for", "and", "&" inside, possibly opening with "the Mayor's" ("the
// Mayor's Cycling Taskforce") or "HM" ("HM Revenue & Customs"); and
// newspapers named by a time and a paper's word ("the Sunday Times", "the
// Evening Standard"). A registry
// acronym inside such a run is part of the longer name ("GLA Housing
// Unit"). A name defined with its acronym, "Full Name (FN)", whose words
// spell the acronym by their initials is a body too, and FN names it for
// the rest of the transcript; so do the initials of any body found by its
// form, when they are three capitals or more and no registry acronym.
// An acronym no registry lists is a body when the text speaks of it as an
// organisation — its staff, members or spokesperson ("Members of the RLA",
// "the RLA's officers", "an RLA spokesperson"), acting ("the RLA has
// published", "RLA will launch"), the agent of a passive ("created by the RLA") or the owner of a response or budget ("the
// RLA's response") — and names it for the rest of the transcript; ranks,
// letters after names, acronyms with figures ("PCs", "OBE", "LSP5") and
// acronyms that describe people ("BAME officers") never are. Party adjectives listed with a party found by its form before the
// people they describe ("Labour, Liberal Democrat and Green Assembly
// Members") are parties; the organisation after a person's post in a list of
// people ("Jo Bloggs, Chief Executive, Riverside Homes Sam Smith, Chair,
// ...") is a body, up to the next person, unless the post holds a seat
// ("Assembly Member, Ealing"). These bodies have FoundByForm set, kind
// "other" and a slug id. Generic references ("the Council", "the Fire
// Authority", "the Mayor's Office", "a Fire and Rescue Service"), job
// titles, laws ("... Act"), plans and schemes defined with an acronym
// ("Quiet Road Zone (QRZ)"), places and a head noun followed by another
// capitalised word ("Council Tax") are not taken. A registry name of three
// or more words that lost one capital ("Transport for london") is still
// the name.
//
// # Legislation
//
// Acts of Parliament are not bodies. The legislation list ships as
// seeds/legislation.csv (ReadActs reads a file of the same shape): the
// columns name (the short title with its year, "Modern Slavery Act 2015"),
// identifier (legislation.gov.uk's, "ukpga/2015/30"), same_as (its IRI there,
// http://www.legislation.gov.uk/id/ukpga/2015/30) and source (where the
// identifier was taken from). An ActScanner finds the Acts named in a
// transcript's spans: the list's titles however they are printed, and any
// short title by its form (capitalised words with "of", "and", "for", "the",
// "on", "to", "in" between them and hyphenated words, ending in "Act" and
// usually its year). A name without its year is the Act of that name cited
// earlier in the transcript with its year, else the list's only Act of that
// name, else an Act of unknown year. "The Act", "the 1999 Act", "an Act of
// Parliament", "Acts" and text in [square brackets] name no Act. An Act not
// in the list keeps its name and year and has no identifier; its id, the
// slug of its title, is the one the list would give it.
//
// ReadLinks parses a reconciliation file, such as an OpenRefine export,
// pairing our bodies with external IRIs.
package bodies
