package main

// Version is the tool's version; it is written into the provenance of every export.
var Version = "0.1.0"
