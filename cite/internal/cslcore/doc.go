// Package cslcore holds the pieces of CSL rendering that package cite (the
// built-in, hand-translated styles) and package cite/csl (the CSL
// processor) share, so that both read and write them with one
// implementation:
//
//   - the inline markup and quotation marks of a field value, read as
//     citeproc-js's flip-flopper reads them (Scan and Pair: <i>, <b>,
//     <sc>, <sup>, <sub>, small-caps, nocase and nodecor spans, straight
//     and curly quotes, apostrophes), and the spacing citeproc-js gives
//     French punctuation (AppendSpaced);
//   - name primitives (particles that join the family name, scripts
//     written family name first).
//
// Each package builds its own output from what this package finds: cite
// writes formatted ranges into its flat builder, cite/csl a tree of output
// nodes that its flattener flip-flops. The package is internal to cite:
// none of it is public API.
package cslcore
