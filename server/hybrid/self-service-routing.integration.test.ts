// Routing by source of authority without a DC: a synced user is never written through Graph (Entra refuses
// passwordProfile for them), and one Verity cannot serve gets the one desk refusal, its precise reason only
// in the audit log. The AD paths themselves run against a real DC in self-service-routing.ad.test.ts.
import { describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/app-error';
import { sourceOfAuthority } from '@/lib/ad/source-of-authority';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { changePassword } from '../reset/change-password';
import {
  adele,
  memoryDirectory,
  passwordAndPush,
  settleBackgroundTasks,
  testResetDependencies,
} from '../reset/reset-test-support';
import { unlockAccount } from '../reset/unlock-account';
import { syncedUser, testOrigin, verifiedSession } from './hybrid-test-support';

const testDb = setUpTestDatabase();

const password = 'Blue-Harbour-Lantern-82';
const otherForest = syncedUser('user-fabrikam', 'kim.akers@fabrikam.test', {
  securityIdentifier: 'S-1-5-21-1-2-3-1105',
  domainName: 'corp.fabrikam.test',
});
const noSid = syncedUser('user-nosid', 'lee.gu@contoso.test', {
  securityIdentifier: null,
  domainName: 'corp.contoso.test',
});

async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, reason: error.reason, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

function setUp() {
  const directory = memoryDirectory([
    { user: adele, methods: passwordAndPush },
    { user: otherForest, methods: passwordAndPush },
    { user: noSid, methods: passwordAndPush },
  ]);
  return { directory, deps: testResetDependencies(testDb.db, directory) };
}

async function lastAudit(subjectId: string) {
  const event = await testDb.db.auditEvent.findFirst({ where: { subjectId }, orderBy: { seq: 'desc' } });
  return { action: event?.action, outcome: event?.outcome, details: JSON.parse(event?.detailsJson ?? '{}') };
}

describe('routing by source of authority', () => {
  it('decides from Graph: cloud-only users stay on Entra, synced users go to AD by objectSid', () => {
    expect(sourceOfAuthority(null, ['corp.contoso.test'])).toEqual({ kind: 'entra' });
    expect(sourceOfAuthority(otherForest.onPremises, ['corp.contoso.test'])).toEqual({
      kind: 'unserved',
      gap: 'adDomainNotConnected',
    });
    expect(sourceOfAuthority(noSid.onPremises, ['corp.contoso.test'])).toEqual({
      kind: 'unserved',
      gap: 'adIdentityMissing',
    });
    expect(
      sourceOfAuthority({ ...noSid.onPremises!, securityIdentifier: 'S-1-5-21-9-9-9-1200' }, ['corp.contoso.test']),
    ).toEqual({ kind: 'activeDirectory', securityIdentifier: 'S-1-5-21-9-9-9-1200', domainName: 'corp.contoso.test' });
  });

  it('a synced user from a domain Verity has no connection for is refused with the desk message, never written through Graph, the reason audited', async () => {
    const { directory, deps } = setUp();
    const token = await verifiedSession(deps, otherForest);
    const refusal = await refusalOf(
      changePassword(deps, { token, password, confirmation: password, locale: 'en', origin: testOrigin }),
    );
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', reason: 'selfServiceRefused' });
    expect(refusal.message).not.toMatch(/fabrikam|domain|connection/i);
    expect(directory.passwordWrites).toEqual([]);
    expect(await lastAudit(otherForest.id)).toMatchObject({
      action: 'reset.passwordRejected',
      outcome: 'denied',
      details: { reason: 'adDomainNotConnected' },
    });
  });

  it('a synced user without an objectSid in Graph is refused the same way (never matched by name)', async () => {
    const { directory, deps } = setUp();
    const token = await verifiedSession(deps, noSid, 'unlock');
    const refusal = await refusalOf(unlockAccount(deps, { token, locale: 'en', origin: testOrigin }));
    expect(refusal).toMatchObject({ code: 'FORBIDDEN', reason: 'selfServiceRefused' });
    expect(directory.unlocks).toEqual([]);
    expect(await lastAudit(noSid.id)).toMatchObject({
      action: 'unlock.rejected',
      details: { reason: 'adIdentityMissing' },
    });
  });

  it('a cloud-only user keeps the Graph path', async () => {
    const { directory, deps } = setUp();
    const token = await verifiedSession(deps, adele);
    await changePassword(deps, { token, password, confirmation: password, locale: 'en', origin: testOrigin });
    expect(directory.passwordWrites).toEqual([{ id: adele.id, password }]);
    await settleBackgroundTasks();
    expect(deps.captured.emails.at(-1)?.text).not.toContain('Active Directory');
  });
});
