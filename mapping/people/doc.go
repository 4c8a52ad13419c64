// Package people is the register of the people who speak in Mayor's Question
// Time: their names and spelling variants, titles and post-nominals, their
// terms in the London Assembly, the parties they were elected for and the
// Assembly groups they sat in, and the offices they held, each with dates.
//
// The register ships as two files in seeds/: people.csv (who people are and
// how they are printed) and members.csv (every Assembly Member elected
// 2000–2024, the Statutory Deputy Mayors and the Mayors, with the sources of
// every row; see seeds/SOURCES.md). Users add or correct people with files of
// either shape, told apart by the header (a members file has name and
// terms columns); columns are found by the header, in any order, and a
// people file needs only id and name. Resolve turns a printed name
// ("Jennette Arnold OBE", "Jeanette Arnold", "Sir Bernard Hogan-Howe QPM")
// into a person of the register; Holder says who held an office ("Mayor of
// London") on a date; a person's SeatOn, PartyOn, GroupOn and RoleOn say what
// they were on a date.
//
// # people.csv
//
//	id,name,variants,honorifics,groups,offices,same_as
//
// where variants, honorifics, groups and same_as hold several values separated
// by "|", and offices holds "|"-separated entries of the form
// "Mayor of London[2016-05-09..]" (an open end) or
// "Mayor of London[2008-05-04..2016-05-08]", or a bare post name when the
// dates are not known. Groups given here have no dates; they are used only
// for people the members file does not date.
//
// # members.csv
//
//	name,wikidata,twfy_id,terms,groups,constituency,roles,source,notes
//
// One row per person, joined to people.csv by name or variant (a new person
// otherwise, with the slug of the name as id). terms holds ";"-separated
// FROM/UNTIL periods (dates at day, month or year precision; an empty UNTIL
// for a term not ended); constituency one value per term ("London-wide" for
// list members); groups the party each was elected for, as
// "Labour@2000-05-04/2004-06-10" entries (a "parties" header is read the same
// way); roles "Statutory Deputy Mayor@2000-05-16/2003-05-16" entries or bare
// posts; wikidata a Q-id and twfy_id a TheyWorkForYou person number, written
// as http://www.wikidata.org/entity/Q… and
// https://www.theyworkforyou.com/mp/?p=…; source and notes are kept with the
// person.
//
// A member's Assembly group is the group of the party they were elected for
// (Labour Group, GLA Conservatives, Liberal Democrat Group, City Hall Greens,
// UKIP Group), over the same dates; a party with a single member has none.
// Mid-term changes of group are not in the sources: a user's members file
// with dated parties corrects them. A Statutory Deputy Mayor is an Assembly
// Member, so that office, when the sources give no end, ends with the
// person's last term. Both ends of every period are inclusive.
package people
