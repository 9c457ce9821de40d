import { requestMessages } from '@/server/i18n/request-messages';
import type { ResetPurpose } from '@/lib/reset/identity-services';
import { ErrorNotice, buttonClass } from './notice';

export async function StartAgain({ purpose, messageKey }: { purpose: ResetPurpose; messageKey: string }) {
  const { t } = await requestMessages();
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t(`reset.start.${purpose}Title`)}</h1>
      <ErrorNotice>{t(messageKey)}</ErrorNotice>
      <a href={`/${purpose}`} className={`${buttonClass} mt-5`}>
        {t('reset.services.startAgain')}
      </a>
    </div>
  );
}
