#!/usr/bin/env node
// fixture-results: writes citeproc-js's output into the RESULT section of
// the project's own CSL fixtures (cite/csl/testdata/fixtures, in the CSL
// test suite's format), so that their expected text comes from the
// reference processor. Every language gets the pinned en-US locale, as
// render.js gives it and as TestFixtures runs them.
//
// Usage: node scripts/fixture-results.js CITEPROC_DIR SHARED_DIR FIXTURE...
//   CITEPROC_DIR  a copy of ../shared/tools/citeproc with npm ci run in it
//   SHARED_DIR    ../shared
// scripts/check-csl then runs the fixtures through ../shared/tools/citeproc/suite.js,
// which must pass all of them.
'use strict';
const fs = require('fs');
const path = require('path');

const [citeprocDir, shared, ...files] = process.argv.slice(2);
if (!citeprocDir || !shared || files.length === 0) {
  process.stderr.write('usage: fixture-results.js CITEPROC_DIR SHARED_DIR FIXTURE...\n');
  process.exit(2);
}
const CSL = require(path.resolve(citeprocDir, 'node_modules', 'citeproc'));
const locale = fs.readFileSync(path.join(shared, 'csl', 'locales-en-US.xml'), 'utf8');
const JSONS = new Set(['INPUT', 'CITATION-ITEMS', 'CITATIONS', 'BIBENTRIES', 'BIBSECTION', 'OPTIONS']);

// sections returns the fixture's sections by name, and the text's lines.
function sections(text) {
  const lines = text.split(/\r?\n/);
  const out = {};
  let name = null;
  let buf = [];
  for (const line of lines) {
    const open = /^>>=+\s*([A-Z-]+)\s*=+>>\s*$/.exec(line);
    const close = /^<<=+\s*([A-Z-]+)\s*=+<<\s*$/.exec(line);
    if (open) { name = open[1]; buf = []; continue; }
    if (close && name) { out[name] = buf.join('\n'); name = null; continue; }
    if (name) buf.push(line);
  }
  for (const k of Object.keys(out)) if (JSONS.has(k)) out[k] = JSON.parse(out[k]);
  return out;
}

function render(fx) {
  const items = {};
  const ids = [];
  for (const it of fx.INPUT) { items[it.id] = it; ids.push(it.id); }
  const sys = { retrieveItem: (id) => items[id], retrieveLocale: () => locale };
  const engine = new CSL.Engine(sys, fx.CSL);
  const [mode, ...subs] = (fx.MODE || 'citation').trim().split('-');
  if (subs.includes('plain')) engine.setOutputFormat('plain');
  if (subs.includes('rtf')) engine.setOutputFormat('rtf');
  const nosort = subs.includes('nosort');
  if (fx.BIBENTRIES) for (const set of fx.BIBENTRIES) engine.updateItems(set, nosort);
  else if (!fx.CITATIONS) engine.updateItems(ids, nosort);
  if (mode === 'bibliography') {
    const b = fx.BIBSECTION ? engine.makeBibliography(fx.BIBSECTION) : engine.makeBibliography();
    return b[0].bibstart + b[1].join('') + b[0].bibend;
  }
  if (fx.CITATIONS) {
    // the suite's protocol: every citation of the document after the last
    // call, ">>" marking the ones the last call wrote
    let docs = [];
    for (const [citation, pre, post] of fx.CITATIONS) {
      const [, changed] = engine.processCitationCluster(citation, pre, post);
      const order = pre.concat(post).map((p) => p[0]);
      docs = docs.filter((d) => engine.registry.citationreg.citationById[d.id]);
      docs.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
      for (const d of docs) d.mark = '..';
      for (const [pos, str, id] of changed) {
        const d = docs.find((x) => x.id === id);
        if (d) { d.mark = '>>'; d.text = str; } else docs.splice(pos, 0, { id, mark: '>>', text: str });
      }
    }
    return docs.map((d, i) => d.mark + '[' + i + '] ' + d.text).join('\n');
  }
  const clusters = fx['CITATION-ITEMS'] || [engine.registry.reflist.map((it) => ({ id: it.id }))];
  return clusters.map((c) => engine.makeCitationCluster(c)).join('\n');
}

let failed = 0;
for (const f of files) {
  const text = fs.readFileSync(f, 'utf8');
  let result;
  try {
    result = render(sections(text));
  } catch (e) {
    process.stderr.write(f + ': citeproc-js: ' + e + '\n');
    failed++;
    continue;
  }
  const re = /(>>=+\s*RESULT\s*=+>>\s*\n)[\s\S]*?(\n?<<=+\s*RESULT\s*=+<<)/;
  if (!re.test(text)) { process.stderr.write(f + ': no RESULT section\n'); failed++; continue; }
  const next = text.replace(re, (m, a, b) => a + result + '\n' + b.replace(/^\n/, ''));
  if (next !== text) { fs.writeFileSync(f, next); console.log('wrote ' + f); }
}
process.exit(failed ? 1 : 0);
