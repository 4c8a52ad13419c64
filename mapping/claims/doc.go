// Package claims splits the words of a speech turn into sentences and finds
// the claims a speaker makes in them: figures asserted as fact (numeric
// claims), pledges (commitments), and plain agreement or refusal.
//
// It works on text alone. It knows nothing of speakers, turns or RDF: the
// caller hands it the text of one turn (or any text) and gets back sentences
// and claims with Unicode code-point offsets into that text (begin inclusive,
// end exclusive, as NIF and RFC 5147 count), plus byte offsets for sentences.
//
// # Sentences
//
// Sentences splits on ".", "!", "?", "…" and "..." followed by a capital,
// a digit, an opening quote or bracket, or a currency sign, and survives what
// real transcripts print: abbreviations (Mr, Mrs, Dr, St, No. 10, e.g., i.e.,
// vs., etc. before a lower-case word), initials ("J. Smith"), decimals
// ("2.3"), times ("10.02am"), ellipses inside a sentence ("Shocking...
// horrifying... slow"), editorial [insertions] and (brackets), no-break
// spaces. A blank line always ends a sentence; so does a single line break
// unless the next line goes on in lower case, so list items and table rows
// printed one to a line are sentences of their own. A run of text without
// a sentence break is cut at the last space before MaxSentence code points,
// so the work per sentence, and the sentence every claim quotes, stay
// bounded whatever the length of the text.
//
// # Numeric claims
//
// Find reports each figure a sentence states as a quantity: counts ("59
// arrests", "six cases", "a further 11"), money ("£2.3 million" is 2300000,
// unit and currency "GBP"), percentages ("45%", "45 per cent", unit
// "percent"), measures ("18 metres"), fractions of change or of a whole
// ("reduced by a half" is 0.5, "a third of", "down a quarter", "1 in 4" and
// "one in four" are 0.25, "halve", "halved" and "halving" 0.5, unit
// "fraction"), the figure given in brackets or dashes after a fraction
// ("a third of households (34,000)"), approximate amounts ("nearly a quarter
// of a million homes" is 250000 homes, "half a million"), every cell of a
// table row of figures with its sign ("Wardens 60 55 -5" is 60, 55 and -5),
// and spans of time stated as fact ("it is now three years since the
// station closed"). Words become numbers ("seven" is 7). The unit is what is
// counted: the noun that follows the figure ("arrests", "taxi ranks"); a
// bare figure takes the unit of the figure before it in the same sentence.
// The period is the time expression of the sentence nearest the figure,
// counting clause breaks first ("As of August 2017", "2016", "since the Act
// came into force", "annually", "this year", "the 12 months to March
// 2020"); a time expression after the figure in a further clause, or after
// "than", is not its period.
//
// These are not claims: years and dates ("in 2016", "6 May 2012",
// "2013/14", "2017-18"), times, question and section numbers ("MQ 1769 /
// 2015", "Section 67", "S67"), identifiers ("Euro 6", "Crossrail 2",
// "LSP5", "COVID-19", "phase 2", "[3]"),
// ordinals, ages ("11-16 year olds", "the age of vehicles from 15 to 10"),
// spans of time used as time frames ("two years later", "every two weeks"),
// vague amounts ("tens of thousands", "one or two"), figures offered as
// alternatives or under "might" ("it might take two weeks or twenty
// years"), counts that point back
// ("these three members"), counts of discourse items ("two categories",
// "three questions"), figures inside an if-clause, and figures a question
// only asks about: in a sentence ending in "?", a figure that follows a
// question head ("Is it", "Will you", "Are there") with no "that", "why",
// "how" or similar between them is asked, not asserted; a figure in the
// presupposed part ("Are you happy that ... 13 wards", "How will the
// additional 11,000 homes ...") is a claim. Fractions inside questions are
// taken as asked.
//
// # Commitments, agreement and refusal
//
// A commitment is a first-person pledge in a sentence that is not a
// question: "I will ...", "we will ..." (not "I will say", "we will see",
// "I will be honest"; "we will be publishing" is one),
// "we are currently identifying ...", "I am committed to ...", "I have made a
// commitment to ...", "I continue to ...". Agreement is a reply that opens
// with "Yes", "Absolutely", "Completely", "Of course", "That is right", "You
// are right", or says "I agree", "I could not agree more", "I do.". Refusal
// opens with "No," or says "I cannot accept", "I do not believe it
// necessary", "I do not agree", "I am not convinced". For these claims the
// Claim offsets cover the cue words.
package claims
