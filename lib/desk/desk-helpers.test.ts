import { describe, expect, it } from 'vitest';
import { auditCsv, csvCell } from './audit-csv';
import { availableDeskMethods, hasStrongDeskMethod } from './available-desk-methods';
import { defaultDeskPolicy, deskVerificationMethods } from './desk-policy';
import { pushOutcome } from './push-outcome';
import { repeatedRequestWarning } from './repeated-request-warning';
import { targetPrivilege } from './target-privilege';

const now = new Date('2026-11-26T09:00:00Z');

describe('push outcome', () => {
  it('ends the case, blocks the target and alerts supervisors on a denied or reported push', () => {
    expect(pushOutcome('denied', defaultDeskPolicy, now)).toEqual({
      kind: 'rejectedByUser',
      endReason: 'pushDenied',
      blockedUntil: new Date('2026-11-26T10:00:00Z'),
      alertSupervisors: true,
    });
    expect(pushOutcome('reported', { blockMinutesAfterRejectedPush: 5 }, now)).toMatchObject({
      endReason: 'pushReported',
      blockedUntil: new Date('2026-11-26T09:05:00Z'),
    });
  });
  it('treats a wrong number and an expired push as a failed attempt, never as approval', () => {
    expect(pushOutcome('numberMismatch', defaultDeskPolicy, now)).toEqual({ kind: 'failed' });
    expect(pushOutcome('expired', defaultDeskPolicy, now)).toEqual({ kind: 'failed' });
    expect(pushOutcome('approved', defaultDeskPolicy, now)).toEqual({ kind: 'verified' });
    expect(pushOutcome('pending', defaultDeskPolicy, now)).toEqual({ kind: 'stillPending' });
  });
});

describe('available methods', () => {
  it('offers only what the account has on record; personal facts are never a method', () => {
    const methods = availableDeskMethods(
      { hasAuthenticatorApp: true, mobilePhone: null, alternateEmail: 'a@personal.test' },
      deskVerificationMethods,
    );
    expect(methods.filter((m) => m.isAvailable).map((m) => m.method)).toEqual([
      'authenticatorPush',
      'entraSignInLink',
      'emailCode',
    ]);
    expect(methods.find((m) => m.method === 'smsCode')?.reason).toBe('noMobilePhone');
    expect(methods.filter((m) => m.isStrong).map((m) => m.method)).toEqual(['authenticatorPush', 'entraSignInLink']);
    expect(deskVerificationMethods).not.toContain('dateOfBirth');
    expect(
      availableDeskMethods({ hasAuthenticatorApp: true, mobilePhone: '+1', alternateEmail: null }, [
        'authenticatorPush',
      ]).find((m) => m.method === 'smsCode')?.reason,
    ).toBe('notEnabled');
  });

  it('ASVS5 6.4.4: an account with only codes on record has no strong desk method (cannot be verified by phone)', () => {
    const codesOnly = availableDeskMethods(
      { hasAuthenticatorApp: false, mobilePhone: '+1 555 0100', alternateEmail: 'a@personal.test' },
      ['authenticatorPush', 'smsCode', 'emailCode'],
    );
    expect(codesOnly.filter((m) => m.isAvailable).map((m) => m.method)).toEqual(['smsCode', 'emailCode']);
    expect(hasStrongDeskMethod(codesOnly)).toBe(false);
    expect(
      hasStrongDeskMethod(
        availableDeskMethods(
          { hasAuthenticatorApp: true, mobilePhone: null, alternateEmail: null },
          deskVerificationMethods,
        ),
      ),
    ).toBe(true);
  });
});

describe('target privilege', () => {
  it('marks directory roles and configured groups as privileged, and supervisors by group', () => {
    const groups = { privilegedGroupIds: ['G-BREAKGLASS'], supervisorGroupIds: ['g-sup'] };
    expect(
      targetPrivilege(
        [{ '@odata.type': '#microsoft.graph.directoryRole', id: 'r', displayName: 'Global Administrator' }],
        groups,
      ),
    ).toMatchObject({ isPrivileged: true, isSupervisor: false, directoryRoles: ['Global Administrator'] });
    expect(
      targetPrivilege(
        [{ '@odata.type': '#microsoft.graph.group', id: 'g-breakglass', displayName: 'Emergency' }],
        groups,
      ),
    ).toMatchObject({ isPrivileged: true, privilegedGroups: ['Emergency'] });
    expect(targetPrivilege([{ '@odata.type': '#microsoft.graph.group', id: 'g-sup' }], groups)).toMatchObject({
      isPrivileged: false,
      isSupervisor: true,
    });
    expect(targetPrivilege([{ '@odata.type': '#microsoft.graph.group', id: 'g-sales' }], groups)).toMatchObject({
      isPrivileged: false,
      isSupervisor: false,
    });
  });
});

describe('repeated request warning', () => {
  it('flags other cases on the same user within the look-back days', () => {
    const prior = [
      { id: 'c1', agentId: 'a2', createdAt: new Date('2026-11-25T09:00:00Z'), endedReason: 'pushDenied' },
      { id: 'c0', agentId: 'a1', createdAt: new Date('2026-11-01T09:00:00Z'), endedReason: null },
      { id: 'current', agentId: 'a1', createdAt: now, endedReason: null },
    ];
    expect(
      repeatedRequestWarning(prior, { currentCaseId: 'current', agentId: 'a1', lookBackDays: 7, now }),
    ).toMatchObject({ isRepeated: true, priorCases: 1, byOtherAgents: 1, rejectedPushes: 1 });
    expect(
      repeatedRequestWarning(prior.slice(1), { currentCaseId: 'current', agentId: 'a1', lookBackDays: 7, now })
        .isRepeated,
    ).toBe(false);
  });
});

describe('audit CSV', () => {
  it('quotes per RFC 4180 and neutralises spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(null)).toBe('');
    const csv = auditCsv([
      {
        seq: 1,
        occurredAt: now,
        actorType: 'agent',
        actorId: 'a',
        subjectId: 'u',
        action: 'desk.search',
        outcome: 'info',
        ip: null,
        detailsJson: '{"q":"x"}',
        hash: 'h',
        previousHash: 'p',
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('1,2026-11-26T09:00:00.000Z,agent,a,u,desk.search,info,,"{""q"":""x""}",h,p');
  });
});
