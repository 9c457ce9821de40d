import { describe, expect, it } from 'vitest';
import { fileTimeToDate, intervalToMinutes } from './ad-time';
import { adRefusalRule, checkableAdRules, meetsAdComplexity } from './ad-password-rules';
import { lockoutStateOf, selfServiceRefusals, type AdAccount } from './ad-account-state';
import type { AdPasswordPolicy } from './ad-password-policy';
import { isSecurityIdentifier, securityIdentifierBytes, securityIdentifierString } from './security-identifier';

const domainSid = 'S-1-5-21-1004336348-1177238915-682003330';

describe('security identifiers', () => {
  it('round-trips a domain user SID through AD’s binary layout', () => {
    const sid = `${domainSid}-1104`;
    const bytes = securityIdentifierBytes(sid);
    expect(Buffer.from(bytes).toString('hex')).toBe('010500000000000515000000dcf4dc3b833d2b46828ba62850040000');
    expect(securityIdentifierString(bytes)).toBe(sid);
  });

  it.each(['S-1-5-21-1)(objectClass=*', '*', 'S-1', 'S-1-5-99999999999'])('refuses %j', (value) => {
    expect(isSecurityIdentifier(value) && securityIdentifierBytes(value).length > 0).toBe(false);
  });
});

describe('AD time encodings', () => {
  it('reads FILETIME instants and treats 0 and never as null', () => {
    expect(fileTimeToDate('133485408000000000')?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(fileTimeToDate('0')).toBeNull();
    expect(fileTimeToDate('9223372036854775807')).toBeNull();
  });

  it('reads negative intervals as minutes, "forever" as null', () => {
    expect(intervalToMinutes('-18000000000')).toBe(30);
    expect(intervalToMinutes('-9223372036854775808')).toBeNull();
  });
});

const policy: AdPasswordPolicy = {
  source: 'domain',
  name: 'corp.contoso.test',
  minLength: 8,
  requiresComplexity: true,
  historyLength: 5,
  minAgeDays: 0,
  lockoutThreshold: 5,
  lockoutDurationMinutes: 30,
};
const names = { samAccountName: 'alan.steiner', displayName: 'Alan Steiner' };

describe('AD password rules', () => {
  it('complexity: three of five categories, no account name, no display-name token', () => {
    expect(meetsAdComplexity('Harbour-Lights-9', names)).toBe(true);
    expect(meetsAdComplexity('harbourlights9', names)).toBe(false);
    expect(meetsAdComplexity('Steiner-2024!', names)).toBe(false);
    expect(meetsAdComplexity('xALAN.STEINER1!', names)).toBe(false);
  });

  it('lists only the rules the policy has', () => {
    expect(checkableAdRules({ ...policy, minLength: 0, requiresComplexity: false }, 'x', names)).toEqual([]);
    expect(checkableAdRules(policy, 'Short-1', names)).toEqual([
      { id: 'adMinLength', passed: false },
      { id: 'adComplexity', passed: true },
    ]);
  });

  it('names the rule from Samba’s message, or from the checkable rules on Windows, else history', () => {
    expect(
      adRefusalRule(
        '0000052D: Constraint violation - check_password_restrictions: the password is too short',
        policy,
        'x',
        names,
      ),
    ).toBe('adMinLength');
    expect(
      adRefusalRule(
        '0000052D: Constraint violation - the password does not meet the complexity criteria!',
        policy,
        'x',
        names,
      ),
    ).toBe('adComplexity');
    expect(
      adRefusalRule('0000052D: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM)', policy, 'short', names),
    ).toBe('adMinLength');
    expect(
      adRefusalRule(
        '0000052D: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM)',
        policy,
        'Harbour-Lights-9',
        names,
      ),
    ).toBe('adHistory');
    expect(adRefusalRule('0000052D: SvcErr', { ...policy, minAgeDays: 1 }, 'Harbour-Lights-9', names)).toBe(
      'adMinimumAge',
    );
  });
});

const account: AdAccount = {
  distinguishedName: 'CN=Alan Steiner,OU=Synced Users,DC=corp,DC=contoso,DC=test',
  securityIdentifier: `${domainSid}-1104`,
  samAccountName: 'alan.steiner',
  userPrincipalName: 'alan.steiner@contoso.test',
  displayName: 'Alan Steiner',
  userAccountControl: 512,
  expiresAt: null,
  lockedSince: null,
  badPasswordCount: 0,
  passwordLastSet: null,
  hasAdminCount: false,
  groupSecurityIdentifiers: [`${domainSid}-513`],
  resultantPasswordSettings: null,
};
const now = new Date('2026-12-02T12:00:00Z');
const options = { protectedGroups: ['DOMAIN-512', 'S-1-5-32-544'], domainSid, now };

describe('accounts that must not reset themselves', () => {
  it('refuses disabled, expired and protected accounts, in that order', () => {
    expect(selfServiceRefusals(account, options)).toEqual([]);
    expect(selfServiceRefusals({ ...account, userAccountControl: 514 }, options)).toEqual(['disabled']);
    expect(selfServiceRefusals({ ...account, expiresAt: new Date('2026-01-01') }, options)).toEqual(['expired']);
    expect(selfServiceRefusals({ ...account, expiresAt: new Date('2027-01-01') }, options)).toEqual([]);
    expect(selfServiceRefusals({ ...account, hasAdminCount: true }, options)).toEqual(['protected']);
    expect(selfServiceRefusals({ ...account, groupSecurityIdentifiers: [`${domainSid}-512`] }, options)).toEqual([
      'protected',
    ]);
    expect(selfServiceRefusals({ ...account, groupSecurityIdentifiers: ['S-1-5-32-544'] }, options)).toEqual([
      'protected',
    ]);
    expect(selfServiceRefusals({ ...account, securityIdentifier: `${domainSid}-500` }, options)).toEqual(['protected']);
  });
});

describe('lockout state', () => {
  it('is locked within the lockout duration, and until an admin unlocks when it is forever', () => {
    const since = new Date('2026-12-02T11:45:00Z');
    expect(lockoutStateOf({ lockedSince: since, badPasswordCount: 5 }, 30, now)).toEqual({
      isLocked: true,
      lockedSince: since,
      badPasswordCount: 5,
      lockoutDurationMinutes: 30,
      unlocksAt: new Date('2026-12-02T12:15:00Z'),
    });
    expect(lockoutStateOf({ lockedSince: since, badPasswordCount: 5 }, 10, now).isLocked).toBe(false);
    expect(lockoutStateOf({ lockedSince: since, badPasswordCount: 5 }, null, now).isLocked).toBe(true);
    expect(lockoutStateOf({ lockedSince: null, badPasswordCount: 2 }, 30, now).isLocked).toBe(false);
  });
});
