// node anchor-bench.js INPUT.json ROUNDS
//
// Hypothesis's way of anchoring a text quote (hypothesis/client,
// src/annotator/anchoring: html.ts and match-quote.ts), written here from
// its description, on the same text and selectors as the Go benchmarks:
//   1. the TextPositionSelector, kept if the text there is the quote;
//   2. else every exact occurrence of the quote (indexOf), or when there is
//      none, the approximate matches of approx-string-match with at most
//      min(256, quote length / 2) errors;
//   3. each scored 50 quote + 20 prefix + 20 suffix + 2 position, the
//      prefix and suffix scored by their best approximate match in the text
//      before and after; the best candidate wins, whatever its score.
// Prints the median time of anchoring all selectors in the old text and of
// re-anchoring them in the edited text, then how each tool placed the
// selections that the edit touched.
'use strict';
const fs = require('fs');
const search = require('approx-string-match').default;

const [input, roundsArg] = process.argv.slice(2);
const data = JSON.parse(fs.readFileSync(input, 'utf8'));
const rounds = Number(roundsArg || 5);

function approxOrExact(text, str, maxErrors) {
  const exact = [];
  for (let i = text.indexOf(str); i !== -1; i = text.indexOf(str, i + 1)) {
    exact.push({ start: i, end: i + str.length, errors: 0 });
  }
  return exact.length ? exact : search(text, str, maxErrors);
}

function similarity(text, str) {
  if (!str.length || !text.length) return 0;
  const m = approxOrExact(text, str, str.length);
  return 1 - m[0].errors / str.length;
}

function matchQuote(text, quote, prefix, suffix, hint) {
  if (!quote.length) return null;
  const matches = approxOrExact(text, quote, Math.min(256, quote.length / 2));
  let best = null;
  for (const m of matches) {
    const q = 1 - m.errors / quote.length;
    const p = prefix ? similarity(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const s = suffix ? similarity(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const pos = 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * q + 20 * p + 20 * s + 2 * pos) / 92;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best;
}

function anchor(text, sel) {
  if (text.slice(sel.Start, sel.End) === sel.Exact) return { start: sel.Start, end: sel.End, how: 'position' };
  const m = matchQuote(text, sel.Exact, sel.Prefix, sel.Suffix, sel.Start);
  return m ? { start: m.start, end: m.end, how: 'quote' } : null;
}

// Offsets are code points in Go, UTF-16 units here: the same for this text.
if ([...data.Old].length !== data.Old.length || [...data.New].length !== data.New.length) {
  console.error('the text has characters outside the BMP: offsets would differ');
  process.exit(1);
}

function time(text) {
  const t0 = process.hrtime.bigint();
  const out = data.Selectors.map((s) => anchor(text, s));
  return [Number(process.hrtime.bigint() - t0) / 1e6, out];
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const first = [], again = [];
let results;
time(data.Old); time(data.New); // warm up the JIT
for (let r = 0; r < rounds; r++) {
  first.push(time(data.Old)[0]);
  const [ms, out] = time(data.New);
  again.push(ms);
  results = out;
}
console.log(`hypothesis-anchor-ms ${median(first).toFixed(3)}`);
console.log(`hypothesis-reanchor-ms ${median(again).toFixed(3)}`);

// Quality: a selection wholly before or after the edit has one right place
// in the new text; one that the edit touched is changed or gone.
const shift = data.EditNewEnd - data.EditOldEnd;
const tally = { hypothesis: {}, ours: {}, 'ours-new-text-only': {} };
const count = (tool, k) => { tally[tool][k] = (tally[tool][k] || 0) + 1; };
data.Selectors.forEach((s, i) => {
  const touched = s.End > data.EditStart && s.Start < data.EditOldEnd;
  const want = s.End <= data.EditStart ? s.Start : s.Start + shift;
  const judge = (tool, found) => {
    if (!found) return count(tool, touched ? 'touched: orphaned' : 'untouched: orphaned (lost)');
    if (!touched) return count(tool, found.start === want ? 'untouched: right place' : 'untouched: WRONG PLACE');
    const near = found.start < data.EditNewEnd + 40 && found.end > data.EditStart - 40;
    count(tool, near ? 'touched: attached at the edited passage' : 'touched: ATTACHED ELSEWHERE (lookalike)');
  };
  judge('hypothesis', results[i]);
  judge('ours', s.Ours === 'orphan' ? null : { start: s.OursStart, end: s.OursEnd });
  judge('ours-new-text-only', s.Alone === 'orphan' ? null : { start: s.AloneStart, end: s.AloneEnd });
});
// Lookalikes: each of the first selections deleted from the old text with
// DeleteMargin code points on each side; whatever is found is a lookalike.
let hypAttached = 0, oursAttached = 0, deletions = 0;
const oldChars = [...data.Old];
data.Selectors.forEach((s) => {
  if (!s.Deleted) return;
  deletions++;
  const cut = oldChars.slice(0, Math.max(0, s.Start - data.DeleteMargin)).join('') + oldChars.slice(Math.min(oldChars.length, s.End + data.DeleteMargin)).join('');
  if (anchor(cut, s)) hypAttached++;
  if (s.Deleted !== 'orphan') oursAttached++;
});
console.log(`lookalikes: of ${deletions} passages deleted with their context, hypothesis attached ${hypAttached} to another place, annotate ${oursAttached} (the rest orphaned)`);
for (const [tool, t] of Object.entries(tally)) {
  console.log(`quality ${tool}: ` + Object.entries(t).sort().map(([k, v]) => `${k} ${v}`).join('; '));
}
