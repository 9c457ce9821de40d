// /account/totp: add an authenticator app (secret shown once, confirmed with a first code).
import { z } from 'zod';
import { totpEnrolmentPageData } from '@/server/account/account-page-data';
import { requestMessages } from '@/server/i18n/request-messages';
import { ErrorNotice, buttonClass, inputClass } from '../../reset/_components/notice';

const querySchema = z.object({
  error: z.enum(['wrongCode', 'enrolmentExpired', 'invalid_input']).optional().catch(undefined),
});

export default async function TotpEnrolmentPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const query = querySchema.parse(await searchParams);
  const { t } = await requestMessages();
  const offer = await totpEnrolmentPageData();
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
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('account.totp.title')}</h1>
      {query.error && <ErrorNotice>{t(`account.errors.${query.error}`)}</ErrorNotice>}
      <p className="mt-3 text-slate-700">{t('account.totp.step1')}</p>
      <p className="mt-3 font-medium" id="secret-label">
        {t('account.totp.secretLabel')}
      </p>
      <p
        className="mt-1 break-all rounded-lg bg-slate-100 p-3 font-mono text-lg"
        aria-labelledby="secret-label"
        data-testid="totp-secret"
      >
        {offer.secretBase32}
      </p>
      <p className="mt-3">
        <a href={offer.uri}>{t('account.totp.uriLabel')}</a>
      </p>
      <form
        method="post"
        action="/account/actions/totp"
        className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <input type="hidden" name="sealed" value={offer.sealed} />
        <p className="text-slate-700">{t('account.totp.step2')}</p>
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
          className={inputClass}
        />
        <button type="submit" className={`${buttonClass} mt-4`}>
          {t('account.totp.submit')}
        </button>
      </form>
      <p className="mt-6">
        <a href="/account">{t('account.totp.back')}</a>
      </p>
    </div>
  );
}
