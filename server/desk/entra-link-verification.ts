import 'server-only';
// The "Entra sign-in link" method: the desk sends a short-lived link to the contact of record; the user
// opens it on their own device and signs in with Entra MFA through the same OIDC verification as the reset
// portal (server/verification/entra-mfa-verification.ts: PKCE, state, nonce, `oid` = the case's user,
// fresh `auth_time`, `amr`/`acrs` MFA evidence). The agent's console turns verified through the live
// stream. The link token is random, stored hashed, single use and expires with the attempt (10 minutes).
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { appendAuditEvent } from '../audit/append-audit-event';
import { parseStoredJson } from '../database/stored-json';
import {
  entraMfaPendingVerificationSchema,
  type EntraCallbackQuery,
  type EntraMfaVerification,
} from '../verification/entra-mfa-verification';
import { agentRoles, assertDeskRole, type DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import type { DeskDependencies } from './desk-dependencies';
import { assertCaseOpen, caseIdSchema, consumeDeskLimits } from './start-push-verification';

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

export const linkPaths = {
  start: '/api/desk/verify/start',
  callback: '/api/desk/verify/callback',
  done: '/desk/verified',
} as const;

export async function sendEntraSignInLink(
  deps: DeskDependencies,
  actor: DeskActor,
  input: unknown,
): Promise<{ verificationId: string; sentTo: 'alternateEmail' | 'mobilePhone' }> {
  assertDeskRole(actor, agentRoles);
  const { caseId } = caseIdSchema.parse(input);
  const { row } = await assertCaseOpen(deps, actor, caseId);
  if (!deps.settings.enabledMethods.includes('entraSignInLink'))
    throw new AppError('FORBIDDEN', 'The Entra sign-in link is not enabled for the desk.');
  const user = await deps.directory.getUser(row.targetId);
  const email = user.otherMails[0] ?? null;
  if (!email && !user.mobilePhone) throw new AppError('CONFLICT', 'No alternate email or mobile number on record.');
  await consumeDeskLimits(deps, 'code', actor.oid, row.targetId);
  const now = deps.now();
  const verificationId = randomUUID();
  const token = randomBytes(32).toString('base64url');
  await deps.db.deskVerification.updateMany({
    where: { caseId, method: 'entraSignInLink', status: 'pending' },
    data: { status: 'failed', detail: 'replaced', completedAt: now },
  });
  await deps.db.deskVerification.create({
    data: {
      id: verificationId,
      caseId,
      method: 'entraSignInLink',
      status: 'pending',
      detail: 'pending',
      codeHash: sha256Hex(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.policy.code.lifetimeMinutes * 60_000),
    },
  });
  const url = new URL(linkPaths.start, deps.settings.appOrigin);
  url.searchParams.set('v', verificationId);
  url.searchParams.set('t', token);
  const text = `Your service desk asked you to confirm it is you. If you are on a call with the service desk now, open this link and sign in with your usual Microsoft sign-in:\n\n${url.toString()}\n\nIt expires in ${deps.policy.code.lifetimeMinutes} minutes. If you did not call the service desk, ignore it and contact IT security.`;
  if (email)
    await deps.messenger.sendEmail({ to: email, subject: 'Confirm it is you: sign in for the service desk', text });
  else
    await deps.messenger.sendSms({
      to: user.mobilePhone!,
      body: `Service desk: confirm it is you by signing in at ${url.toString()}`,
    });
  await auditDesk(deps, actor, {
    action: 'desk.verification.linkSent',
    outcome: 'info',
    subjectId: row.targetId,
    details: { caseId, verificationId, method: 'entraSignInLink', sentTo: email ? 'alternateEmail' : 'mobilePhone' },
  });
  return { verificationId, sentTo: email ? 'alternateEmail' : 'mobilePhone' };
}

export const linkStartSchema = z.object({ v: z.uuid(), t: z.string().min(20).max(100) });

/** The user opened the link: check the token once, start the Entra sign-in bound to a browser cookie. */
export async function beginEntraLinkVerification(
  deps: DeskDependencies,
  entra: Pick<EntraMfaVerification, 'start' | 'complete'>,
  input: unknown,
): Promise<{ authorizeUrl: string; cookie: string }> {
  const { v, t } = linkStartSchema.parse(input);
  const now = deps.now();
  const verification = await deps.db.deskVerification.findUnique({ where: { id: v }, include: { deskCase: true } });
  const expected = Buffer.from(verification?.codeHash ?? '', 'hex');
  const actual = Buffer.from(sha256Hex(t), 'hex');
  const isToken = expected.length === actual.length && timingSafeEqual(expected, actual);
  if (!verification || verification.method !== 'entraSignInLink' || !isToken)
    throw new AppError('NOT_FOUND', 'This link is not valid.');
  if (verification.status !== 'pending' || verification.detail !== 'pending' || verification.deskCase.endedAt)
    throw new AppError('CONFLICT', 'This link was already used.');
  if (verification.expiresAt <= now)
    throw new AppError('EXPIRED', 'This link has expired. Ask the service desk for a new one.');
  const binding = randomBytes(24).toString('base64url');
  const { authorizeUrl, pending } = await entra.start({
    loginHint: verification.deskCase.targetUpn,
    expectedOid: verification.deskCase.targetId,
    redirectUri: new URL(linkPaths.callback, deps.settings.appOrigin).toString(),
    binding,
    now,
  });
  // Single use: only the first opener moves the attempt on (conditional update).
  const moved = await deps.db.deskVerification.updateMany({
    where: { id: v, status: 'pending', detail: 'pending' },
    data: { detail: 'linkOpened', channelRef: JSON.stringify(pending) },
  });
  if (moved.count !== 1) throw new AppError('CONFLICT', 'This link was already used.');
  return { authorizeUrl, cookie: `${v}.${binding}` };
}

/** Back from Entra: check everything the reset portal checks, then mark the attempt verified or failed. */
export async function completeEntraLinkVerification(
  deps: DeskDependencies,
  entra: Pick<EntraMfaVerification, 'start' | 'complete'>,
  query: EntraCallbackQuery,
  cookie: string | undefined,
): Promise<{ isVerified: boolean; reason: string | null }> {
  const [id, binding] = (cookie ?? '').split('.');
  if (!id || !binding || !z.uuid().safeParse(id).success)
    throw new AppError('INVALID_INPUT', 'This sign-in did not start from a service desk link in this browser.');
  const verification = await deps.db.deskVerification.findUnique({ where: { id }, include: { deskCase: true } });
  if (
    !verification ||
    verification.status !== 'pending' ||
    verification.detail !== 'linkOpened' ||
    !verification.channelRef
  )
    throw new AppError('CONFLICT', 'This link was already used or has expired.');
  const now = deps.now();
  const pending = parseStoredJson(
    entraMfaPendingVerificationSchema,
    verification.channelRef,
    'DeskVerification.channelRef',
  );
  const result =
    verification.expiresAt <= now
      ? ({ ok: false, reason: 'expired' } as const)
      : await entra.complete({ query, pending, binding, now });
  const moved = await deps.db.deskVerification.updateMany({
    where: { id, status: 'pending' },
    data: {
      status: result.ok ? 'verified' : 'failed',
      detail: result.ok ? 'approved' : result.reason,
      completedAt: now,
      channelRef: null,
    },
  });
  if (moved.count !== 1) throw new AppError('CONFLICT', 'This link was already used.');
  const seconds = Math.round((now.getTime() - verification.createdAt.getTime()) / 100) / 10;
  await appendAuditEvent(deps.db, {
    occurredAt: now,
    actorType: 'user',
    actorId: result.ok ? result.claims.oid : null,
    subjectId: verification.deskCase.targetId,
    action: 'desk.verification.result',
    outcome: result.ok ? 'success' : 'failure',
    details: {
      caseId: verification.caseId,
      verificationId: id,
      method: 'entraSignInLink',
      result: result.ok ? 'approved' : result.reason,
      seconds,
      ...(result.ok ? { amr: result.claims.amr } : {}),
    },
  });
  return { isVerified: result.ok, reason: result.ok ? null : result.reason };
}
