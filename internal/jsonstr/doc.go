// Package jsonstr is the module's one JSON string escaper: what the maisky/1
// writer, the CSL-JSON writer of package cite, the W3C JSON-LD writer of
// package annotate and the problem details of export/download use, so that
// every JSON the module writes escapes strings the same way, invalid UTF-8
// as U+FFFD. [Append] writes a string as encoding/json does with HTML
// escaping off, [AppendHTML] as it does with HTML escaping on.
package jsonstr
