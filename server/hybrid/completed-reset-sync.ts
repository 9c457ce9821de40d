import 'server-only';
// For the done page of a completed reset: whether the password went to AD and, if so, how Microsoft 365
// takes it (AD_PASSWORD_SYNC): at once with pass-through authentication, after the next sync cycle
// (about two minutes) with password hash sync. Decided from Graph's onPremises* properties alone: no DC
// round trip on the done page.
import { cookies } from 'next/headers';
import { sourceOfAuthority } from '@/lib/ad/source-of-authority';
import { isAppError } from '@/lib/app-error';
import { productionServices } from '../context/production-services';
import { resetDependenciesOf } from '../context/reset-view';
import { readResetCookie } from '../reset/http/reset-cookie';
import type { ResetDependencies } from '../reset/reset-dependencies';
import type { PasswordSync } from '../reset/reset-notifications';
import { loadResetSession } from '../reset/reset-session-store';

export async function passwordSyncOfUser(
  deps: Pick<ResetDependencies, 'directory' | 'onPremises'>,
  userId: string,
): Promise<PasswordSync | null> {
  const user = await deps.directory.getUser(userId);
  const source = sourceOfAuthority(user.onPremises, deps.onPremises.domainNames);
  if (source.kind !== 'activeDirectory') return null;
  return deps.onPremises.forDomain(source.domainName)?.passwordSync ?? null;
}

export async function passwordSyncForDonePage(): Promise<PasswordSync | null> {
  const deps = resetDependenciesOf(productionServices());
  const token = readResetCookie(await cookies(), deps.settings);
  try {
    const session = await loadResetSession(deps, token);
    if (session.status !== 'completed' || !session.row.userId) return null;
    return await passwordSyncOfUser(deps, String(session.row.userId));
  } catch (error) {
    if (isAppError(error)) return null;
    throw error;
  }
}
