// The mock Entra learns hybrid: synced demo users carry Graph's onPremises* properties, and Graph refuses
// passwordProfile for them with Entra's own error, as real Entra does for on-premises mastered objects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalGraph, startHybridMockIdp } from '../hybrid-test-support';
import type { RunningMockIdp } from '../start-mock-idp';

let mock: RunningMockIdp;
let graph: Awaited<ReturnType<typeof portalGraph>>;
beforeAll(async () => {
  mock = await startHybridMockIdp();
  graph = await portalGraph(mock);
});
afterAll(async () => {
  await mock.stop();
});

describe('synced users in Graph', () => {
  it('a synced user has onPremisesSyncEnabled and the AD identity (objectSid, sAMAccountName, domain, DN)', async () => {
    const { status, json } = await graph('users/alan.steiner@contoso.test');
    expect(status).toBe(200);
    expect(json).toMatchObject({
      onPremisesSyncEnabled: true,
      onPremisesSecurityIdentifier: 'S-1-5-21-1004336348-1177238915-682003330-1104',
      onPremisesSamAccountName: 'alan.steiner',
      onPremisesDomainName: 'corp.contoso.test',
      onPremisesDistinguishedName: 'CN=Alan Steiner,OU=Synced Users,DC=corp,DC=contoso,DC=test',
    });
  });

  it('a cloud-only user has the onPremises* properties as null, as Graph returns them', async () => {
    const { json } = await graph('users/adele.vance@contoso.test');
    expect(json).toMatchObject({ onPremisesSyncEnabled: null, onPremisesSecurityIdentifier: null });
  });

  it('refuses passwordProfile for a synced user with Entra’s error (400 Request_BadRequest)', async () => {
    for (const passwordProfile of [{ password: 'Orbit-Kettle-73-Lamp' }, { forceChangePasswordNextSignIn: true }]) {
      const { status, json } = await graph('users/alan.steiner@contoso.test', {
        method: 'PATCH',
        body: { passwordProfile },
      });
      expect(status).toBe(400);
      expect(json.error).toEqual(
        expect.objectContaining({
          code: 'Request_BadRequest',
          message:
            'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.',
        }),
      );
    }
  });

  it('still writes a cloud-only user’s password', async () => {
    const { status } = await graph('users/adele.vance@contoso.test', {
      method: 'PATCH',
      body: { passwordProfile: { password: 'Orbit-Kettle-73-Lamp' } },
    });
    expect(status).toBe(204);
  });
});
