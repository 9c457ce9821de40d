// The reset pages' one load (loadResetProgress): no session is null (the page offers to start), a started
// session shows its stars and services, and a completed reset says how Microsoft 365 takes the password in
// the same load (null for a cloud-only user; AD's sync for a synced one, against a real DC in
// server/hybrid/self-service-routing.ad.test.ts).
import { describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { syncedUser, testOrigin, verifiedSession } from '../hybrid/hybrid-test-support';
import { changePassword } from './change-password';
import { loadResetProgress } from './reset-progress';
import {
  adele,
  memoryDirectory,
  passwordAndPush,
  settleBackgroundTasks,
  testResetDependencies,
} from './reset-test-support';
import { startResetSession } from './start-reset-session';

const testDb = setUpTestDatabase();

const fresh = 'Blue-Harbour-Lantern-82';
const deps = () => testResetDependencies(testDb.db, memoryDirectory([{ user: adele, methods: passwordAndPush }]));

describe('loadResetProgress', () => {
  it('is null without a session, for an unknown token too', async () => {
    expect(await loadResetProgress(deps(), undefined)).toBeNull();
    expect(await loadResetProgress(deps(), 'not-a-session-token')).toBeNull();
  });

  it('a started session: its purpose, no stars yet, every enabled service unverified', async () => {
    const d = deps();
    const { token } = await startResetSession(d, {
      purpose: 'reset',
      username: adele.userPrincipalName,
      origin: testOrigin,
    });
    await settleBackgroundTasks();
    const progress = await loadResetProgress(d, token);
    expect(progress).toMatchObject({ purpose: 'reset', stars: 0, isEnough: false, passwordSync: null });
    expect(progress?.services.every((service) => !service.isVerified)).toBe(true);
    expect(progress?.csrf).toEqual(expect.any(String));
  });

  it('a completed reset of a cloud-only user: completed, with no AD sentence, in the same load', async () => {
    const d = deps();
    const token = await verifiedSession(d, adele);
    await changePassword(d, { token, password: fresh, confirmation: fresh, locale: 'en', origin: testOrigin });
    await settleBackgroundTasks();
    expect(await loadResetProgress(d, token)).toMatchObject({ status: 'completed', passwordSync: null });
  });

  it('a synced user whose domain Verity has no connection for gets no AD sentence', async () => {
    const synced = syncedUser('user-synced', 'alan.steiner@contoso.test', {
      securityIdentifier: 'S-1-5-21-1-2-3-1104',
      domainName: 'corp.contoso.test',
    });
    const d = testResetDependencies(testDb.db, memoryDirectory([{ user: synced, methods: passwordAndPush }]));
    const { token } = await startResetSession(d, {
      purpose: 'reset',
      username: synced.userPrincipalName,
      origin: testOrigin,
    });
    await settleBackgroundTasks();
    expect((await loadResetProgress(d, token))?.passwordSync).toBeNull();
  });
});
