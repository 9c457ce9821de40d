// The page frame of every mock page: the "development only" banner, an Entra-like sign-in card,
// and styles that work at phone width. Plain HTML strings: the mock has no front-end build.
import { escapeHtml } from '../http/http';

export const developmentOnlyNotice = 'Mock Entra ID — development only';

const styles = `
*{box-sizing:border-box}
body{margin:0;font-family:"Segoe UI",system-ui,-apple-system,Roboto,Arial,sans-serif;background:#f2f2f2;color:#1b1b1b;line-height:1.4}
.mock-banner{background:#8a1c00;color:#fff;padding:.5rem 1rem;font-weight:600;text-align:center;font-size:.95rem}
main{display:flex;justify-content:center;padding:2rem 1rem}
.card{background:#fff;width:100%;max-width:440px;padding:2.25rem 2.75rem;box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{font-weight:600;color:#5e5e5e;margin:0 0 1rem;font-size:1rem}
h1{font-size:1.5rem;font-weight:600;margin:0 0 1rem}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}
input[type=text],input[type=email],input[type=password],input[type=tel]{width:100%;padding:.55rem .25rem;border:0;border-bottom:1px solid #616161;font-size:1rem;background:transparent}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #0067b8;outline-offset:2px}
.actions{display:flex;justify-content:flex-end;gap:.5rem;margin-top:1.5rem;flex-wrap:wrap}
button,.button{min-width:108px;min-height:44px;padding:.5rem 1rem;font-size:1rem;border:0;cursor:pointer;background:#0067b8;color:#fff;text-decoration:none;display:inline-flex;align-items:center;justify-content:center}
button.secondary,.button.secondary{background:#e1e1e1;color:#1b1b1b}
button.danger{background:#a4262c}
a{color:#0067b8}
.error{color:#a4262c;font-weight:600;margin:.5rem 0}
.hint{color:#5e5e5e;font-size:.9rem}
.number{font-size:3rem;font-weight:600;text-align:center;margin:1rem 0;letter-spacing:.1em}
ul.options{list-style:none;padding:0;margin:0}
ul.options li{border-top:1px solid #e1e1e1}
ul.options button{width:100%;justify-content:flex-start;background:#fff;color:#1b1b1b;padding:.9rem .25rem;text-align:left}
ul.options button:hover{background:#f2f2f2}
.phone{max-width:380px;border-radius:28px;border:10px solid #1b1b1b;padding:1.25rem}
.request{border:1px solid #c8c8c8;padding:1rem;margin:1rem 0}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem;margin:.5rem 0}
dt{font-weight:600}
dd{margin:0}
footer{text-align:center;color:#5e5e5e;font-size:.85rem;padding:0 1rem 2rem}
@media (max-width:480px){main{padding:0}.card{box-shadow:none;padding:1.5rem 1.25rem;min-height:calc(100vh - 40px)}}
`;

export type PageOptions = { scripts?: string[]; brand?: string };

export function renderPage(title: string, body: string, options: PageOptions = {}): string {
  const scripts = (options.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} · ${developmentOnlyNotice}</title>
<style>${styles}</style>${scripts}</head>
<body><div class="mock-banner" role="note">${developmentOnlyNotice}. Not a Microsoft service; never use real credentials.</div>
<main><div class="card">${options.brand === undefined ? '<p class="brand">Contoso (mock)</p>' : options.brand}${body}</div></main>
<footer>${developmentOnlyNotice} · Verity test tooling</footer></body></html>`;
}

export function hiddenInputs(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}
