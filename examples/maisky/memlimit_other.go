//go:build !unix

package main

// limitMemory does nothing where the address-space limit is not known.
func limitMemory() {}

// memoryHeadroom reports that the address-space limit is not known.
func memoryHeadroom() (int64, bool) { return 0, false }
