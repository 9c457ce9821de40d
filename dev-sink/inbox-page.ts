// The sink's inbox as a small HTML page, for people reading what the portal sent during development (`/messages`
// and `/sms`; tests read `?format=json`). Everything shown is escaped: an e-mail's HTML body is never rendered,
// only its text, so nothing a sender wrote runs in the browser.
import type { SunkEmail, SunkSms } from './dev-sink-store';

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? character,
  );

const style = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}
header,main{max-width:60rem;margin:0 auto;padding:1rem}header{display:flex;flex-wrap:wrap;gap:1rem;align-items:baseline}
nav a{margin-right:1rem}a{color:#174ca8}a[aria-current]{font-weight:700}
form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:0 0 1rem}input{font:inherit;padding:.3rem .5rem}
button{font:inherit;padding:.3rem .8rem;background:#174ca8;color:#fff;border:0;border-radius:.4rem}
article{background:#fff;border:1px solid #e2e8f0;border-radius:.6rem;padding:.8rem 1rem;margin:0 0 .8rem}
h2{font-size:1.05rem;margin:0 0 .3rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem;margin:0;font-size:.9rem}
dt{color:#475569}dd{margin:0;overflow-wrap:anywhere}pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:.5rem 0 0;font:inherit}`;

type Inbox = { kind: 'messages'; items: SunkEmail[] } | { kind: 'sms'; items: SunkSms[] };

function emailArticle(mail: SunkEmail): string {
  return `<article><h2>${escapeHtml(mail.subject || '(no subject)')}</h2><dl>
<dt>From</dt><dd>${escapeHtml(mail.from)}</dd><dt>To</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
<dt>Received</dt><dd><time datetime="${escapeHtml(mail.receivedAt)}">${escapeHtml(mail.receivedAt)}</time></dd></dl>
<pre>${escapeHtml(mail.text)}</pre></article>`;
}

function smsArticle(sms: SunkSms): string {
  return `<article><h2>${escapeHtml(sms.to)}</h2><dl>
<dt>Received</dt><dd><time datetime="${escapeHtml(sms.receivedAt)}">${escapeHtml(sms.receivedAt)}</time></dd></dl>
<pre>${escapeHtml(sms.body)}</pre></article>`;
}

export function inboxPage(inbox: Inbox, to: string | null): string {
  const title = inbox.kind === 'messages' ? 'E-mail' : 'SMS';
  const current = (kind: Inbox['kind']) => (inbox.kind === kind ? ' aria-current="page"' : '');
  const query = to ? `?to=${encodeURIComponent(to)}&amp;format=json` : '?format=json';
  const articles =
    inbox.kind === 'messages' ? inbox.items.map(emailArticle).join('\n') : inbox.items.map(smsArticle).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Verity development sink</title>
<style>${style}</style></head><body><header><strong>Verity development sink</strong>
<nav aria-label="Inboxes"><a href="/messages"${current('messages')}>E-mail</a><a href="/sms"${current('sms')}>SMS</a></nav></header>
<main><h1>${title}: ${inbox.items.length} received${to ? ` for ${escapeHtml(to)}` : ''}, newest first</h1>
<form method="get" action="/${inbox.kind}"><label>Recipient <input name="to" value="${escapeHtml(to ?? '')}"></label>
<button type="submit">Filter</button> <a href="/${inbox.kind}${query}">JSON</a></form>
${articles || '<p>Nothing received yet.</p>'}</main></body></html>`;
}
