// Package jsonstr is the module's one JSON string escaper: what the maisky/1
// writer and the CSL-JSON writer of package cite both use, so that every
// JSON the module writes escapes strings the same way.
package jsonstr
