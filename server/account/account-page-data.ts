import 'server-only';
// What /account shows the signed-in user: their readiness to reset with Entra MFA and the portal's own
// verification methods. Null when nobody is signed in (the page offers sign-in).
import { currentSession } from '../auth/current-session';
import { listPortalCredentials, offerTotpEnrolment, type TotpEnrolmentOffer } from './totp-enrolment';
import { resetReadinessOf, type UserReadiness } from './reset-readiness-report';

export type AccountPageData = {
  readiness: UserReadiness | null;
  credentials: Awaited<ReturnType<typeof listPortalCredentials>>;
};

export async function accountPageData(): Promise<AccountPageData | null> {
  const session = await currentSession();
  if (!session?.oid) return null;
  const [readiness, credentials] = await Promise.all([
    resetReadinessOf(session.oid).catch(() => null),
    listPortalCredentials(session.oid),
  ]);
  return { readiness, credentials };
}

export async function totpEnrolmentPageData(): Promise<TotpEnrolmentOffer | null> {
  const session = await currentSession();
  if (!session?.oid) return null;
  return offerTotpEnrolment({ oid: session.oid, label: session.user?.email ?? session.oid }, new Date());
}
