import 'server-only';
// What /account shows the signed-in user: their readiness to reset with Entra MFA and the portal's own
// verification methods. Null when nobody is signed in (the page offers sign-in).
import { isSignInRecent } from '../../lib/auth/sign-in-freshness';
import { currentSession } from '../auth/current-session';
import { getConfig } from '../config';
import { readPendingTotp } from './pending-totp-cookie';
import { totpQrCodeSvg } from './totp-qr-code';
import { listPortalCredentials, offerTotpEnrolment, type TotpEnrolmentOffer } from './totp-enrolment';
import { resetReadinessOf, type UserReadiness } from './reset-readiness-report';

export type AccountPageData = {
  readiness: UserReadiness | null;
  credentials: Awaited<ReturnType<typeof listPortalCredentials>>;
  /** False when the sign-in is older than ACCOUNT_REAUTH_MAX_AGE_MINUTES: changes need a new sign-in first. */
  isSignInRecent: boolean;
  reauthMinutes: number;
};

/** The same rule the account routes enforce (recentAccountUser), for showing the page's controls. */
function hasRecentSignIn(authTime: number | null | undefined): boolean {
  return isSignInRecent(authTime, new Date(), getConfig().ACCOUNT_REAUTH_MAX_AGE_MINUTES * 60);
}

export async function accountPageData(): Promise<AccountPageData | null> {
  const session = await currentSession();
  if (!session?.oid) return null;
  const [readiness, credentials] = await Promise.all([
    resetReadinessOf(session.oid).catch(() => null),
    listPortalCredentials(session.oid),
  ]);
  return {
    readiness,
    credentials,
    isSignInRecent: hasRecentSignIn(session.authTime),
    reauthMinutes: getConfig().ACCOUNT_REAUTH_MAX_AGE_MINUTES,
  };
}

/** The set-up offer for /account/totp (the kept secret after a wrong code unless `restart`), with its QR code. */
export async function totpEnrolmentPageData(options: {
  restart: boolean;
}): Promise<(TotpEnrolmentOffer & { qrCodeSvg: string }) | 'reauthenticate' | null> {
  const session = await currentSession();
  if (!session?.oid) return null;
  // No secret is shown to a stale session: it could not be confirmed anyway (recentAccountUser).
  if (!hasRecentSignIn(session.authTime)) return 'reauthenticate';
  const pending = options.restart ? undefined : await readPendingTotp();
  const offer = offerTotpEnrolment(
    { oid: session.oid, label: session.user?.email ?? session.oid },
    pending,
    new Date(),
  );
  return { ...offer, qrCodeSvg: await totpQrCodeSvg(offer.uri) };
}
