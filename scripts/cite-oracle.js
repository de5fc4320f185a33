#!/usr/bin/env node
// cite-oracle: renders the citation cases of cite/testdata/items.json with
// citeproc-js (the renderer in ../shared/tools/citeproc) and the official CSL
// styles in ../shared/csl, and prints them as the golden cases file
// (cite/testdata/cases.json). Used by scripts/check-cite; never by go test.
//
// Usage: node cite-oracle.js RENDERER_DIR CSL_DIR ITEMS_JSON > cases.json
//
// RENDERER_DIR is a copy of ../shared/tools/citeproc with node_modules
// installed (npm ci). Every case is rendered exactly as render.js renders a
// request: a fresh registry per request, "first" = note 1 with the locator,
// "subsequent" = note 3 after the item (note 1) and a filler item (note 2).
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
  const [rendererDir, cslDir, itemsPath] = process.argv.slice(2);
  if (!rendererDir || !cslDir || !itemsPath) {
    process.stderr.write('usage: cite-oracle.js RENDERER_DIR CSL_DIR ITEMS_JSON\n');
    process.exit(2);
  }
  const oracle = require(path.resolve(rendererDir, 'render.js'));
  const CSL = require(path.resolve(rendererDir, 'node_modules', 'citeproc'));
  const pkg = require(path.resolve(rendererDir, 'node_modules', 'citeproc', 'package.json'));
  const spec = JSON.parse(fs.readFileSync(itemsPath, 'utf8'));
  const localeXml = fs.readFileSync(path.join(cslDir, 'locales-en-US.xml'), 'utf8');

  const itemsById = {};
  for (const it of spec.items) {
    if (itemsById[it.id]) throw new Error('duplicate item id ' + it.id);
    itemsById[String(it.id)] = it;
  }
  itemsById[oracle.FILLER_ID] = oracle.FILLER_ITEM;

  const cases = [];
  for (const style of STYLES) {
    const styleXml = fs.readFileSync(path.join(cslDir, style + '.csl'), 'utf8');
    const engineFor = (f) => oracle.getEngine(styleXml, localeXml, itemsById, 'en-US', f);
    for (const it of spec.items) {
      const c = { id: String(it.id), style, mode: 'bibliography' };
      const out = {};
      for (const f of ['text', 'html']) {
        const { entries } = oracle.renderBibliography(engineFor(f), [String(it.id)], f);
        out[f] = entries.length ? entries[0][f] : '';
      }
      c.text = out.text;
      c.html = out.html;
      cases.push(c);
    }
    for (const ct of spec.citations || []) {
      for (const position of ['first', 'subsequent']) {
        const c = { id: String(ct.id), style, mode: 'citation-' + position };
        const req = { id: String(ct.id), position };
        if (ct.locator !== undefined && ct.locator !== '') {
          c.locator = String(ct.locator);
          c.label = ct.label || 'page';
          req.locator = c.locator;
          req.label = c.label;
        }
        for (const f of ['text', 'html']) {
          c[f] = oracle.renderCitation(engineFor(f), req);
        }
        cases.push(c);
      }
    }
    for (const list of spec.bibliographies || []) {
      const c = { ids: list.map(String), style, mode: 'bibliography-list' };
      for (const f of ['text', 'html']) {
        const { entries } = oracle.renderBibliography(engineFor(f), c.ids, f);
        c[f] = entries.map((e) => e[f]).join('\n');
        // render.js pairs entry ids and strings by position, which holds
        // only when no item is left out of the bibliography.
        if (f === 'text' && entries.length === c.ids.length) c.order = entries.map((e) => e.id);
      }
      cases.push(c);
    }
  }
  const out = {
    generator: 'scripts/cite-oracle.js (citeproc-js via ../shared/tools/citeproc/render.js)',
    engine: { name: 'citeproc-js', npm_version: pkg.version, processor_version: CSL.PROCESSOR_VERSION },
    cases,
  };
  process.stdout.write(JSON.stringify(out, null, 1) + '\n');
}

main();
