// Package transcript reads a Mayor's Question Time transcript into a typed
// model with positions.
//
// A transcript, as published by the London Assembly and laid out by
// assemblykg's sources, reads:
//
//	Modern Day Slavery                      title
//
//	MQT on 2017-10-12                       or "Unknown"
//	Session date:
//	October 12, 2017
//	Question By:
//	Jennette Arnold OBE                     the asker, as printed
//	Labour Group                            the asker's group
//	Asked Of:
//	The Mayor
//
//	What measures are ...                   the question
//
//	Answer for Modern Day Slavery           once or twice
//	Answered By:
//	The Mayor
//
//	Sadiq Khan (Mayor of London):  Thank you ...      speech turns
//	Jennette Arnold OBE AM (Chair):  ...
//
// Read turns the file into a Transcript: header fields, the asker and the
// people asked and answering resolved against a people register, and the
// question and answer as speech turns in order, each with its printed label,
// resolved speaker, capacity (the role printed in brackets) and the
// character offsets of the turn and of its text. Offsets count Unicode code
// points from the start of the text (after a byte order mark, if any), as NIF
// and RFC 5147 count characters; byte offsets into the file are kept too.
//
// Real files vary: no-break spaces, CRLF line ends, post-nominals, editorial
// [insertions], labels with dropped words ("Boris Johnson ():"), misspelt
// names, offices printed before names ("Deputy Mayor for Transport (Isabel
// Dedring):"), answers with no label at all, "Unknown" header fields, header
// fields under other names ("Questioner:", "Asked to:", "Reply by:",
// "Meeting date:"), texts cut short. A header field that is empty, or whose
// value cannot be a name (a sentence: punctuation, a lower-case word, too
// many words), is read as unknown and never becomes a person; the text after
// it stays the question or the turns it is. An answer printed without a
// label is spoken by whoever answered: the "Answered By:" person or office
// (an office resolved to its holder on the session date), else the person
// asked, else the Mayor. What the reader worked around, and a text that
// stops before its answer or mid-sentence, is listed in Warnings, each
// naming file, line and column.
//
// Input that is not a transcript at all (empty, binary, not UTF-8, no
// recognisable header) or is too large (Reader.MaxFileBytes for the file,
// Reader.MaxTurnBytes for one turn) is reported as a *ParseError naming
// file, line and column.
package transcript
