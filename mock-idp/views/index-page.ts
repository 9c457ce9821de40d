// The mock's home page: what it is, where the endpoints are, the demo users' Authenticator pages.
import { escapeHtml } from '../http/http';
import type { MockIdp } from '../mock-idp-context';
import { renderPage } from './layout';

export function renderIndexPage(mock: MockIdp): string {
  const t = mock.tenant;
  const base = `${mock.origin()}/${t.tenantId}`;
  const users = t.document.users
    .map(
      (u) =>
        `<li>${escapeHtml(u.displayName)} — <a href="/authenticator/${encodeURIComponent(u.userPrincipalName)}">Authenticator</a></li>`,
    )
    .join('');
  return renderPage(
    'Mock Entra ID',
    `<h1>Mock Entra ID</h1>
<p>A development-only imitation of Microsoft Entra ID for the Verity project. Never use real credentials.</p>
<h2>Tenant</h2><p>${escapeHtml(t.tenantId)} (${escapeHtml(t.domains.join(', '))})</p>
<ul><li><a href="/${escapeHtml(t.tenantId)}/v2.0/.well-known/openid-configuration">OpenID configuration</a></li><li>Issuer: <code>${escapeHtml(`${base}/v2.0`)}</code></li></ul>
<h2>Simulated Authenticator apps</h2><ul>${users}</ul>`,
  );
}
