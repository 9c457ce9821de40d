import 'server-only';
// For the done page of a completed reset: whether the password went to AD and, if so, how Microsoft 365
// takes it (AD_PASSWORD_SYNC): at once with pass-through authentication, after the next sync cycle
// (about two minutes) with password hash sync. Decided from Graph's onPremises* properties alone: no DC
// round trip on the done page.
import { sourceOfAuthority } from '@/lib/ad/source-of-authority';
import type { ResetDependencies } from '../reset/reset-dependencies';
import type { PasswordSync } from '../reset/reset-notifications';

export async function passwordSyncOfUser(
  deps: Pick<ResetDependencies, 'directory' | 'onPremises'>,
  userId: string,
): Promise<PasswordSync | null> {
  const user = await deps.directory.getUser(userId);
  const source = sourceOfAuthority(user.onPremises, deps.onPremises.domainNames);
  if (source.kind !== 'activeDirectory') return null;
  return deps.onPremises.forDomain(source.domainName)?.passwordSync ?? null;
}
