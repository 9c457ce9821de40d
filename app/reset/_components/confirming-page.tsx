// /reset/confirming and /unlock/confirming: the directory's answer to a write was lost (Graph timed out,
// or the portal restarted), so the portal is finding out whether it landed instead of saying "failed".
// The page re-renders itself every 3 s (RefreshWhilePending; without JavaScript a "Check again" link) and
// moves on to the done page once the change is confirmed, or offers to try again once it did not land.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { ResetPurpose } from '@/lib/reset/identity-services';
import { requestMessages } from '@/server/i18n/request-messages';
import { writeConfirmationForPage } from '@/server/reset/reset-progress';
import { ErrorNotice, InfoNotice, buttonClass, secondaryButtonClass } from './notice';
import { RefreshWhilePending } from './refresh-while-pending';
import { StartAgain } from './start-again';

export async function ConfirmingPage({ purpose }: { purpose: ResetPurpose }) {
  const { t } = await requestMessages();
  const confirmation = await writeConfirmationForPage();
  if (!confirmation || confirmation.purpose !== purpose)
    return <StartAgain purpose={purpose} messageKey="reset.errors.noSession" />;
  if (confirmation.settlement === 'applied') redirect(`/${purpose}/done`);
  if (confirmation.settlement === 'pending')
    return (
      <div className="mx-auto max-w-xl">
        <RefreshWhilePending />
        <h1 className="text-2xl font-semibold sm:text-3xl">{t('reset.confirming.title')}</h1>
        <InfoNotice>{t(purpose === 'reset' ? 'reset.confirming.body' : 'reset.confirming.unlockBody')}</InfoNotice>
        <p className="mt-4 text-slate-700">{t('reset.confirming.wait')}</p>
        <p className="mt-6">
          <a href={`/${purpose}/confirming`} className={secondaryButtonClass}>
            {t('reset.confirming.checkAgain')}
          </a>
        </p>
      </div>
    );
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('reset.confirming.notAppliedTitle')}</h1>
      <ErrorNotice>
        {t(purpose === 'reset' ? 'reset.confirming.notApplied' : 'reset.confirming.unlockNotApplied')}
      </ErrorNotice>
      <p className="mt-6">
        <Link href={purpose === 'reset' ? '/reset/new-password' : '/unlock/services'} className={buttonClass}>
          {t('reset.confirming.tryAgain')}
        </Link>
      </p>
    </div>
  );
}
