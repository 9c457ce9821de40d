// The simulated Authenticator app screen ("a phone on the screen").
import { escapeHtml } from '../http/http';
import type { PushRequest } from '../methods/push-requests';
import { renderPage } from './layout';

export function authenticatorPage(p: {
  upn: string;
  requests: PushRequest[];
  now: number;
  message?: string;
  base?: string;
}): string {
  const items = p.requests
    .map((r) => {
      const seconds = Math.max(0, Math.round((r.expiresAt - p.now) / 1000));
      const head = `<dl><dt>App</dt><dd>${escapeHtml(r.appName)}</dd><dt>Location</dt><dd>${escapeHtml(r.location)}</dd><dt>Time</dt><dd><time datetime="${new Date(r.createdAt).toISOString()}">${new Date(r.createdAt).toLocaleTimeString('en-GB', { timeZone: 'UTC' })} UTC</time></dd><dt>Expires in</dt><dd>${seconds} s</dd></dl>`;
      const action = `${p.base}/requests/${encodeURIComponent(r.id)}`;
      if (r.status === 'awaitingUnlock') {
        return `<section class="request" aria-labelledby="req-${r.id}"><h2 id="req-${r.id}">Confirm it’s you</h2>${head}
<form method="post" action="${action}/unlock"><label for="pin-${r.id}">Authenticator PIN</label><input id="pin-${r.id}" name="pin" type="password" inputmode="numeric" autocomplete="off">
<div class="actions"><button type="submit" name="biometric" value="yes" class="secondary">Use biometrics</button><button type="submit">Unlock</button></div></form></section>`;
      }
      // A service-desk verification push (graph/verification-push-routes.ts): the agent reads the number out.
      const isDesk = r.kind === 'verification';
      return `<section class="request" aria-labelledby="req-${r.id}"><h2 id="req-${r.id}">${isDesk ? 'Are you on a call with your service desk?' : 'Are you trying to sign in?'}</h2><p>${escapeHtml(p.upn)}</p>${head}
<form method="post" action="${action}/answer"><label for="number-${r.id}">${isDesk ? 'Enter the number the service desk agent reads to you.' : 'Enter the number shown to sign in.'}</label>
<input id="number-${r.id}" name="number" type="text" inputmode="numeric" pattern="[0-9]*" maxlength="2" autocomplete="off">
<div class="actions"><button type="submit" name="action" value="deny" class="secondary">No, it’s not me</button><button type="submit" name="action" value="approve">Yes</button></div>
<div class="actions"><button type="submit" name="action" value="report" class="danger">Report suspicious activity</button></div></form></section>`;
    })
    .join('');
  const body = `<h1>Authenticator</h1><p class="hint">Simulated Microsoft Authenticator for ${escapeHtml(p.upn)}</p>
${p.message ? `<p role="status">${escapeHtml(p.message)}</p>` : ''}
${items || '<p>No pending requests.</p>'}
<div class="actions"><a class="button secondary" href="${escapeHtml(p.base ?? '#')}">Refresh</a></div>`;
  return renderPage('Authenticator', `<div class="phone">${body}</div>`, { brand: '' });
}
