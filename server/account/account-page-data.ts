import 'server-only';
// What /account shows the signed-in user: their readiness to reset with Entra MFA and the portal's own
// verification methods. Null when nobody is signed in (the page offers sign-in).
import { currentSession } from '../auth/current-session';
import { readPendingTotp } from './pending-totp-cookie';
import { totpQrCodeSvg } from './totp-qr-code';
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

/** The set-up offer for /account/totp (the kept secret after a wrong code unless `restart`), with its QR code. */
export async function totpEnrolmentPageData(options: {
  restart: boolean;
}): Promise<(TotpEnrolmentOffer & { qrCodeSvg: string }) | null> {
  const session = await currentSession();
  if (!session?.oid) return null;
  const pending = options.restart ? undefined : await readPendingTotp();
  const offer = offerTotpEnrolment(
    { oid: session.oid, label: session.user?.email ?? session.oid },
    pending,
    new Date(),
  );
  return { ...offer, qrCodeSvg: await totpQrCodeSvg(offer.uri) };
}
