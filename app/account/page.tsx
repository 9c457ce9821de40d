// /account: the signed-in user's readiness to reset a forgotten password with Entra MFA, how to turn on
// passwordless sign-in, and the portal's own verification methods (authenticator app).
import { z } from 'zod';
import { reauthenticateHref } from '@/lib/auth/reauthenticate-href';
import { formatDate } from '@/lib/i18n/format-date';
import { accountPageData } from '../../server/account/account-page-data';
import { requestMessages } from '../../server/i18n/request-messages';
import { onPremisesSummary } from '../components/on-premises-summary';
import { accountErrorKey } from '@/app/components/page-error-keys';
import { PasskeyButton } from '../reset/_components/passkey-button';
import { ErrorNotice, InfoNotice, SuccessNotice, buttonClass, secondaryButtonClass } from '../reset/_components/notice';

const querySchema = z.object({
  notice: z.enum(['totpEnrolled', 'passkeyEnrolled', 'removed']).optional().catch(undefined),
  error: z.string().max(40).regex(/^\w+$/).optional().catch(undefined),
});
const accountReauthenticateHref = reauthenticateHref('/account');

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = querySchema.parse(await searchParams);
  const { t, locale } = await requestMessages();
  const data = await accountPageData();
  if (!data) {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold sm:text-3xl">{t('account.title')}</h1>
        <p className="mt-3 text-slate-700">{t('account.signInPrompt')}</p>
        <a href="/signin?callbackUrl=%2Faccount" className={`${buttonClass} mt-5`}>
          {t('account.signIn')}
        </a>
      </div>
    );
  }
  const { readiness, credentials, isSignInRecent, reauthMinutes } = data;
  const errorKey = accountErrorKey(query.error);
  const hasTotp = credentials.some((credential) => credential.kind === 'totp');
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('account.title')}</h1>
      {query.notice && <SuccessNotice>{t(`account.notices.${query.notice}`)}</SuccessNotice>}
      {errorKey && <ErrorNotice>{t(errorKey)}</ErrorNotice>}
      <section
        aria-labelledby="readiness-heading"
        className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="readiness-heading" className="text-lg font-semibold">
          {t('account.readiness.heading')}
        </h2>
        <p className="mt-2 text-slate-800" data-testid="readiness" data-reason={readiness?.reason ?? 'unknown'}>
          {readiness
            ? t(`account.readiness.${readiness.reason}`, { policy: readiness.detail ?? '' })
            : t('account.readiness.unknown')}
        </p>
        {readiness?.reason !== 'ready' && <InfoNotice>{t('account.readiness.howTo')}</InfoNotice>}
        {readiness && onPremisesSummary(readiness.onPremises, t, locale) && (
          <p className="mt-3 text-slate-800" data-testid="on-premises" data-source={readiness.onPremises.source}>
            {onPremisesSummary(readiness.onPremises, t, locale)}
          </p>
        )}
      </section>
      <section
        aria-labelledby="methods-heading"
        className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <h2 id="methods-heading" className="text-lg font-semibold">
          {t('account.methods.heading')}
        </h2>
        <p className="mt-2 text-slate-700">{t('account.methods.intro')}</p>
        {credentials.length === 0 ? (
          <p className="mt-3 text-slate-600">{t('account.methods.none')}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200">
            {credentials.map((credential) => (
              <li key={credential.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <span>
                  <span className="font-medium">
                    {t(`account.methods.${credential.kind === 'passkey' ? 'passkey' : 'totp'}`)}
                  </span>
                  <span className="ml-2 text-sm text-slate-600">
                    {t('account.methods.added', { date: formatDate(credential.createdAt, locale) })}
                  </span>
                </span>
                {isSignInRecent && (
                  <form method="post" action="/account/actions/remove">
                    <input type="hidden" name="credentialId" value={credential.id} />
                    <button type="submit" className={secondaryButtonClass}>
                      {t('account.methods.remove')}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {hasTotp && (
          <p className="mt-3 text-slate-700" data-testid="totp-ready">
            {t('account.methods.totpReady')}
          </p>
        )}
        {!isSignInRecent && (
          <div className="mt-4" data-testid="reauthenticate">
            <InfoNotice>{t('account.reauth.notice', { minutes: reauthMinutes })}</InfoNotice>
            <a href={accountReauthenticateHref} className={`${buttonClass} mt-3`}>
              {t('account.reauth.button')}
            </a>
          </div>
        )}
        <div className={isSignInRecent ? 'mt-4 flex flex-wrap items-start gap-3' : 'hidden'}>
          {/* Once an app is set up, adding another is a side action, not the card's main call. */}
          <a
            href={hasTotp ? '/account/totp?restart=1' : '/account/totp'}
            className={hasTotp ? secondaryButtonClass : buttonClass}
          >
            {t(hasTotp ? 'account.methods.addAnotherTotp' : 'account.methods.addTotp')}
          </a>
          <PasskeyButton
            mode="register"
            optionsUrl="/account/actions/passkey-options"
            verifyUrl="/account/actions/passkey"
            extra={{}}
            label={t('account.methods.addPasskey')}
            busyLabel={t('account.methods.passkeyBusy')}
            errorMessage={t('account.methods.passkeyFailed')}
          />
        </div>
      </section>
    </div>
  );
}
