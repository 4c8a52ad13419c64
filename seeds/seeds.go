// Package seeds holds the data assemblykg ships with: the people register
// (people.csv and members.csv, whose sources SOURCES.md lists), the bodies
// registry, the legislation list (legislation.csv, the Acts linked to
// legislation.gov.uk; SOURCES.md says where it comes from) and the seed
// transcript. The files are embedded in the
// binary so that the tool works from any directory; users extend them with
// files of their own (see the CLI's --people and --bodies flags).
package seeds

import "embed"

// FS holds people.csv, members.csv, bodies.csv, legislation.csv and
// transcripts/*.txt.
//
//go:embed *.csv transcripts/*.txt
var FS embed.FS
