package annotate

import (
	"math/rand/v2"
	"testing"
)

// naiveSearch returns, for each end position j (1..n), the least edit
// distance of pattern to a span of text ending at j, by the textbook
// dynamic programme.
func naiveSearch(pattern, text []rune) []int {
	m := len(pattern)
	col := make([]int, m+1)
	for i := range col {
		col[i] = i
	}
	out := make([]int, len(text))
	for j, c := range text {
		prevDiag := col[0]
		col[0] = 0
		for i := 1; i <= m; i++ {
			cost := 1
			if pattern[i-1] == c {
				cost = 0
			}
			v := min(col[i]+1, col[i-1]+1, prevDiag+cost)
			prevDiag = col[i]
			col[i] = v
		}
		out[j] = col[m]
	}
	return out
}

func naiveDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func TestMyersAgainstDynamicProgramming(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []rune("abcд ё\u0301")
	word := func(n int) []rune {
		w := make([]rune, n)
		for i := range w {
			w[i] = alphabet[rng.IntN(len(alphabet))]
		}
		return w
	}
	for range 400 {
		m := 1 + rng.IntN(150) // one, two and three blocks
		p, x := word(m), word(rng.IntN(300))
		want := naiveSearch(p, x)
		my := newMyers(p)
		for j, c := range x {
			if got := my.step(c, false); got != want[j] {
				t.Fatalf("search m=%d at %d: %d, want %d", m, j, got, want[j])
			}
		}
		if got, want := editDistance(p, x), naiveDistance(p, x); got != want {
			t.Fatalf("distance m=%d n=%d: %d, want %d", m, len(x), got, want)
		}
	}
}
