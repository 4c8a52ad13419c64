package mapping_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/mapping"
	"github.com/assemblykg/assemblykg/mapping/people"
	"github.com/assemblykg/assemblykg/mapping/transcript"
)

// unbrokenTurn is a transcript whose answer is one turn of n bytes with no
// sentence break: figures, bodies and capitalised runs all the way.
func unbrokenTurn(n int) []byte {
	const phrase = "and the borough built 12 homes and 40 flats for 300 families while the GLA Housing Unit and the Riverside Tenants Network said a quarter of the £2.5 million "
	head := "Housing\n\nSession date: 2017-07-13\nQuestion By: Tom Copley\nAsked Of: The Mayor\n\nHow many homes?\n\nAnswer for Housing\n\nAnswered By: The Mayor\n\nSadiq Khan (Mayor of London):  "
	return []byte(head + strings.Repeat(phrase, n/len(phrase)+1)[:n] + "\n")
}

// BenchmarkUnbrokenTurn reads, finds and maps a transcript whose one answer
// turn has no sentence break, at 100 KB, 1 MB and 10 MB: the cost per byte
// stays flat, so the cost of 1 MB is about ten times that of 100 KB.
//
//	go test -run '^$' -bench UnbrokenTurn -benchtime 1x ./mapping
func BenchmarkUnbrokenTurn(b *testing.B) {
	reg, err := people.Default()
	if err != nil {
		b.Fatal(err)
	}
	m, err := mapping.New(mapping.Config{People: reg, Version: "bench"})
	if err != nil {
		b.Fatal(err)
	}
	rd := transcript.NewReader(reg)
	rd.MaxFileBytes, rd.MaxTurnBytes = 64<<20, 64<<20 // past the default limits, to measure
	for _, n := range []int{100 << 10, 1 << 20, 10 << 20} {
		data := unbrokenTurn(n)
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				tr, err := rd.Parse("unbroken.txt", data)
				if err != nil {
					b.Fatal(err)
				}
				g := m.Map(tr, m.Find(tr))
				if len(g.Quads) == 0 {
					b.Fatal("no quads")
				}
			}
		})
	}
}
