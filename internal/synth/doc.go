// Package synth writes synthetic Mayor's Question Time transcripts in the
// layout the London Assembly publishes, for measuring assemblykg at archive
// scale: a whole archive of question items can be produced in seconds, the
// same bytes every time for the same seed.
//
// The transcripts draw their speakers from the people register and the
// public bodies they talk about from the bodies registry shipped in package
// seeds, so the names resolve the way real ones do. Each file has the title,
// "MQT on" (or "Unknown"), "Session date:", "Question By:" with the asker's
// group, "Asked Of:", the question, "Answer for" twice, "Answered By:" and
// the answer: an unlabelled written answer, an oral exchange of labelled
// turns, or both. The variety of the real archive is reproduced on purpose:
// label forms ("Name AM:", "Name (AM):", "Name OBE AM (Chair):", "The Chair:",
// "Boris Johnson ():"), bodies named in full, by alias or by acronym,
// figures, editorial [brackets], no-break spaces, CRLF line ends and dates
// from 2000 to 2021.
//
// Generation is deterministic per file: file i depends only on the seed and
// i, so any number of workers produce the same archive.
package synth
