import 'server-only';
// What the new-password page shows for the verified user's source of authority: for a synced user the
// rules of their effective AD policy (the domain's, or the fine-grained policy of msDS-ResultantPSO),
// read live from the DC, with the names AD's complexity rule looks for; for a user self-service may not
// serve, only that (the desk sentence, no form).
import type { AdPasswordPolicy } from '@/lib/ad/ad-password-policy';
import type { AdAccountNames } from '@/lib/ad/ad-password-rules';
import { isAppError } from '@/lib/app-error';
import type { ResetDependencies } from '../reset/reset-dependencies';
import type { ResetDirectoryUser } from '../reset/reset-directory';
import { resolvePasswordAuthority, selfServiceRefusalOf } from './password-authority';

export type OnPremisesPasswordView =
  | { kind: 'entra' }
  | { kind: 'activeDirectory'; policy: AdPasswordPolicy; names: AdAccountNames }
  | { kind: 'refused' }
  | { kind: 'unavailable' };

export async function onPremisesPasswordView(
  deps: Pick<ResetDependencies, 'onPremises' | 'now'>,
  user: ResetDirectoryUser,
): Promise<OnPremisesPasswordView> {
  try {
    const authority = await resolvePasswordAuthority(user, deps.onPremises, deps.now());
    if (selfServiceRefusalOf(authority)) return { kind: 'refused' };
    if (authority.kind !== 'activeDirectory') return { kind: 'entra' };
    const { account, policy } = authority.report;
    return {
      kind: 'activeDirectory',
      policy,
      names: { samAccountName: account.samAccountName, displayName: account.displayName },
    };
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAVAILABLE') return { kind: 'unavailable' };
    throw error;
  }
}
