// Test support for the hybrid tests against the real DC (*.ad.test.ts): the portal's reset dependencies with
// Graph's view in memory and AD as the on-premises directory, and a synced user created in AD with the Graph
// user that points at it by objectSid.
import type { DomainController } from '../../scripts/ad/demo-domain';
import { createAdDirectory, type AdDirectory } from '../ad/ad-directory';
import { createSyncedUser, serviceSettings } from '../ad/test-support/ad-test-kit';
import type { DatabaseClient } from '../database/create-database-client';
import { memoryDirectory, passwordAndPush, testResetDependencies } from '../reset/reset-test-support';
import type { ResetDirectoryUser } from '../reset/reset-directory';
import { syncedUser } from './hybrid-test-support';
import { onPremisesDirectoriesOf } from './on-premises-directories';

/** The AD accounts' first password, and the one the tests reset to (both meet the demo domain's rules). */
export const adPasswords = { start: 'Start-Pass-2024!', fresh: 'Blue-Harbour-Lantern-82' } as const;
export const adDomainName = 'corp.contoso.test';

/** The portal's reset dependencies on `ad` (the DC's real adapter unless given), Graph holding `users`. */
export function portalOnAd(
  db: DatabaseClient,
  dc: DomainController,
  users: ResetDirectoryUser[],
  ad: AdDirectory = createAdDirectory(serviceSettings(dc)),
) {
  const graph = memoryDirectory(users.map((user) => ({ user, methods: passwordAndPush })));
  const deps = testResetDependencies(db, graph, { onPremises: onPremisesDirectoriesOf([ad]) });
  return { graph, deps };
}

/** An AD account `name` and Graph's synced user for it (id `${idPrefix}${name}`). */
export async function syncedAdUser(
  dc: DomainController,
  name: string,
  options: { idPrefix?: string; groups?: string[]; password?: string } = {},
) {
  const account = await createSyncedUser(dc, name, options.password ?? adPasswords.start, options.groups ?? []);
  const user = syncedUser(`${options.idPrefix ?? 'user-'}${name}`, account.upn, {
    securityIdentifier: account.sid,
    domainName: adDomainName,
  });
  return { account, user };
}
