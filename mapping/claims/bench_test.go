package claims

import (
	"os"
	"strings"
	"testing"

	"github.com/assemblykg/assemblykg/internal/corpus"
)

// benchText is a turn-sized text with figures, abbreviations and a list.
var benchText = strings.Repeat(seedSentence+"  Unfortunately, ascertaining prosecution numbers is complex.  "+
	"What I can say is that since the Act came into force, we are aware of at least six cases in London.  "+
	"Mr. Smith said the scheme cost £2.3 million, i.e. 45 per cent more than in 2016.  I will make sure you get an invite.\n\n"+
	"2013/14 - 16 new ranks\n2014/15 - 13 new ranks\n\n", 8)

func BenchmarkSentences(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Sentences(benchText)
	}
}

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Find(benchText)
	}
}

// BenchmarkFindCorpus runs Find over each transcript of the evaluation
// corpora.
func BenchmarkFindCorpus(b *testing.B) {
	var texts []string
	n := 0
	for _, f := range corpus.Transcripts() {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		n += len(data)
	}
	if len(texts) == 0 {
		b.Skip("no evaluation transcripts")
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, text := range texts {
			Find(text)
		}
	}
}
