package rdfio

// FromKnakk converts a knakk/rdf term, for the tests comparing readers.
var FromKnakk = fromKnakk
