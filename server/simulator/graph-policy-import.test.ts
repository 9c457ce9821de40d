// Graph import: every page of each collection is read, built-in strengths are left out, and a next page on
// another host is refused (the app token must never leave the configured Graph host).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isAppError } from '../../lib/app-error';
import demoExport from '../../fixtures/demo-policies-export.json';
import { z } from 'zod';

const graphRequest = vi.fn();
const storeNewSet = vi.fn();
vi.mock('../config', () => ({ getConfig: () => ({ GRAPH_BASE_URL: 'https://graph.example/v1.0' }) }));
vi.mock('../graph/graph-client', () => ({ graphRequest: (...args: unknown[]) => graphRequest(...args) }));
vi.mock('./policy-set-admin', () => ({ storeNewSet: (...args: unknown[]) => storeNewSet(...args) }));

const { importPolicySetFromGraphForAdmin } = await import('./graph-policy-import');
const [first, ...rest] = demoExport.value;
const admin = {
  actor: {
    oid: 'admin-1',
    name: 'Admin',
    email: null,
    roles: ['Portal.Admin' as const],
    authTime: Date.parse('2026-11-26T08:58:00Z') / 1000,
    amr: ['pwd', 'mfa'],
  },
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- never read: storeNewSet, the only database user, is mocked
  db: {} as never,
  clock: { now: () => new Date('2026-11-26T09:00:00Z') },
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- the one setting the MFA freshness check reads; ../config is mocked, so a full Config cannot be loaded here
  settings: { PRIVILEGED_ACTION_MFA_MAX_AGE_MINUTES: 15 } as never,
};

describe('importPolicySetFromGraphForAdmin', () => {
  beforeEach(() => {
    graphRequest.mockReset();
    storeNewSet.mockReset().mockResolvedValue({ id: 'set-1', version: 1 });
  });

  it('follows @odata.nextLink on the Graph host and stores every policy', async () => {
    graphRequest.mockImplementation(async (_method: string, path: string) => {
      if (path === '/identity/conditionalAccess/policies')
        return {
          value: [first],
          '@odata.nextLink': 'https://graph.example/v1.0/identity/conditionalAccess/policies?$skiptoken=2',
        };
      if (path === '/identity/conditionalAccess/policies?$skiptoken=2') return { value: rest };
      if (path.endsWith('/authenticationStrength/policies'))
        return {
          value: [
            { id: '00000000-0000-0000-0000-000000000002', policyType: 'builtIn', allowedCombinations: ['fido2'] },
          ],
        };
      return { value: [] };
    });
    expect(await importPolicySetFromGraphForAdmin(admin, 'Live')).toEqual({ id: 'set-1', version: 1 });
    const documents = z
      .object({ policies: z.array(z.unknown()), authenticationStrengths: z.array(z.unknown()) })
      .parse(storeNewSet.mock.calls[0]?.[4]);
    expect(documents.policies).toHaveLength(8);
    expect(documents.authenticationStrengths).toEqual([]);
  });

  it('refuses a next page on another host', async () => {
    graphRequest.mockResolvedValue({ value: [], '@odata.nextLink': 'https://attacker.example/steal' });
    const error = await importPolicySetFromGraphForAdmin(admin, 'Live').catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe('UPSTREAM_ERROR');
    expect(storeNewSet).not.toHaveBeenCalled();
  });

  it('an invalid policy from Graph is INVALID_INPUT naming its path, and nothing is stored', async () => {
    graphRequest.mockImplementation(async (_method: string, path: string) =>
      path === '/identity/conditionalAccess/policies' ? { value: [{ ...first, state: 'sometimes' }] } : { value: [] },
    );
    const error = await importPolicySetFromGraphForAdmin(admin, 'Live').catch((e: unknown) => e);
    expect(isAppError(error) && error.details.path).toBe('$[0].state');
    expect(storeNewSet).not.toHaveBeenCalled();
  });

  it('ASVS5 6.8.4: importing policies needs the admin’s MFA sign-in from the last 15 minutes; the freshness is recorded', async () => {
    graphRequest.mockResolvedValue({ value: [] });
    for (const actor of [
      { ...admin.actor, authTime: Date.parse('2026-11-26T08:44:00Z') / 1000 },
      { ...admin.actor, amr: ['pwd'] },
      { ...admin.actor, authTime: null },
    ]) {
      const error = await importPolicySetFromGraphForAdmin({ ...admin, actor }, 'Live').catch((e: unknown) => e);
      expect(isAppError(error) && error.reason).toBe('mfaStepUpRequired');
    }
    expect(graphRequest).not.toHaveBeenCalled();
    expect(storeNewSet).not.toHaveBeenCalled();
    await importPolicySetFromGraphForAdmin(admin, 'Live');
    expect(storeNewSet.mock.calls[0]?.[7]).toEqual({
      mfaFresh: true,
      mfaPresent: true,
      mfaAgeSeconds: 120,
      mfaMaxAgeSeconds: 900,
    });
  });
});
