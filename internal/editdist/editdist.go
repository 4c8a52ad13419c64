package editdist

import "slices"

// Levenshtein is the number of rune insertions, deletions and substitutions
// that turn a into b.
func Levenshtein(a, b string) int { return distance(a, b, -1, false) }

// OSA is the optimal string alignment (restricted Damerau-Levenshtein)
// distance between a and b: as Levenshtein, with a swap of two adjacent runes
// counting as one edit. It returns limit+1 when the distance is certainly
// larger than limit.
func OSA(a, b string, limit int) int { return distance(a, b, limit, true) }

// distance is the edit distance between a and b, counting swaps of adjacent
// runes as one edit when swaps is set; limit+1 when it is certainly larger
// than a limit that is not negative: the lengths alone show it, or two rows
// of the table in a row exceed the limit (no later row can then fall to it,
// since a cell is at least its diagonal neighbour, or one more than another
// of the two rows before). Short strings are compared without allocating.
func distance(a, b string, limit int, swaps bool) int {
	var runesA, runesB [32]rune
	ra, rb := appendRunes(runesA[:0], a), appendRunes(runesB[:0], b)
	if d := len(ra) - len(rb); limit >= 0 && (d > limit || -d > limit) {
		return limit + 1
	}
	n := len(rb) + 1
	var room [3 * 33]int
	rows := room[:0]
	if 3*n > len(room) {
		rows = make([]int, 0, 3*n)
	}
	rows = rows[:3*n]
	clear(rows)
	prev2, prev, cur := rows[:n], rows[n:2*n], rows[2*n:]
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
		if limit >= 0 && slices.Min(cur) > limit && slices.Min(prev) > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// appendRunes appends the runes of s to rs, as []rune(s) would hold them.
func appendRunes(rs []rune, s string) []rune {
	for _, r := range s {
		rs = append(rs, r)
	}
	return rs
}
