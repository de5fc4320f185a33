#!/usr/bin/env node
// citeproc-bench: times citeproc-js per entry on the items the Go
// benchmarks use (BenchmarkFormat in cite/bench_test.go), for a side-by-side
// comparison. Not run by CI.
//
// Usage: node scripts/citeproc-bench.js RENDERER_DIR CSL_DIR [ITEM_ID] [N]
//
// RENDERER_DIR is a copy of ../shared/tools/citeproc with node_modules
// installed (npm ci); CSL_DIR is ../shared/csl. For each style, one engine
// is built (the style parsed once) and warmed up; then each mode is timed
// over N renderings of the item: a bibliography entry (updateItems +
// makeBibliography), a first citation with locator 60 (note 1), and a
// subsequent citation (note 3, after the item and another item), each
// starting from an empty document (restoreProcessorState), as the Go
// benchmark renders one citation at a time.
'use strict';

const fs = require('fs');
const path = require('path');

const STYLES = [
  'chicago-notes-bibliography',
  'chicago-notes-bibliography-17th-edition',
  'chicago-shortened-notes-bibliography',
  'chicago-author-date',
  'modern-language-association',
];

function main() {
  const [rendererDir, cslDir, itemID = 'maisky-1934-12-31', nArg = '200'] = process.argv.slice(2);
  if (!rendererDir || !cslDir) {
    process.stderr.write('usage: citeproc-bench.js RENDERER_DIR CSL_DIR [ITEM_ID] [N]\n');
    process.exit(2);
  }
  const N = parseInt(nArg, 10);
  const CSL = require(path.resolve(rendererDir, 'node_modules', 'citeproc'));
  const spec = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'cite', 'testdata', 'items.json'), 'utf8'));
  const items = {};
  for (const it of spec.items) items[it.id] = it;
  items.filler = { id: 'filler', type: 'book', title: 'Filler', author: [{ family: 'Zzfiller', given: 'A' }], issued: { 'date-parts': [[1900]] } };
  if (!items[itemID]) throw new Error('no item ' + itemID);
  const locale = fs.readFileSync(path.join(cslDir, 'locales-en-US.xml'), 'utf8');
  const sys = {
    retrieveLocale: () => locale,
    retrieveItem: (id) => JSON.parse(JSON.stringify(items[id])),
  };
  const cite = (engine, notes) => {
    engine.restoreProcessorState([]);
    const pre = [];
    let out = null;
    notes.forEach((ci, i) => {
      const c = { citationID: 'C' + i, citationItems: ci, properties: { noteIndex: i + 1 } };
      const [, res] = engine.processCitationCluster(c, pre.slice(), []);
      for (const [, str, id] of res) if (id === c.citationID) out = str;
      pre.push([c.citationID, i + 1]);
    });
    return out;
  };
  const modes = {
    bibliography: (e) => { e.restoreProcessorState([]); e.updateItems([itemID]); return e.makeBibliography()[1][0]; },
    first: (e) => { e.updateItems([itemID]); return cite(e, [[{ id: itemID, locator: '60', label: 'page' }]]); },
    subsequent: (e) => {
      e.updateItems([itemID, 'filler']);
      return cite(e, [[{ id: itemID }], [{ id: 'filler' }], [{ id: itemID, locator: '60', label: 'page' }]]);
    },
  };
  console.log(`citeproc-js ${CSL.PROCESSOR_VERSION}, item ${itemID}, ${N} renderings per mode, text format`);
  for (const style of STYLES) {
    const xml = fs.readFileSync(path.join(cslDir, style + '.csl'), 'utf8');
    const t0 = process.hrtime.bigint();
    const engine = new CSL.Engine(sys, xml, 'en-US', true);
    engine.setOutputFormat('text');
    const build = Number(process.hrtime.bigint() - t0) / 1e6;
    for (const [mode, f] of Object.entries(modes)) {
      for (let i = 0; i < 20; i++) f(engine); // warm up
      const start = process.hrtime.bigint();
      let last;
      for (let i = 0; i < N; i++) last = f(engine);
      const ns = Number(process.hrtime.bigint() - start) / N;
      console.log(`${style}/${mode}\t${(ns / 1e6).toFixed(3)} ms/entry\t${Math.round(ns)} ns/op\t(engine built in ${build.toFixed(0)} ms)\t${String(last).trim().slice(0, 60)}`);
    }
  }
}

main();
