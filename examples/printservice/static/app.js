// The reading page's dialogs: print (a POST of the form, the PDF saved as a
// download, refusals shown in the dialog), cite (style chooser, copy) — no
// inline script, so the page runs under a strict Content-Security-Policy.
'use strict';

document.addEventListener('DOMContentLoaded', () => {
  const article = document.getElementById('document');
  if (!article) return;
  const api = article.dataset.api;

  const printDialog = document.getElementById('print-dialog');
  const form = document.getElementById('print-form');
  const message = document.getElementById('print-message');
  const show = (text, isError) => {
    message.textContent = text;
    message.classList.toggle('error', isError);
  };
  document.getElementById('open-print').addEventListener('click', () => { show('', false); printDialog.showModal(); });
  document.getElementById('print-close').addEventListener('click', () => printDialog.close());

  // The file name of a Content-Disposition: filename* (RFC 8187) first.
  const fileName = (cd) => {
    const star = /filename\*=UTF-8''([^;]+)/i.exec(cd || '');
    if (star) { try { return decodeURIComponent(star[1]); } catch (e) { /* fall back */ } }
    const plain = /filename="([^"]*)"/i.exec(cd || '');
    return plain ? plain[1] : 'extract.pdf';
  };

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const data = new URLSearchParams(new FormData(form));
    show('Printing…', false);
    let res;
    try {
      res = await fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' });
    } catch (e) {
      show('The print service cannot be reached.', true);
      return;
    }
    if (!res.ok) {
      let detail = 'The print failed (' + res.status + ').';
      try { const p = await res.json(); if (p.detail) detail = p.detail; } catch (e) { /* keep the status */ }
      show(detail, true);
      return;
    }
    const blob = await res.blob();
    const name = fileName(res.headers.get('Content-Disposition'));
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
    show('Your PDF is downloading: ' + name, false);
  });

  const citeDialog = document.getElementById('cite-dialog');
  const style = document.getElementById('cite-style');
  const text = document.getElementById('cite-text');
  const status = document.getElementById('cite-status');
  document.getElementById('open-cite').addEventListener('click', () => citeDialog.showModal());
  document.getElementById('cite-close').addEventListener('click', () => citeDialog.close());
  style.addEventListener('change', async () => {
    status.textContent = '';
    const res = await fetch(api + '/citation?format=html&style=' + encodeURIComponent(style.value));
    if (!res.ok) { status.textContent = 'The citation could not be loaded.'; return; }
    // The handler's HTML is escaped text with <i>, <b>, <span> and <a> only.
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    text.replaceChildren(...doc.body.childNodes);
    text.dataset.style = style.value;
  });
  document.getElementById('cite-copy').addEventListener('click', async () => {
    const plain = text.textContent;
    try {
      await navigator.clipboard.writeText(plain);
      status.textContent = 'Copied.';
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents(text);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      status.textContent = document.execCommand('copy') ? 'Copied.' : 'Select the text and copy it.';
    }
  });
});
