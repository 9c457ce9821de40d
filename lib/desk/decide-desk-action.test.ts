import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DeskCaseFacts, DeskVerificationFact } from './desk-case';
import { decideApproval, decideApprovalRequest } from './decide-approval';
import { decideCaseStart } from './decide-case-start';
import { decideDeskAction } from './decide-desk-action';
import { defaultDeskPolicy as policy, deskActions, type DeskVerificationMethod } from './desk-policy';
import { verificationWindow } from './verification-window';

const t0 = new Date('2026-11-26T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const verified = (method: DeskVerificationMethod, minute = 1): DeskVerificationFact => ({
  method,
  status: 'verified',
  completedAt: at(minute),
});

function deskCase(overrides: Partial<DeskCaseFacts> = {}): DeskCaseFacts {
  return {
    agentId: 'agent-1',
    targetId: 'user-1',
    isTargetPrivileged: false,
    isTargetSupervisor: false,
    createdAt: t0,
    endedAt: null,
    endedReason: null,
    verifications: [],
    approvalRequestedAt: null,
    approval: null,
    targetBlockedUntil: null,
    ...overrides,
  };
}

describe('desk action gate (issue 5 refusals; ASVS5 6.4.4, 6.4.6)', () => {
  it('refuses every action before verification', () => {
    for (const action of deskActions)
      expect(decideDeskAction(deskCase(), action, policy, at(2))).toEqual({ isAllowed: false, refusal: 'notVerified' });
  });

  it('refuses a pending or failed push as verification (wrong number, denied, expired are not proof)', () => {
    const facts = deskCase({
      verifications: [
        { method: 'authenticatorPush', status: 'failed', completedAt: at(1) },
        { method: 'authenticatorPush', status: 'pending', completedAt: null },
      ],
    });
    expect(decideDeskAction(facts, 'unlock', policy, at(2))).toMatchObject({
      isAllowed: false,
      refusal: 'notVerified',
    });
  });

  it('allows every action after an approved push, within the window', () => {
    const facts = deskCase({ verifications: [verified('authenticatorPush')] });
    for (const action of deskActions)
      expect(decideDeskAction(facts, action, policy, at(5))).toEqual({
        isAllowed: true,
        countedMethods: ['authenticatorPush'],
      });
  });

  it('refuses actions once the 15-minute window has closed', () => {
    const facts = deskCase({ verifications: [verified('authenticatorPush', 1)] });
    expect(decideDeskAction(facts, 'unlock', policy, at(15.99)).isAllowed).toBe(true);
    expect(decideDeskAction(facts, 'unlock', policy, at(16))).toEqual({ isAllowed: false, refusal: 'windowExpired' });
  });

  it('a later verification does not extend the window', () => {
    const facts = deskCase({ verifications: [verified('smsCode', 1), verified('authenticatorPush', 14)] });
    expect(decideDeskAction(facts, 'unlock', policy, at(17))).toEqual({ isAllowed: false, refusal: 'windowExpired' });
  });

  it('ASVS5 6.4.4: read-back codes are not proof: SMS + email codes never suffice alone for any action', () => {
    const codesOnly = [
      [verified('smsCode')],
      [verified('smsCode'), verified('smsCode', 2)],
      [verified('smsCode'), verified('emailCode', 2)],
    ];
    for (const verifications of codesOnly)
      for (const action of deskActions)
        expect(decideDeskAction(deskCase({ verifications }), action, policy, at(3))).toEqual({
          isAllowed: false,
          refusal: 'needsStrongMethod',
        });
  });

  it('ASVS5 6.4.4: a code adds to a strong method (push or Entra sign-in link) but does not replace it', () => {
    for (const strong of ['authenticatorPush', 'entraSignInLink'] as const)
      expect(
        decideDeskAction(
          deskCase({ verifications: [verified(strong), verified('emailCode', 2)] }),
          'unlock',
          policy,
          at(3),
        ),
      ).toEqual({ isAllowed: true, countedMethods: [strong, 'emailCode'] });
  });

  it('never lets codes alone issue a Temporary Access Pass (an MFA change)', () => {
    const facts = deskCase({ verifications: [verified('smsCode'), verified('emailCode', 2)] });
    expect(decideDeskAction(facts, 'issueTemporaryAccessPass', policy, at(3))).toEqual({
      isAllowed: false,
      refusal: 'needsStrongMethod',
    });
  });

  it('never lets codes alone verify a privileged user', () => {
    const facts = deskCase({
      isTargetPrivileged: true,
      verifications: [verified('smsCode'), verified('emailCode', 2)],
      approval: { supervisorId: 's', approvedAt: at(3) },
    });
    expect(decideDeskAction(facts, 'unlock', policy, at(4))).toEqual({
      isAllowed: false,
      refusal: 'needsStrongMethod',
    });
  });

  it('needs two distinct methods and a supervisor approval for a privileged user', () => {
    const one = deskCase({ isTargetPrivileged: true, verifications: [verified('authenticatorPush')] });
    expect(decideDeskAction(one, 'unlock', policy, at(2))).toEqual({ isAllowed: false, refusal: 'needsSecondMethod' });
    const two = deskCase({
      isTargetPrivileged: true,
      verifications: [verified('authenticatorPush'), verified('smsCode', 2)],
    });
    expect(decideDeskAction(two, 'unlock', policy, at(3))).toEqual({
      isAllowed: false,
      refusal: 'needsSupervisorApproval',
    });
    const approved = { ...two, approval: { supervisorId: 'sup-1', approvedAt: at(3) } };
    expect(decideDeskAction(approved, 'unlock', policy, at(4)).isAllowed).toBe(true);
    // For a TAP the SMS code does not count, so push + SMS is still only one method for that action.
    expect(decideDeskAction(approved, 'issueTemporaryAccessPass', policy, at(4))).toEqual({
      isAllowed: false,
      refusal: 'needsSecondMethod',
    });
  });

  it('refuses an agent acting on their own account or a supervisor, and a blocked target', () => {
    const verifiedCase = { verifications: [verified('authenticatorPush')] };
    expect(decideDeskAction(deskCase({ ...verifiedCase, targetId: 'AGENT-1' }), 'unlock', policy, at(2))).toEqual({
      isAllowed: false,
      refusal: 'ownAccount',
    });
    expect(decideDeskAction(deskCase({ ...verifiedCase, isTargetSupervisor: true }), 'unlock', policy, at(2))).toEqual({
      isAllowed: false,
      refusal: 'supervisorAccount',
    });
    expect(
      decideDeskAction(deskCase({ ...verifiedCase, targetBlockedUntil: at(60) }), 'unlock', policy, at(2)),
    ).toEqual({ isAllowed: false, refusal: 'targetBlocked' });
    expect(
      decideDeskAction(deskCase({ ...verifiedCase, targetBlockedUntil: at(1) }), 'unlock', policy, at(2)).isAllowed,
    ).toBe(true);
  });

  it('refuses actions in an ended case (denied or reported push)', () => {
    const facts = deskCase({
      verifications: [verified('smsCode'), verified('emailCode')],
      endedAt: at(2),
      endedReason: 'pushDenied',
    });
    expect(decideDeskAction(facts, 'unlock', policy, at(3))).toEqual({ isAllowed: false, refusal: 'caseEnded' });
  });

  it('property: no action is ever allowed without a verified strong method within the window (ASVS5 6.4.4)', () => {
    const methods = ['authenticatorPush', 'entraSignInLink', 'smsCode', 'emailCode'] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            method: fc.constantFrom(...methods),
            status: fc.constantFrom('pending', 'verified', 'failed'),
            minute: fc.integer({ min: 0, max: 40 }),
          }),
          { maxLength: 6 },
        ),
        fc.constantFrom(...deskActions),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 0, max: 60 }),
        (raw, action, isTargetPrivileged, hasApproval, nowMinute) => {
          const verifications = raw.map((v) => ({
            method: v.method,
            status: v.status,
            completedAt: v.status === 'pending' ? null : at(v.minute),
          }));
          const facts = deskCase({
            verifications,
            isTargetPrivileged,
            approval: hasApproval ? { supervisorId: 's', approvedAt: at(0) } : null,
          });
          const decision = decideDeskAction(facts, action, policy, at(nowMinute));
          if (!decision.isAllowed) return;
          const valid = verifications.filter((v) => v.status === 'verified' && v.completedAt);
          const first = Math.min(...valid.map((v) => v.completedAt!.getTime()));
          expect(at(nowMinute).getTime()).toBeLessThan(first + 15 * 60_000);
          const distinct = new Set(valid.map((v) => v.method));
          // ASVS5 6.4.4: a strong method, always; codes only ever add to it.
          expect(distinct.has('authenticatorPush') || distinct.has('entraSignInLink')).toBe(true);
          if (isTargetPrivileged) {
            expect(hasApproval).toBe(true);
            expect(distinct.size).toBeGreaterThanOrEqual(2);
          }
        },
      ),
    );
  });
});

