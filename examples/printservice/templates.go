package main

// pageTemplates are the service's pages. They load only /static/app.css
// and /static/app.js: no inline script or style, which the
// Content-Security-Policy would refuse.
const pageTemplates = `
{{define "head"}}<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.}}</title>
<link rel="stylesheet" href="/static/app.css">
<script src="/static/app.js" defer></script>
{{end}}

{{define "index"}}{{template "head" .Volume.FullTitle}}</head>
<body>
<header class="site"><a href="/">{{.Volume.FullTitle}}</a></header>
<main>
<h1>{{.Volume.FullTitle}}</h1>
<p>Edited by {{range $i, $e := .Volume.Editors}}{{if $i}}, {{end}}{{$e.Given}} {{$e.Family}}{{end}}.
{{.Held}} of the {{len .Contents}} entries are held by this service; the others are listed as in the archive's table of contents.</p>
<ol class="toc">
{{range .Contents}}<li>{{if .Held}}<a href="/doc/{{.ID}}">{{.Label}}</a>{{else}}<span class="absent">{{.Label}}</span>{{end}}{{if not .Date.IsZero}} <span class="date">{{.Date.ISO}}</span>{{end}}</li>
{{end}}</ol>
</main>
</body>
</html>
{{end}}

{{define "notfound"}}{{template "head" "Not found"}}</head>
<body><main><h1>Not found</h1><p>The archive has no document “{{.ID}}”. <a href="/">Table of contents</a></p></main></body></html>
{{end}}

{{define "document"}}{{template "head" (printf "%s – %s" .Doc.Title .Volume.FullTitle)}}{{.Meta}}</head>
<body>
<header class="site"><a href="/">{{.Volume.FullTitle}}</a></header>
<main>
<nav class="prevnext">
{{with .Prev}}{{if .Held}}<a rel="prev" href="/doc/{{.ID}}">← {{.Label}}</a>{{else}}<span class="absent" title="not held by this service">← {{.Label}}</span>{{end}}{{end}}
{{with .Next}}{{if .Held}}<a rel="next" href="/doc/{{.ID}}">{{.Label}} →</a>{{else}}<span class="absent" title="not held by this service">{{.Label}} →</span>{{end}}{{end}}
</nav>
<article id="document" data-api="{{.APIBase}}">
<h1 id="title">{{.Doc.Title}}</h1>
<dl class="details">
{{range .Details}}<dt>{{index . 0}}</dt><dd>{{index . 1}}</dd>
{{end}}</dl>

<div class="toolbar" role="toolbar">
<button type="button" id="open-print"{{if not .HasPages}} disabled{{end}}>Print</button>
<button type="button" id="open-cite">Cite</button>
<span class="export">Export:
<a id="export-ris" href="{{.APIBase}}/ris">RIS</a>
<a id="export-csl" href="{{.APIBase}}/csl-json">CSL-JSON</a>
<a id="export-tei" href="{{.APIBase}}/tei">TEI</a>
</span>
</div>

<dialog id="print-dialog" aria-labelledby="print-heading">
<form id="print-form" method="post" action="{{.APIBase}}/print">
<h2 id="print-heading">Print</h2>
<p class="cap">Max. {{.MaxPages}} pages at a time</p>
<p class="range">
<label>From page <input type="number" name="from" id="print-from" value="{{.First}}" min="1" required></label>
<label>to page <input type="number" name="to" id="print-to" value="{{.Last}}" min="1" required></label>
</p>
<p><label>Your name <input type="text" name="name" id="print-name" maxlength="200" autocomplete="name" required></label></p>
<p><label class="terms"><input type="checkbox" name="terms" id="print-terms" value="on"> I agree to all terms and conditions governing print and/or download of material from this archive.</label></p>
<p id="print-message" role="alert" aria-live="assertive"></p>
<p class="buttons"><button type="submit" id="print-submit">Print</button> <button type="button" class="close" id="print-close">Close</button></p>
</form>
</dialog>

<dialog id="cite-dialog" aria-labelledby="cite-heading">
<h2 id="cite-heading">Cite</h2>
<p><label>Style <select id="cite-style">
{{range .Styles}}<option value="{{.}}"{{if eq . $.Style}} selected{{end}}>{{.}}</option>
{{end}}</select></label></p>
<blockquote id="cite-text" data-style="{{.Style}}">{{.Citation}}</blockquote>
<p class="buttons"><button type="button" id="cite-copy">Copy</button> <span id="cite-status" role="status"></span> <button type="button" class="close" id="cite-close">Close</button></p>
</dialog>

<div class="text" lang="{{with .Doc.Translation}}{{.Lang}}{{end}}">
{{.Body}}
</div>
{{if .Notes}}<section class="footnotes" aria-label="Footnotes">
<h2>Notes</h2>
<ol>
{{range .Notes}}<li id="note-{{.Number}}" value="{{.Number}}">{{.Body}} <a href="#ref-{{.Number}}" aria-label="back to the text">↩</a></li>
{{end}}</ol>
</section>{{end}}
<p class="transcription">Original transcription: {{if .Transcript}}{{.Transcript}} blocks{{else}}/ 0{{end}}</p>
{{.COinS}}
</article>
</main>
</body>
</html>
{{end}}
`
