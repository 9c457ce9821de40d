// Issue 5's refusals, each a test, through the desk's server functions on a real database (SQLite, or
// PostgreSQL with TEST_DATABASE_URL), with in-memory directory, push channel and mail.
import { beforeEach, describe, expect, it } from 'vitest';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { checkVerificationCode, sendVerificationCode } from './code-verification';
import { deskCaseView } from './desk-case-view';
import {
  createDeskTestKit,
  gradySupervisor,
  lynneAgent,
  nobody,
  otherAgent,
  pattiAuditor,
  freshDeskTestKit,
} from './desk-test-support';
import { loadUserCard } from './load-user-card';
import { openDeskCase } from './open-desk-case';
import { performDeskAction } from './perform-desk-action';
import { auditChainStatus, exportDeskAuditCsv, queryDeskAudit } from './query-desk-audit';
import { searchDeskUsers } from './search-desk-users';
import { startPushVerification } from './start-push-verification';
import { approveDeskCase, listApprovalQueue, requestSupervisorApproval } from './supervisor-approval';

const testDb = setUpTestDatabase();
let kit: ReturnType<typeof createDeskTestKit>;

beforeEach(async () => {
  kit = await freshDeskTestKit(testDb.db);
});

async function verifiedCaseOn(userId: string) {
  const { caseId } = await openDeskCase(kit.deps, lynneAgent, { userId });
  await startPushVerification(kit.deps, lynneAgent, { caseId });
  kit.push.answer('approved');
  return caseId;
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error: { code?: string; reason?: string }) => error.reason ?? error.code,
  );

describe('desk happy path (issue 5 acceptance, server side)', () => {
  it('push approved → unlock, TAP shown once, change at next sign-in, reset link to the alternate email; user notified each time; all audited without secrets', async () => {
    const caseId = await verifiedCaseOn('u-pradeep');
    const view = await deskCaseView(kit.deps, lynneAgent, caseId);
    expect(view.verifications[0]).toMatchObject({
      method: 'authenticatorPush',
      status: 'verified',
      detail: 'approved',
      number: null,
    });
    expect(view.window).toMatchObject({ state: 'open', secondsLeft: 900 });
    expect(view.actions.unlock).toEqual({ isAllowed: true, refusal: null });

    expect(await performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' })).toEqual({
      action: 'unlock',
      wasLocked: true,
    });
    const tap = await performDeskAction(kit.deps, lynneAgent, { caseId, action: 'issueTemporaryAccessPass' });
    expect(tap).toMatchObject({
      action: 'issueTemporaryAccessPass',
      temporaryAccessPass: 'TAP-1-secret',
      lifetimeInMinutes: 60,
      isUsableOnce: true,
    });
    await performDeskAction(kit.deps, lynneAgent, { caseId, action: 'requirePasswordChange' });
    expect(kit.directory.users.find((u) => u.id === 'u-pradeep')?.mustChangePassword).toBe(true);
    expect(await performDeskAction(kit.deps, lynneAgent, { caseId, action: 'sendResetLink' })).toEqual({
      action: 'sendResetLink',
      sentTo: 'alternateEmail',
    });
    const link = kit.mail.emails.find((m) => m.subject === 'Set a new password');
    expect(link?.to).toBe('pradeep.gupta@personal.test');
    expect(link?.text).toContain('https://portal.contoso.test/reset\n');

    const notices = kit.mail.emails.filter((m) => m.subject.startsWith('A service desk agent'));
    expect(notices).toHaveLength(8); // 4 actions x (work mailbox + alternate email)
    const { rows } = await queryDeskAudit(kit.deps, pattiAuditor, {});
    const actions = rows.map((r) => r.action);
    for (const a of [
      'desk.case.opened',
      'desk.verification.pushSent',
      'desk.verification.result',
      'desk.action.unlock',
      'desk.action.issueTemporaryAccessPass',
      'desk.user.notified',
    ])
      expect(actions).toContain(a);
    expect(JSON.stringify(rows)).not.toContain('TAP-1-secret');
    expect(await auditChainStatus(kit.deps, pattiAuditor)).toMatchObject({ intact: true });
  });
});

