// Test-only control API under /control/ (enabled by MOCK_IDP_CONTROL_API=1, never otherwise):
// reset the tenant, read the outbox and sign-in logs, set a simulated client IP per browser
// session, act as a user's Authenticator app, register a passkey, run a scripted sign-in.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { answerAsAuthenticator, unlockAsAuthenticator } from '../authenticator/authenticator-routes';
import { browserIdOf } from '../http/client-ip';
import { readJson, sendHtml, sendJson } from '../http/http';
import type { MockIdp } from '../mock-idp-context';
import { readOutbox } from '../store/outbox';
import { clearPushRegistry, pendingPushRequests } from '../methods/push-requests';
import { addRegisteredMethod, bumpMethodsVersion } from '../methods/registered-methods';
import { runScriptedSignIn, scriptedSignInSchema } from './scripted-sign-in';
import { readSignInLogs } from '../store/sign-in-logs';
import { parseTenantDocument, loadTenant, findUser, type TenantUser } from '../store/tenant';
import { registerPasskey, registrationOptionsFor } from '../methods/webauthn';
import { renderPage } from '../views/layout';
import { escapeHtml } from '../http/http';
import fs from 'node:fs';

// What the registration options route stores for the verify route.
const pendingRegistrationSchema = z.looseObject({ challenge: z.string(), userId: z.string() });

const stateNamespaces = ['passwords', 'lockouts', 'methods', 'taps', 'passkeys', 'userRisk'] as const;
const ipSchema = z.string().regex(/^[0-9a-fA-F:.]{2,45}$/);

function userOrThrow(mock: MockIdp, upn: string): TenantUser {
  const user = findUser(mock.tenant, decodeURIComponent(upn));
  if (!user) throw new AppError('NOT_FOUND', `no user ${upn}`);
  return user;
}

export function resetTenant(mock: MockIdp, input: { tenantFile?: string; tenant?: unknown }): void {
  if (input.tenant !== undefined) mock.tenant = parseTenantDocument(input.tenant, 'control API');
  else mock.tenant = loadTenant(mock.config, input.tenantFile);
  mock.store.clearNamespaces(stateNamespaces);
  bumpMethodsVersion(mock.store);
  mock.store.clearEvents(['signIns', 'outbox']);
  clearPushRegistry(mock.pushes);
  mock.signIns.clear();
  mock.clientIps.clear();
  mock.evidence.byGrant.clear();
  mock.evidence.bySession.clear();
}

