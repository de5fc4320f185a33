// Package readbench measures the readers of the module for their
// benchmarks: time, allocations and the peak heap per input byte, on
// typical and adversarial shapes of input.
package readbench