describe('refusals (each a test)', () => {
  it('refuses an action before verification (ASVS5 6.4.4)', async () => {
    const { caseId } = await openDeskCase(kit.deps, lynneAgent, { userId: 'u-pradeep' });
    expect(await refusalOf(performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' }))).toBe('notVerified');
    await startPushVerification(kit.deps, lynneAgent, { caseId });
    expect(
      await refusalOf(performDeskAction(kit.deps, lynneAgent, { caseId, action: 'issueTemporaryAccessPass' })),
    ).toBe('notVerified');
    expect(kit.directory.issued).toHaveLength(0);
    const denied = await queryDeskAudit(kit.deps, pattiAuditor, { action: 'desk.action' });
    expect(denied.rows.every((r) => r.outcome === 'denied')).toBe(true);
  });

  it('refuses an action after the 15-minute window', async () => {
    const caseId = await verifiedCaseOn('u-pradeep');
    await deskCaseView(kit.deps, lynneAgent, caseId);
    kit.advance(15);
    expect(await refusalOf(performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' }))).toBe(
      'windowExpired',
    );
    expect(kit.directory.users.find((u) => u.id === 'u-pradeep')?.isLocked).toBe(true);
  });

  it('treats a wrong number as a failed verification', async () => {
    const { caseId } = await openDeskCase(kit.deps, lynneAgent, { userId: 'u-pradeep' });
    await startPushVerification(kit.deps, lynneAgent, { caseId });
    kit.push.answer('numberMismatch');
    const view = await deskCaseView(kit.deps, lynneAgent, caseId);
    expect(view.verifications[0]).toMatchObject({ status: 'failed', detail: 'numberMismatch' });
    expect(view.endedAt).toBeNull();
    expect(await refusalOf(performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' }))).toBe('notVerified');
  });

  it('a denied push ends the case, blocks the user, alerts supervisors', async () => {
    const { caseId } = await openDeskCase(kit.deps, lynneAgent, { userId: 'u-pradeep' });
    await startPushVerification(kit.deps, lynneAgent, { caseId });
    kit.push.answer('denied');
    const view = await deskCaseView(kit.deps, lynneAgent, caseId);
    expect(view).toMatchObject({ endedReason: 'pushDenied', blockedUntil: '2026-11-26T10:00:00.000Z' });
    expect(kit.mail.emails.some((m) => m.to === 'desk-supervisors@contoso.test' && m.subject.includes('denied'))).toBe(
      true,
    );
    expect(await refusalOf(performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' }))).toBe(
      'targetBlocked',
    );
    expect(await refusalOf(openDeskCase(kit.deps, otherAgent, { userId: 'u-pradeep' }))).toBe('targetBlocked');
    expect(await refusalOf(startPushVerification(kit.deps, lynneAgent, { caseId }))).toBe('targetBlocked');
    kit.advance(61);
    expect(await refusalOf(openDeskCase(kit.deps, otherAgent, { userId: 'u-pradeep' }))).toBe('allowed');
    expect((await listApprovalQueue(kit.deps, gradySupervisor)).alerts).toMatchObject([
      { caseId, reason: 'pushDenied' },
    ]);
  });

  it("a reported push also ends the case and appears in the supervisors' alerts", async () => {
    const { caseId } = await openDeskCase(kit.deps, lynneAgent, { userId: 'u-pradeep' });
    await startPushVerification(kit.deps, lynneAgent, { caseId });
    kit.push.answer('reported');
    await deskCaseView(kit.deps, lynneAgent, caseId);
    expect((await listApprovalQueue(kit.deps, gradySupervisor)).alerts).toMatchObject([
      { caseId, reason: 'pushReported' },
    ]);
  });

  it('refuses a caller without a desk role, for every server function (direct calls, as a forged POST would)', async () => {
    const caseId = await verifiedCaseOn('u-pradeep');
    const calls: Promise<unknown>[] = [
      searchDeskUsers(kit.deps, nobody, { query: 'pradeep' }),
      loadUserCard(kit.deps, nobody, 'u-pradeep'),
      openDeskCase(kit.deps, nobody, { userId: 'u-pradeep' }),
      startPushVerification(kit.deps, nobody, { caseId }),
      sendVerificationCode(kit.deps, nobody, { caseId, method: 'smsCode' }),
      performDeskAction(kit.deps, nobody, { caseId, action: 'unlock' }),
      performDeskAction(kit.deps, pattiAuditor, { caseId, action: 'unlock' }),
      requestSupervisorApproval(kit.deps, nobody, { caseId }),
      approveDeskCase(kit.deps, lynneAgent, { caseId }),
      listApprovalQueue(kit.deps, lynneAgent),
      queryDeskAudit(kit.deps, lynneAgent, {}),
      exportDeskAuditCsv(kit.deps, nobody, {}),
      deskCaseView(kit.deps, pattiAuditor, caseId),
    ];
    for (const call of calls) expect(await refusalOf(call)).toBe('FORBIDDEN');
    expect(await refusalOf(performDeskAction(kit.deps, otherAgent, { caseId, action: 'unlock' }))).toBe('notCaseAgent');
    expect(kit.directory.users.find((u) => u.id === 'u-pradeep')?.isLocked).toBe(true);
  });

  it('refuses a privileged target without supervisor approval, then allows after another person approves', async () => {
    const caseId = await verifiedCaseOn('u-isaiah');
    expect(await refusalOf(performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' }))).toBe(
      'needsSecondMethod',
    );
    expect(await refusalOf(requestSupervisorApproval(kit.deps, lynneAgent, { caseId }))).toBe('needsSecondMethod');
    const { verificationId } = await sendVerificationCode(kit.deps, lynneAgent, { caseId, method: 'emailCode' });
    const code = /code is (\d{6})/.exec(kit.mail.emails.at(-1)?.text ?? '')?.[1] ?? '';
    expect(await checkVerificationCode(kit.deps, lynneAgent, { caseId, verificationId, code })).toEqual({
      isVerified: true,
      attemptsLeft: 0,
    });
    expect(await refusalOf(performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' }))).toBe(
      'needsSupervisorApproval',
    );
    expect(await refusalOf(approveDeskCase(kit.deps, gradySupervisor, { caseId }))).toBe('approvalNotRequested');
    await requestSupervisorApproval(kit.deps, lynneAgent, { caseId });
    expect((await listApprovalQueue(kit.deps, gradySupervisor)).pending).toMatchObject([
      { caseId, methods: ['authenticatorPush', 'emailCode'] },
    ]);
    await approveDeskCase(kit.deps, gradySupervisor, { caseId });
    expect(await refusalOf(approveDeskCase(kit.deps, gradySupervisor, { caseId }))).toBe('alreadyApproved');
    expect(await performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' })).toMatchObject({
      action: 'unlock',
    });
  });

  it("refuses self-service on the agent's own account and on a supervisor's", async () => {
    expect(await refusalOf(openDeskCase(kit.deps, lynneAgent, { userId: 'u-lynne' }))).toBe('ownAccount');
    expect(await refusalOf(openDeskCase(kit.deps, lynneAgent, { userId: 'u-grady' }))).toBe('supervisorAccount');
    const { rows } = await queryDeskAudit(kit.deps, pattiAuditor, { action: 'desk.case.refused' });
    expect(rows).toHaveLength(2);
  });

  it('detects a tampered audit entry (ASVS5 16.3)', async () => {
    await verifiedCaseOn('u-pradeep');
    expect(await auditChainStatus(kit.deps, pattiAuditor)).toMatchObject({ intact: true });
    const entry = await testDb.db.auditEvent.findFirstOrThrow({ where: { action: 'desk.case.opened' } });
    await testDb.db.auditEvent.update({ where: { seq: entry.seq }, data: { actorId: 'someone-else' } });
    expect(await auditChainStatus(kit.deps, pattiAuditor)).toMatchObject({
      intact: false,
      firstBreak: { reason: 'hashMismatch' },
    });
  });
});

describe('codes and abuse resistance', () => {
  it('ASVS5 6.4.4: SMS + email codes read back never unlock or send a reset link alone; wrong codes are limited to 3', async () => {
    const { caseId } = await openDeskCase(kit.deps, lynneAgent, { userId: 'u-megan' });
    const first = await sendVerificationCode(kit.deps, lynneAgent, { caseId, method: 'smsCode' });
    expect(kit.mail.sms.at(-1)?.to).toBe('+1 555 0105');
    for (const left of [2, 1, 0])
      expect(
        await checkVerificationCode(kit.deps, lynneAgent, {
          caseId,
          verificationId: first.verificationId,
          code: '000000' === /(\d{6})/.exec(kit.mail.sms.at(-1)?.body ?? '')?.[1] ? '111111' : '000000',
        }),
      ).toEqual({ isVerified: false, attemptsLeft: left });
    const right = /(\d{6})/.exec(kit.mail.sms.at(-1)?.body ?? '')?.[1] ?? '';
    expect(
      await refusalOf(
        checkVerificationCode(kit.deps, lynneAgent, { caseId, verificationId: first.verificationId, code: right }),
      ),
    ).toBe('CONFLICT');
    const second = await sendVerificationCode(kit.deps, lynneAgent, { caseId, method: 'smsCode' });
    const code = /(\d{6})/.exec(kit.mail.sms.at(-1)?.body ?? '')?.[1] ?? '';
    expect(
      (await checkVerificationCode(kit.deps, lynneAgent, { caseId, verificationId: second.verificationId, code }))
        .isVerified,
    ).toBe(true);
    expect(
      await refusalOf(
        checkVerificationCode(kit.deps, lynneAgent, { caseId, verificationId: second.verificationId, code }),
      ),
    ).toBe('CONFLICT');
    expect(await refusalOf(performDeskAction(kit.deps, lynneAgent, { caseId, action: 'unlock' }))).toBe(
      'needsStrongMethod',
    );
    const email = await sendVerificationCode(kit.deps, lynneAgent, { caseId, method: 'emailCode' });
    const emailCode = /code is (\d{6})/.exec(kit.mail.emails.at(-1)?.text ?? '')?.[1] ?? '';
    await checkVerificationCode(kit.deps, lynneAgent, {
      caseId,
      verificationId: email.verificationId,
      code: emailCode,
    });
    const mailsBefore = kit.mail.emails.length;
    for (const action of ['unlock', 'sendResetLink', 'issueTemporaryAccessPass', 'requirePasswordChange'] as const)
      expect(await refusalOf(performDeskAction(kit.deps, lynneAgent, { caseId, action }))).toBe('needsStrongMethod');
    expect(kit.mail.emails).toHaveLength(mailsBefore); // no reset link went out
    expect(kit.directory.users.find((u) => u.id === 'u-megan')?.mustChangePassword).not.toBe(true);
    const audit = JSON.stringify((await queryDeskAudit(kit.deps, pattiAuditor, {})).rows);
    expect(audit).not.toContain(code);
  });

  it('rate-limits pushes per target (no push bombing through the desk) and refuses a second pending push', async () => {
    const { caseId } = await openDeskCase(kit.deps, lynneAgent, { userId: 'u-pradeep' });
    await startPushVerification(kit.deps, lynneAgent, { caseId });
    expect(await refusalOf(startPushVerification(kit.deps, lynneAgent, { caseId }))).toBe('CONFLICT');
    for (let i = 0; i < 4; i++) {
      kit.push.answer('expired');
      await deskCaseView(kit.deps, lynneAgent, caseId);
      await startPushVerification(kit.deps, lynneAgent, { caseId });
    }
    kit.push.answer('expired');
    await deskCaseView(kit.deps, lynneAgent, caseId);
    expect(await refusalOf(startPushVerification(kit.deps, lynneAgent, { caseId }))).toBe('RATE_LIMITED');
  });

  it('flags repeated requests about the same user on the card, and shows privilege and lockout', async () => {
    await openDeskCase(kit.deps, otherAgent, { userId: 'u-pradeep' });
    const card = await loadUserCard(kit.deps, lynneAgent, 'u-pradeep');
    expect(card.repeatedRequests).toMatchObject({ isRepeated: true, priorCases: 1, byOtherAgents: 1 });
    expect(card.lockout.isLockedOut).toBe(true);
    expect(card.availableMethods.filter((m) => m.isAvailable).map((m) => m.method)).toEqual([
      'authenticatorPush',
      'smsCode',
      'emailCode',
    ]);
    expect((await loadUserCard(kit.deps, lynneAgent, 'u-isaiah')).privilege).toMatchObject({
      isPrivileged: true,
      directoryRoles: ['Global Administrator'],
    });
    expect((await loadUserCard(kit.deps, lynneAgent, 'u-lynne')).isOwnAccount).toBe(true);
  });

  it('exports CSV for auditors and audits the export', async () => {
    await verifiedCaseOn('u-pradeep');
    const csv = await exportDeskAuditCsv(kit.deps, pattiAuditor, { user: 'u-pradeep' });
    expect(csv.split('\r\n')[0]).toBe(
      'seq,occurredAt,actorType,actorId,subjectId,action,outcome,ip,details,hash,previousHash',
    );
    expect(csv).toContain('desk.case.opened');
    expect((await queryDeskAudit(kit.deps, pattiAuditor, { action: 'desk.audit.exported' })).rows).toHaveLength(1);
    await expect(queryDeskAudit(kit.deps, pattiAuditor, { from: 'yesterday' })).rejects.toMatchObject({
      name: 'ZodError',
    });
  });
});