export async function handleControlRoute(
  mock: MockIdp,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  segments: string[],
): Promise<void> {
  const [first = '', second = '', third = '', fourth = '', fifth = ''] = segments;
  const method = req.method ?? 'GET';

  if (first === 'reset' && method === 'POST') {
    const body = z
      .object({ tenantFile: z.string().optional(), tenant: z.unknown().optional() })
      .parse(await readJson(req));
    if (body.tenantFile && !fs.existsSync(body.tenantFile))
      throw new AppError('INVALID_INPUT', 'tenantFile does not exist');
    resetTenant(mock, body);
    return sendJson(res, 200, {
      reset: true,
      tenantId: mock.tenant.tenantId,
      users: mock.tenant.document.users.length,
    });
  }
  if (first === 'outbox' && method === 'GET') {
    return sendJson(res, 200, {
      value: readOutbox(mock.store, { userPrincipalName: url.searchParams.get('upn') ?? undefined }),
    });
  }
  if (first === 'sign-in-logs' && method === 'GET') {
    return sendJson(res, 200, { value: readSignInLogs(mock.store) });
  }
  if (first === 'client-ip') {
    if (method === 'POST') {
      const body = z.object({ browserId: z.string().min(16), ip: ipSchema.nullable() }).parse(await readJson(req));
      if (body.ip === null) mock.clientIps.delete(body.browserId);
      else mock.clientIps.set(body.browserId, body.ip);
      return sendJson(res, 200, { browserId: body.browserId, ip: body.ip });
    }
    // A browser visiting /control/client-ip?ip=... sets the simulated IP of its own session.
    const browserId = browserIdOf(req, res);
    const ip = url.searchParams.get('ip');
    if (ip) mock.clientIps.set(browserId, ipSchema.parse(ip));
    else if (url.searchParams.has('clear')) mock.clientIps.delete(browserId);
    return sendJson(res, 200, { browserId, ip: mock.clientIps.get(browserId) ?? null });
  }
  if (first === 'authenticator' && second) {
    const user = userOrThrow(mock, second);
    if (third === 'requests' && !fourth && method === 'GET') {
      // The number is deliberately absent: it is read from the sign-in page, as a person would.
      return sendJson(res, 200, {
        value: pendingPushRequests(mock.pushes, user.id, mock.now()).map(({ number: _n, ...r }) => r),
      });
    }
    if (third === 'requests' && fourth && method === 'POST') {
      const body = z
        .object({
          number: z.coerce.number().int().optional(),
          pin: z.string().optional(),
          biometric: z.boolean().optional(),
        })
        .parse(await readJson(req));
      const requestId = fourth === 'latest' ? pendingPushRequests(mock.pushes, user.id, mock.now())[0]?.id : fourth;
      if (!requestId) throw new AppError('NOT_FOUND', 'no pending Authenticator request');
      if (fifth === 'approve') {
        const answered = answerAsAuthenticator(mock, user, requestId, 'approve', body.number);
        if (answered.status !== 'awaitingUnlock') return sendJson(res, 409, answered);
        const unlocked = unlockAsAuthenticator(
          mock,
          user,
          requestId,
          body.pin !== undefined ? { pin: body.pin } : { biometric: true },
        );
        return sendJson(res, unlocked.status === 'approved' ? 200 : 409, unlocked);
      }
      if (fifth === 'deny' || fifth === 'report')
        return sendJson(res, 200, answerAsAuthenticator(mock, user, requestId, fifth, undefined));
    }
  }
  if (first === 'passkeys' && second) {
    // A page that registers a real WebAuthn passkey for the user (Playwright's virtual authenticator).
    const user = userOrThrow(mock, second);
    const base = `/control/passkeys/${encodeURIComponent(user.userPrincipalName)}`;
    if (!third && method === 'GET') {
      return sendHtml(
        res,
        200,
        renderPage(
          'Register a passkey',
          `<h1>Register a passkey</h1><p>For ${escapeHtml(user.userPrincipalName)} (control API, tests only).</p>
<form id="register-form" action="${base}/verify" data-webauthn="registration" data-status-id="register-status" data-success="Passkey registered." data-failure="Registration failed" data-options-href="${base}/options"><p id="register-status" role="status"></p><div class="actions"><button type="button" id="register-start" data-webauthn-start>Register passkey</button></div></form>`,
          { scripts: ['/assets/simplewebauthn-browser.js', '/assets/webauthn-ceremony.js'] },
        ),
      );
    }
    const browserId = browserIdOf(req, res);
    if (third === 'options' && method === 'GET') {
      const options = await registrationOptionsFor(mock.store, user, new URL(mock.origin()).hostname);
      mock.store.put('webauthnRegistration', browserId, { challenge: options.challenge, userId: user.id });
      return sendJson(res, 200, options);
    }
    if (third === 'verify' && method === 'POST') {
      const pending = mock.store.get('webauthnRegistration', browserId, pendingRegistrationSchema);
      mock.store.remove('webauthnRegistration', browserId);
      if (!pending || pending.userId !== user.id) throw new AppError('INVALID_INPUT', 'no registration in progress');
      const passkey = await registerPasskey(
        mock.store,
        user,
        {
          response: await readJson(req),
          expectedChallenge: pending.challenge,
          origin: mock.origin(),
          rpID: new URL(mock.origin()).hostname,
        },
        mock.now(),
      );
      if (passkey) addRegisteredMethod(mock.store, user, 'fido2');
      return sendJson(res, passkey ? 200 : 400, { registered: Boolean(passkey) });
    }
  }
  if (first === 'scripted-sign-in' && method === 'POST') {
    const body = scriptedSignInSchema.parse(await readJson(req));
    const ca = fs.readFileSync(`${mock.config.certDir}/ca.crt`, 'utf8');
    return sendJson(res, 200, await runScriptedSignIn(mock.origin(), ca, body));
  }
  return sendJson(res, 404, { error: 'not_found', error_description: `No control endpoint ${url.pathname}` });
}
