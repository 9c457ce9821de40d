import 'server-only';
// The AD connections Verity has, by on-premises DNS domain (Graph onPremisesDomainName). Today one
// connection from AD_* (or none, cloud-only); the type allows one per forest/domain later.
import { createAdDirectory, type AdDirectory } from '../ad/ad-directory';
import { adSettingsFrom } from '../ad/ad-settings';
import type { Config } from '../config';

export type OnPremisesDirectories = {
  /** The lowercase DNS names of the domains Verity can write to. */
  domainNames: readonly string[];
  forDomain(domainName: string): AdDirectory | null;
};

export function onPremisesDirectoriesOf(directories: readonly AdDirectory[]): OnPremisesDirectories {
  const byDomain = new Map(directories.map((directory) => [directory.domainName.toLowerCase(), directory]));
  return {
    domainNames: [...byDomain.keys()],
    forDomain: (domainName) => byDomain.get(domainName.toLowerCase()) ?? null,
  };
}

/** No AD connection: every synced user is unserved (adDomainNotConnected), cloud-only users unaffected. */
export const noOnPremisesDirectories: OnPremisesDirectories = onPremisesDirectoriesOf([]);

export function onPremisesDirectoriesFrom(config: Config): OnPremisesDirectories {
  const settings = adSettingsFrom(config);
  return onPremisesDirectoriesOf(settings ? [createAdDirectory(settings)] : []);
}
