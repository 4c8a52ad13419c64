// Package editdist measures how far apart two names are, for matching
// spelling slips in registers and suggesting names a query may have meant.
package editdist
