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
//   - dates.go: the date parts and the range rule. FormatDatePart writes
//     one part of a date in a CSL form (the year long or short with its
//     era, Era: BC, and AD for the years 1 to 499; the month by name, short
//     name, number or number with a leading zero, months 13–16 and a
//     season given apart by the season's name; the day as a number, with a
//     leading zero, or as the locale's ordinal, limited to day 1 when the
//     locale says so), with the terms passed in as DateTerms (package cite
//     its en-US terms, cite/csl its locale chain); DateRangeDiff (the
//     largest part in which a range's dates differ among those shown) and
//     DateRangeSpan (the parts written for both dates, the others once)
//     lay out a range, joined by RangeDelimiter unless the style sets one;
//   - pagerange.go: RangeEnd (page-range-format);
//   - punct.go: JoinPunct (what two punctuation marks that meet become);
//   - superscript.go: the characters HTML writes as <sup> of their base.
//
// Each package builds its own output from what this package finds: cite
// writes formatted ranges into its flat output builder, cite/csl builds a
// tree of output nodes that its flattener flip-flops. So with dates: cite
// appends each part's DateText to its buffer with the affixes of its five
// fixed en-US forms (tables of date parts), cite/csl makes each part a
// node with the formatting, affixes and text case of the style's
// date-part elements over the locale's date formats. The package is
// internal to cite: none of it is public API, and it imports neither.
// Everything here is a pure function of its arguments, safe for
// concurrent use, and never panics on any input (the Fuzz targets read
// any string).
package cslcore
