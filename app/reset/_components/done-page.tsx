// /reset/done and /unlock/done: confirmation, no automatic sign-in, and (after a reset) the option to
// sign out other sessions.
import Link from 'next/link';
import { resetProgressForPage } from '@/server/reset/reset-progress';
import { requestMessages } from '@/server/i18n/request-messages';
import type { ResetPurpose } from '@/lib/reset/identity-services';
import { ErrorNotice, SuccessNotice, buttonClass } from './notice';
import type { ResetQuery } from './query';
import { resetErrorKey } from '@/app/components/page-error-keys';
import { StartAgain } from './start-again';

export async function DonePage({ purpose, query }: { purpose: ResetPurpose; query: ResetQuery }) {
  const { t } = await requestMessages();
  const progress = await resetProgressForPage();
  if (!progress || progress.purpose !== purpose || progress.status !== 'completed')
    return <StartAgain purpose={purpose} messageKey="reset.errors.noSession" />;
  const errorKey = resetErrorKey(query.error);
  const passwordSync = progress.passwordSync ?? null;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold sm:text-3xl">
        {t(purpose === 'reset' ? 'reset.done.title' : 'reset.done.unlockTitle')}
      </h1>
      <SuccessNotice>{t(purpose === 'reset' ? 'reset.done.body' : 'reset.done.unlockBody')}</SuccessNotice>
      {passwordSync && (
        <p className="mt-3 text-slate-700" data-testid="password-sync">
          {t(`reset.done.sync.${passwordSync}`)}
        </p>
      )}
      {errorKey && <ErrorNotice>{t(errorKey)}</ErrorNotice>}
      {purpose === 'reset' && (
        <section
          className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
          aria-labelledby="sign-out-heading"
        >
          <h2 id="sign-out-heading" className="text-lg font-semibold">
            {t('reset.done.signOutTitle')}
          </h2>
          {progress.otherSessionsRevoked ? (
            <SuccessNotice>{t('reset.done.signedOut')}</SuccessNotice>
          ) : (
            <>
              <p className="mt-2 text-slate-700">{t('reset.done.signOutBody')}</p>
              <form method="post" action="/reset/actions/sign-out-others" className="mt-3">
                <input type="hidden" name="csrf" value={progress.csrf} />
                <button type="submit" className={buttonClass}>
                  {t('reset.done.signOut')}
                </button>
              </form>
            </>
          )}
        </section>
      )}
      <p className="mt-6">
        {progress.returnUrl ? (
          <a href={progress.returnUrl}>{t('reset.done.continue')}</a>
        ) : (
          <Link href="/">{t('reset.done.home')}</Link>
        )}
      </p>
    </div>
  );
}
