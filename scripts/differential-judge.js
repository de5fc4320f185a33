#!/usr/bin/env node
// differential-judge: decides which side of each disagreement of the
// differential check (cite/csl/differential_test.go) is right. It reads the
// disagreements that test dumped ($DIFFERENTIAL_DUMP: one JSON line per
// class with an example item, style, mode, locator, and the outputs of
// package cite and of cite/csl), renders each example with citeproc-js (the
// renderer in ../shared/tools/citeproc, as scripts/cite-oracle.js does) and
// prints one line of cite/csl/testdata/differential-known.txt per class:
//
//   STYLE  MODE  TYPE  KIND  WHAT DIFFERS  RIGHT (cite, csl or neither)
//
// usage: differential-judge.js RENDERER_DIR CSL_DIR DUMP
'use strict';
const fs = require('fs');
const path = require('path');

function excerpt(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  let j = 0;
  while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
  const ctx = 12;
  const cut = (s) => {
    const from = Math.max(0, i - ctx), to = Math.min(s.length, s.length - j + ctx);
    return (from > 0 ? '…' : '') + s.slice(from, to) + (to < s.length ? '…' : '');
  };
  return [cut(a), cut(b)];
}

function main() {
  const [rendererDir, cslDir, dumpPath] = process.argv.slice(2);
  if (!rendererDir || !cslDir || !dumpPath) {
    process.stderr.write('usage: differential-judge.js RENDERER_DIR CSL_DIR DUMP\n');
    process.exit(2);
  }
  const oracle = require(path.resolve(rendererDir, 'render.js'));
  const localeXml = fs.readFileSync(path.join(cslDir, 'locales-en-US.xml'), 'utf8');
  const cases = fs.readFileSync(dumpPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const seen = new Map(); // class -> examples judged
  const sides = new Map(); // class -> set of right sides
  const first = new Map(); // class -> what differs in its first example
  const byStyle = {};
  cases.forEach((c, n) => {
    const k = seen.get(c.class) || 0;
    if (k >= 3) return;
    seen.set(c.class, k + 1);
    const it = Object.assign({}, c.items[0], { id: 'case' + n });
    (byStyle[c.style] = byStyle[c.style] || []).push([c, it]);
  });
  for (const style of Object.keys(byStyle).sort()) {
    const styleXml = fs.readFileSync(path.join(cslDir, style + '.csl'), 'utf8');
    const itemsById = { [oracle.FILLER_ID]: oracle.FILLER_ITEM };
    for (const [, it] of byStyle[style]) itemsById[it.id] = it;
    const engineFor = (f) => oracle.getEngine(styleXml, localeXml, itemsById, 'en-US', f);
    for (const [c, it] of byStyle[style]) {
      const want = {};
      for (const f of ['text', 'html']) {
        if (c.mode === 'bibliography') {
          const { entries } = oracle.renderBibliography(engineFor(f), [it.id], f);
          want[f] = entries.map((e) => e[f]).join('\n');
        } else {
          const req = { id: it.id, position: c.mode };
          if (c.locator) { req.locator = c.locator; req.label = c.label || 'page'; }
          want[f] = oracle.renderCitation(engineFor(f), req);
        }
      }
      const same = (o) => o[0] === want.text && o[1] === want.html;
      const right = same(c.cite) ? 'cite' : same(c.csl) ? 'csl' : 'neither';
      if (!sides.has(c.class)) sides.set(c.class, new Set());
      sides.get(c.class).add(right);
      if (!first.has(c.class)) {
        const kind = c.class.split('\t')[3];
        const [a, b] = kind === 'html' ? excerpt(c.cite[1], c.csl[1]) : excerpt(c.cite[0], c.csl[0]);
        first.set(c.class, `${it.type}${c.locator ? ' with locator' : ''}: cite ${JSON.stringify(a)}, csl ${JSON.stringify(b)}`.replace(/\t/g, ' '));
      }
    }
  }
  const lines = [];
  for (const [cls, s] of sides) {
    const right = s.size === 1 ? [...s][0] : 'mixed';
    lines.push([cls, first.get(cls), right].join('\t'));
  }
  lines.sort();
  process.stdout.write(lines.join('\n') + (lines.length ? '\n' : ''));
}

main();
