// Finding 9 of issue 11 (ASVS5 6.8.4): the portal stored amr and auth_time for staff but never checked them.
// A TAP, an unlock and a supervisor's approval of a privileged case now need the staff member's MFA sign-in
// within 15 minutes; the freshness used is audited. Real database, in-memory directory, push and mail.
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { checkVerificationCode, sendVerificationCode } from './code-verification';
import { createDeskTestKit, gradySupervisor, lynneAgent, freshDeskTestKit } from './desk-test-support';
import type { DeskActor } from './desk-actor';
import { openDeskCase } from './open-desk-case';
import { performDeskAction } from './perform-desk-action';
import { startPushVerification } from './start-push-verification';
import { approveDeskCase, requestSupervisorApproval } from './supervisor-approval';

const testDb = setUpTestDatabase();
let kit: ReturnType<typeof createDeskTestKit>;
beforeEach(async () => {
  kit = await freshDeskTestKit(testDb.db);
});

/** The same person, signed in `minutesAgo` before the kit's clock, with or without MFA in `amr`. */
const signedIn = (actor: DeskActor, minutesAgo: number, amr: string[] = ['pwd', 'rsa', 'mfa']): DeskActor => ({
  ...actor,
  authTime: Math.floor(kit.clock.now.getTime() / 1000) - minutesAgo * 60,
  amr,
});

async function verifiedCaseOn(userId: string, agent: DeskActor) {
  const { caseId } = await openDeskCase(kit.deps, agent, { userId });
  await startPushVerification(kit.deps, agent, { caseId });
  kit.push.answer('approved');
  return caseId;
}

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error: { reason?: string; code?: string }) => error.reason ?? error.code,
  );

async function auditOf(action: string) {
  const rows = await testDb.db.auditEvent.findMany({ where: { action }, orderBy: { seq: 'asc' } });
  return rows.map((row) => ({ outcome: row.outcome, details: JSON.parse(row.detailsJson) as Record<string, unknown> }));
}

describe('MFA freshness before sensitive desk steps (ASVS5 6.8.4)', () => {
  it('ASVS5 6.8.4: a TAP and an unlock need the agent’s MFA sign-in from the last 15 minutes; the freshness is audited', async () => {
    const stale = signedIn(lynneAgent, 16);
    const caseId = await verifiedCaseOn('u-pradeep', stale);
    for (const action of ['issueTemporaryAccessPass', 'unlock'] as const)
      expect(await reasonOf(performDeskAction(kit.deps, stale, { caseId, action }))).toBe('mfaStepUpRequired');
    const withoutMfa = signedIn(lynneAgent, 1, ['pwd']);
    expect(await reasonOf(performDeskAction(kit.deps, withoutMfa, { caseId, action: 'unlock' }))).toBe(
      'mfaStepUpRequired',
    );
    expect(kit.directory.users.find((u) => u.id === 'u-pradeep')?.isLocked).toBe(true);
    expect(await auditOf('desk.action.issueTemporaryAccessPass')).toEqual([
      {
        outcome: 'denied',
        details: expect.objectContaining({ refusal: 'mfaStepUpRequired', mfaAgeSeconds: 960, mfaFresh: false }),
      },
    ]);

    const fresh = signedIn(lynneAgent, 14);
    expect(await performDeskAction(kit.deps, fresh, { caseId, action: 'unlock' })).toMatchObject({ action: 'unlock' });
    expect((await auditOf('desk.action.unlock')).at(-1)).toEqual({
      outcome: 'success',
      details: expect.objectContaining({ mfaFresh: true, mfaAgeSeconds: 840, mfaMaxAgeSeconds: 900 }),
    });
  });

  it('sending a reset link keeps working on an older session (the user still verifies in the portal)', async () => {
    const stale = signedIn(lynneAgent, 60);
    const caseId = await verifiedCaseOn('u-pradeep', stale);
    expect(await performDeskAction(kit.deps, stale, { caseId, action: 'sendResetLink' })).toMatchObject({
      action: 'sendResetLink',
    });
  });

  it('ASVS5 6.8.4: approving a privileged case needs the supervisor’s fresh MFA sign-in', async () => {
    const caseId = await verifiedCaseOn('u-isaiah', lynneAgent);
    const { verificationId } = await sendVerificationCode(kit.deps, lynneAgent, { caseId, method: 'emailCode' });
    const code = /code is (\d{6})/.exec(kit.mail.emails.at(-1)?.text ?? '')?.[1] ?? '';
    await checkVerificationCode(kit.deps, lynneAgent, { caseId, verificationId, code });
    await requestSupervisorApproval(kit.deps, lynneAgent, { caseId });
    expect(await reasonOf(approveDeskCase(kit.deps, signedIn(gradySupervisor, 30), { caseId }))).toBe(
      'mfaStepUpRequired',
    );
    expect((await testDb.db.deskCase.findUniqueOrThrow({ where: { id: caseId } })).approvedBy).toBeNull();
    await approveDeskCase(kit.deps, signedIn(gradySupervisor, 2), { caseId });
    expect((await auditOf('desk.approval.granted')).map((entry) => entry.outcome)).toEqual(['denied', 'success']);
  });
});
