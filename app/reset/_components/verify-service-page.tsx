// /{reset|unlock}/verify/{sms|email|totp|passkey}: one service. SMS and email first offer to send a code
// and then answer the same whether or not a channel is on record.
import { notFound } from 'next/navigation';
import { codeTriesLeft, resetProgressForPage } from '@/server/reset/reset-progress';
import { requestMessages } from '@/server/i18n/request-messages';
import type { ResetPurpose } from '@/lib/reset/identity-services';
import { ErrorNotice, InfoNotice, buttonClass, inputClass, secondaryButtonClass } from './notice';
import type { ResetQuery } from './query';
import { resetErrorKey } from '@/app/components/page-error-keys';
import { PasskeyButton } from './passkey-button';
import { StartAgain } from './start-again';

const pageServices = ['sms', 'email', 'totp', 'passkey'] as const;

export async function VerifyServicePage({
  purpose,
  service,
  query,
}: {
  purpose: ResetPurpose;
  service: string;
  query: ResetQuery;
}) {
  const chosen = pageServices.find((s) => s === service);
  if (!chosen) notFound();
  const { t } = await requestMessages();
  const progress = await resetProgressForPage();
  if (!progress || progress.purpose !== purpose)
    return <StartAgain purpose={purpose} messageKey="reset.errors.noSession" />;
  if (progress.status !== 'active')
    return <StartAgain purpose={purpose} messageKey={`reset.services.ended.${progress.status}`} />;
  if (!progress.services.some((s) => s.id === chosen)) notFound();
  const errorKey = resetErrorKey(query.error);
  const back = (
    <p className="mt-6">
      <a href={`/${purpose}/services`}>{t('reset.verify.back')}</a>
    </p>
  );
  const csrf = <input type="hidden" name="csrf" value={progress.csrf} />;
  const purposeField = <input type="hidden" name="purpose" value={purpose} />;

  if (chosen === 'passkey') {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold sm:text-3xl">{t('reset.verify.passkeyTitle')}</h1>
        <p className="mt-3 text-slate-700">{t('reset.verify.passkeyExplain')}</p>
        <div className="mt-6">
          <PasskeyButton
            mode="authenticate"
            optionsUrl="/reset/actions/passkey-options"
            verifyUrl="/reset/actions/passkey-verify"
            extra={{ csrf: progress.csrf, purpose }}
            label={t('reset.verify.passkeyUse')}
            busyLabel={t('reset.verify.passkeyBusy')}
            errorMessage={t('reset.verify.passkeyFailed')}
          />
        </div>
        {back}
      </div>
    );
  }
  if (chosen === 'totp') {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold sm:text-3xl">{t('reset.verify.totpTitle')}</h1>
        {errorKey && <ErrorNotice>{t(errorKey)}</ErrorNotice>}
        <form
          method="post"
          action="/reset/actions/check-totp"
          className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          {csrf}
          {purposeField}
          <label htmlFor="code" className="block font-medium">
            {t('reset.verify.totpLabel')}
          </label>
          <p id="code-hint" className="text-sm text-slate-600">
            {t('reset.verify.totpHint')}
          </p>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
            aria-describedby="code-hint"
            className={inputClass}
          />
          <button type="submit" className={`${buttonClass} mt-4`}>
            {t('reset.verify.check')}
          </button>
        </form>
        {back}
      </div>
    );
  }
  const sent = query.sent === '1';
  const triesLeft = sent ? ((await codeTriesLeft(chosen)) ?? 5) : 5;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t(`reset.verify.${chosen}Title`)}</h1>
      {errorKey && <ErrorNotice>{t(errorKey)}</ErrorNotice>}
      {sent ? (
        <InfoNotice>{t(`reset.verify.${chosen}Sent`)}</InfoNotice>
      ) : (
        <p className="mt-3 text-slate-700">{t(`reset.verify.${chosen}Explain`)}</p>
      )}
      {sent && (
        <form
          method="post"
          action="/reset/actions/check-code"
          className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          {csrf}
          {purposeField}
          <input type="hidden" name="service" value={chosen} />
          <label htmlFor="code" className="block font-medium">
            {t('reset.verify.codeLabel')}
          </label>
          <p id="code-hint" className="text-sm text-slate-600">
            {t('reset.verify.codeHint', { tries: triesLeft })}
          </p>
          <input
            id="code"
            name="code"
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={8}
            required
            aria-describedby="code-hint"
            className={inputClass}
          />
          <button type="submit" className={`${buttonClass} mt-4`}>
            {t('reset.verify.check')}
          </button>
        </form>
      )}
      <form method="post" action="/reset/actions/send-code" className="mt-4">
        {csrf}
        {purposeField}
        <input type="hidden" name="service" value={chosen} />
        <button type="submit" className={sent ? secondaryButtonClass : buttonClass}>
          {t(sent ? 'reset.verify.sendAgain' : 'reset.verify.send')}
        </button>
      </form>
      {back}
    </div>
  );
}
