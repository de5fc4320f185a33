//go:build race

package csl

// raceSample: under the race detector, the skip tests render one item in
// raceSample of the goldens and the oracle items (the whole set takes
// minutes there); the other runs render them all.
const raceSample = 8
