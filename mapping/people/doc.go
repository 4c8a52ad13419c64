// Package people is the register of the people who speak in Mayor's Question
// Time: their names and spelling variants, titles and post-nominals, Assembly
// groups, and the offices they held with dates.
//
// The register ships as seeds/people.csv; users add or correct people with a
// file of the same shape. Resolve turns a printed name ("Jennette Arnold OBE",
// "Jeanette Arnold", "Sir Bernard Hogan-Howe QPM") into a person of the
// register, and Holder says who held an office ("Mayor of London") on a date.
//
// The CSV columns are:
//
//	id,name,variants,honorifics,groups,offices,same_as
//
// where variants, honorifics, groups and same_as hold several values separated
// by "|", and offices holds "|"-separated entries of the form
// "Mayor of London[2016-05-09..]" (an open end) or
// "Mayor of London[2008-05-04..2016-05-08]", or a bare post name when the
// dates are not known.
package people
