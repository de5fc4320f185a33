// Package cslcore holds the rules of CSL rendering that package cite (the
// built-in, hand-translated styles) and package cite/csl (the CSL
// processor) share, so that each has one implementation, written to
// citeproc-js's behaviour and used by both:
//
//   - markup.go: the inline markup and quotation marks of a field value,
//     found and paired as citeproc-js's flip-flopper does (Scan and Pair:
//     <i>, <b>, <sc>, <sup>, <sub>, small-caps, nocase and nodecor spans,
//     straight and curly quotes, apostrophes), and the narrow no-break
//     spaces of French punctuation (AppendSpaced, AppendGuillemetSpaced);
//   - names.go: ParseParticles (the particles and suffix typed into a
//     family or given name), Initials (initialize="true", and the
//     normalizing of given names with initialize="false"), IsRomanesque
//     (scripts written given name first), NonDroppingJoins and
//     DroppingJoins (particles joined to the family name without a
//     space);
//   - dates.go: Era (BC, and AD for the years 1 to 499);
//   - pagerange.go: RangeEnd (page-range-format);
//   - punct.go: JoinPunct (what two punctuation marks that meet become);
//   - superscript.go: the characters HTML writes as <sup> of their base.
//
// Each package builds its own output from what this package finds: cite
// writes formatted ranges into its flat output builder, cite/csl builds a
// tree of output nodes that its flattener flip-flops. The package is
// internal to cite: none of it is public API, and it imports neither.
// Everything here is a pure function of its arguments, safe for
// concurrent use, and never panics on any input (the Fuzz targets read
// any string).
package cslcore
