// Package input reads the module's inputs within their size bounds.
package input
