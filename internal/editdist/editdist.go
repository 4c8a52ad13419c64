package editdist

// Levenshtein is the number of rune insertions, deletions and substitutions
// that turn a into b.
func Levenshtein(a, b string) int { return distance(a, b, -1, false) }

// OSA is the optimal string alignment (restricted Damerau-Levenshtein)
// distance between a and b: as Levenshtein, with a swap of two adjacent runes
// counting as one edit. It returns limit+1 when the distance is certainly
// larger than limit.
func OSA(a, b string, limit int) int { return distance(a, b, limit, true) }

// distance is the edit distance between a and b, counting swaps of adjacent
// runes as one edit when swaps is set; limit+1 when the lengths alone show it
// is larger than a limit that is not negative.
func distance(a, b string, limit int, swaps bool) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); limit >= 0 && (d > limit || -d > limit) {
		return limit + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if swaps && i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
