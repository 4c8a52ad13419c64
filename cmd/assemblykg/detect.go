package main

import (
	"github.com/cayleygraph/quad"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/transcript"
)

// detection finds bodies and claims in transcripts.
type detection struct{}

func newDetection(registryFlags) (*detection, error) { return &detection{}, nil }

func (d *detection) find(t *transcript.Transcript) mapping.Findings { return mapping.Findings{} }

func (r *registryFlags) links(*detection, string) (map[quad.IRI][]string, error) { return nil, nil }
