// /account/totp: add an authenticator app. A QR code (and the key in groups of four) to add the account,
// then a first code to confirm; after a wrong code the same key stays (the app already holds it).
import { z } from 'zod';
import { reauthenticateHref } from '@/lib/auth/reauthenticate-href';
import { totpEnrolmentPageData } from '@/server/account/account-page-data';
import { getConfig } from '@/server/config';
import { requestMessages } from '@/server/i18n/request-messages';
import { ErrorNotice, InfoNotice, buttonClass, inputClass } from '../../reset/_components/notice';
import { accountErrorKey } from '@/app/components/page-error-keys';
import { CopyButton } from './copy-button';

const querySchema = z.object({
  error: z.string().max(40).regex(/^\w+$/).optional().catch(undefined),
  restart: z.literal('1').optional().catch(undefined),
});

/** "JBSWY3DPEHPK3PXP" as "JBSW Y3DP EHPK 3PXP": easier to read out and type. */
function inGroupsOfFour(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export default async function TotpEnrolmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = querySchema.parse(await searchParams);
  const { t } = await requestMessages();
  const offer = await totpEnrolmentPageData({ restart: query.restart === '1' });
  if (offer === 'reauthenticate') {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold sm:text-3xl">{t('account.totp.title')}</h1>
        <InfoNotice>{t('account.reauth.notice', { minutes: getConfig().ACCOUNT_REAUTH_MAX_AGE_MINUTES })}</InfoNotice>
        <a href={reauthenticateHref('/account/totp')} className={`${buttonClass} mt-5`}>
          {t('account.reauth.button')}
        </a>
      </div>
    );
  }
  if (!offer) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold sm:text-3xl">{t('account.totp.title')}</h1>
        <a href="/signin?callbackUrl=%2Faccount%2Ftotp" className={`${buttonClass} mt-5`}>
          {t('account.signIn')}
        </a>
      </div>
    );
  }
  const errorKey = accountErrorKey(query.error);
  const errorText = query.error === 'wrongCode' && offer.isResumed ? t('account.totp.wrongCodeSameKey') : null;
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('account.totp.title')}</h1>
      {errorKey && <ErrorNotice>{errorText ?? t(errorKey)}</ErrorNotice>}
      <section
        aria-labelledby="step1-heading"
        className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="step1-heading" className="text-lg font-semibold">
          {t('account.totp.step1Heading')}
        </h2>
        <p className="mt-2 text-slate-700">{t('account.totp.step1')}</p>
        <div className="mt-4 flex flex-col gap-5 sm:flex-row sm:items-start">
          <div
            role="img"
            aria-label={t('account.totp.qrLabel')}
            data-testid="totp-qr"
            className="h-48 w-48 shrink-0 self-center rounded-lg border border-slate-200 bg-white p-1 sm:self-start"
            // The SVG comes from the qrcode library on the server (paths only, no script).
            dangerouslySetInnerHTML={{ __html: offer.qrCodeSvg }}
          />
          <div className="min-w-0">
            <p className="font-medium" id="secret-label">
              {t('account.totp.secretLabel')}
            </p>
            <p className="text-sm text-slate-600">{t('account.totp.secretHint')}</p>
            <p
              className="mt-1 rounded-lg bg-slate-100 p-3 font-mono text-lg tracking-wide break-words"
              aria-labelledby="secret-label"
              data-testid="totp-secret"
              data-secret={offer.secretBase32}
            >
              {inGroupsOfFour(offer.secretBase32)}
            </p>
            <div className="mt-2">
              <CopyButton
                value={offer.secretBase32}
                label={t('account.totp.copy')}
                doneLabel={t('account.totp.copied')}
              />
            </div>
            <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-600">{t('account.totp.issuer')}</dt>
              <dd className="font-medium" data-testid="totp-issuer">
                {offer.issuer}
              </dd>
              <dt className="text-slate-600">{t('account.totp.accountName')}</dt>
              <dd className="font-medium break-all" data-testid="totp-account">
                {offer.accountName}
              </dd>
            </dl>
            <p className="mt-3 text-sm">
              <a href={offer.uri}>{t('account.totp.uriLabel')}</a>
            </p>
          </div>
        </div>
      </section>
      <form
        method="post"
        action="/account/actions/totp"
        className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <input type="hidden" name="sealed" value={offer.sealed} />
        <h2 className="text-lg font-semibold">{t('account.totp.step2Heading')}</h2>
        <p className="mt-2 text-slate-700">{t('account.totp.step2')}</p>
        <label htmlFor="code" className="mt-3 block font-medium">
          {t('account.totp.codeLabel')}
        </label>
        <input
          id="code"
          name="code"
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
          autoFocus={query.error === 'wrongCode'}
          className={`${inputClass} max-w-48 font-mono text-lg`}
        />
        <button type="submit" className={`${buttonClass} mt-4`}>
          {t('account.totp.submit')}
        </button>
      </form>
      <p className="mt-6 flex flex-wrap gap-x-6 gap-y-2">
        <a href="/account">{t('account.totp.back')}</a>
        {offer.isResumed && <a href="/account/totp?restart=1">{t('account.totp.restart')}</a>}
      </p>
    </div>
  );
}
