// The mock's pass-through authentication against a real DC (Samba AD DC of the AD suite): a synced user's
// password is what AD says it is, AD's own lockout applies (not Entra's smart lockout), and a DC that
// cannot be reached refuses the sign-in instead of falling back to a stored password.
import fs from 'node:fs';
import { Attribute, Change, Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { adminClient, domainControllerAt } from '../../scripts/ad/demo-domain';
import { signInWithPassword, portalGraph, startHybridMockIdp } from '../hybrid-test-support';
import type { RunningMockIdp } from '../start-mock-idp';
import { demoPassword } from '../test-support';

const dc = domainControllerAt(inject('adDirectory'));

/** A plain user bind, as Windows logon would do: true when AD accepts the password. */
async function canBind(upn: string, password: string): Promise<boolean> {
  const client = new Client({ url: dc.url, tlsOptions: { ca: [fs.readFileSync(dc.caFile, 'utf8')] } });
  try {
    await client.bind(upn, password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
const userDn = (name: string) => `CN=${name},${dc.domain.userOu},${dc.baseDn}`;

async function adminModify(dn: string, type: string, value: string | Buffer) {
  const client = await adminClient(dc);
  try {
    await client.modify(dn, [
      // ldapts takes all strings or all buffers: narrowed per branch.
      new Change({
        operation: 'replace',
        modification: new Attribute({ type, values: typeof value === 'string' ? [value] : [value] }),
      }),
    ]);
  } finally {
    await client.unbind();
  }
}
const adminSetPassword = (dn: string, password: string) =>
  adminModify(dn, 'unicodePwd', Buffer.from(`"${password}"`, 'utf16le'));

let mock: RunningMockIdp;
beforeAll(async () => {
  mock = await startHybridMockIdp({ AD_URL: dc.url, AD_CA_FILE: dc.caFile });
  await adminModify(userDn('Miriam Graham'), 'lockoutTime', '0');
  // Other files bind to the disabled account with wrong passwords; AD locks disabled accounts too.
  await adminModify(userDn('Joni Sherman'), 'lockoutTime', '0');
});
afterAll(async () => {
  await mock?.stop();
  await adminModify(userDn('Miriam Graham'), 'lockoutTime', '0');
  await adminSetPassword(userDn('Henrietta Mueller'), demoPassword);
});

const signInsSchema = z.array(
  z.looseObject({ userPrincipalName: z.string(), status: z.looseObject({ errorCode: z.number() }) }),
);

async function lastSignInError(upn: string): Promise<number | undefined> {
  const graph = await portalGraph(mock);
  const { json } = await graph(`auditLogs/signIns?$top=50`);
  const entries = signInsSchema.parse(json.value).filter((entry) => entry.userPrincipalName === upn);
  return entries[0]?.status.errorCode;
}

describe('pass-through authentication', () => {
  it('a synced user signs in with the password AD holds; after a reset in AD the new one works at once and the old one not', async () => {
    const upn = 'henrietta.mueller@contoso.test';
    expect((await signInWithPassword(mock, upn, demoPassword)).outcome).toBe('granted');
    await adminSetPassword(userDn('Henrietta Mueller'), 'Harbour-Light-2026!');
    expect((await signInWithPassword(mock, upn, 'Harbour-Light-2026!')).outcome).toBe('granted');
    expect((await signInWithPassword(mock, upn, demoPassword)).outcome).toBe('failed');
  });

  it('wrong passwords count in AD: the fifth locks the account there (lockoutThreshold 5) and the right password is refused as locked', async () => {
    const upn = 'miriam.graham@contoso.test';
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect((await signInWithPassword(mock, upn, `Wrong-Pass-${attempt}!`, { passwordOnly: true })).message).toContain(
        'incorrect',
      );
    const locked = await signInWithPassword(mock, upn, demoPassword, { passwordOnly: true });
    expect(locked.outcome).toBe('failed');
    expect(locked, JSON.stringify(locked)).toMatchObject({ message: expect.stringContaining('locked') });
    expect(await lastSignInError(upn)).toBe(50053);
    expect(await canBind(upn, demoPassword)).toBe(false);
    // AD's unlock is what lets the user in again (the mock keeps no lockout of its own for synced users).
    await adminModify(userDn('Miriam Graham'), 'lockoutTime', '0');
    expect((await signInWithPassword(mock, upn, demoPassword)).outcome).toBe('granted');
  });

  it('a disabled AD account is refused (50057) even with the right password', async () => {
    const upn = 'joni.sherman@contoso.test';
    expect((await signInWithPassword(mock, upn, demoPassword)).outcome).toBe('failed');
    expect(await lastSignInError(upn)).toBe(50057);
  });

  it('a DC that cannot be reached refuses the sign-in (80001), never accepts a stored password', async () => {
    const down = await startHybridMockIdp({ AD_URL: 'ldaps://127.0.0.1:1', AD_CA_FILE: dc.caFile });
    try {
      const result = await signInWithPassword(down, 'henrietta.mueller@contoso.test', demoPassword, {
        passwordOnly: true,
      });
      expect(result.outcome).toBe('failed');
      expect(result.message).toMatch(/directory can.t be reached/);
    } finally {
      await down.stop();
    }
  });
});
