// Package inputs turns the paths a user names — files, folders, "-" for
// stdin — into the list of transcripts and RDF files to read, one policy for
// every command.
//
// Folders are searched recursively, in lexical order, for transcripts
// (*.txt) and, when asked, RDF files in a format graph/rdfio reads; hidden
// subfolders are skipped. A file named explicitly is used whatever its
// extension. A path that cannot be used — missing, unreadable, a loop of
// symbolic links, a FIFO, a device or a socket, a folder without
// transcripts — is reported as an [*Error] naming it, and the other paths
// are still collected: nothing waits on a FIFO with no writer, and one bad
// path does not stop the rest. [Input.Open] checks again when it opens the
// file, so a file swapped for a FIFO in between is refused too.
package inputs