describe('case start', () => {
  it('refuses own account, a supervisor and a blocked target; allows others', () => {
    const base = { agentId: 'a', targetId: 'u', isTargetSupervisor: false, targetBlockedUntil: null, now: t0 };
    expect(decideCaseStart({ ...base, targetId: 'a' })).toEqual({ isAllowed: false, refusal: 'ownAccount' });
    expect(decideCaseStart({ ...base, isTargetSupervisor: true })).toEqual({
      isAllowed: false,
      refusal: 'supervisorAccount',
    });
    expect(decideCaseStart({ ...base, targetBlockedUntil: at(5) })).toMatchObject({
      isAllowed: false,
      refusal: 'targetBlocked',
    });
    expect(decideCaseStart(base)).toEqual({ isAllowed: true });
  });
});

describe('supervisor approval (two-gate rule for privileged targets)', () => {
  const ready = deskCase({
    isTargetPrivileged: true,
    verifications: [verified('authenticatorPush'), verified('emailCode', 2)],
    approvalRequestedAt: at(3),
  });

  it('lets an agent ask only once the caller passed two methods', () => {
    expect(
      decideApprovalRequest(
        deskCase({ isTargetPrivileged: true, verifications: [verified('authenticatorPush')] }),
        policy,
        at(2),
      ),
    ).toEqual({ isAllowed: false, refusal: 'needsSecondMethod' });
    expect(decideApprovalRequest(ready, policy, at(3))).toEqual({ isAllowed: true });
    expect(decideApprovalRequest(deskCase({ verifications: [verified('authenticatorPush')] }), policy, at(3))).toEqual({
      isAllowed: false,
      refusal: 'approvalNotNeeded',
    });
  });

  it('refuses the agent approving their own case, the target approving, and approval without a request or after the window', () => {
    expect(decideApproval(ready, 'agent-1', policy, at(4))).toEqual({ isAllowed: false, refusal: 'approverIsAgent' });
    expect(decideApproval(ready, 'user-1', policy, at(4))).toEqual({ isAllowed: false, refusal: 'approverIsTarget' });
    expect(decideApproval({ ...ready, approvalRequestedAt: null }, 'sup-1', policy, at(4))).toEqual({
      isAllowed: false,
      refusal: 'approvalNotRequested',
    });
    expect(decideApproval(ready, 'sup-1', policy, at(30))).toEqual({ isAllowed: false, refusal: 'windowExpired' });
    expect(decideApproval(ready, 'sup-1', policy, at(4))).toEqual({ isAllowed: true });
    expect(
      decideApproval({ ...ready, approval: { supervisorId: 'sup-1', approvedAt: at(4) } }, 'sup-2', policy, at(5)),
    ).toEqual({ isAllowed: false, refusal: 'alreadyApproved' });
  });
});

describe('verification window countdown', () => {
  it('reports not started, open with seconds left, then closed', () => {
    expect(verificationWindow({ verifications: [] }, policy, t0)).toEqual({ state: 'notStarted' });
    expect(verificationWindow({ verifications: [verified('authenticatorPush', 0)] }, policy, at(14.5))).toMatchObject({
      state: 'open',
      secondsLeft: 30,
      closesAt: at(15),
    });
    expect(verificationWindow({ verifications: [verified('authenticatorPush', 0)] }, policy, at(15))).toMatchObject({
      state: 'closed',
    });
  });
});
