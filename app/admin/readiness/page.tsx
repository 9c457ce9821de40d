// /admin/readiness: how many users cannot reset with Microsoft Entra MFA today, and why.
import { adminReadinessPageData } from '@/server/account/admin-readiness-page-data';
import { requestMessages } from '@/server/i18n/request-messages';
import { onPremisesSummary } from '@/app/components/on-premises-summary';
import { ReadinessDetail } from './_components/readiness-detail';
import { ReminderButton } from './_components/reminder-button';
import { WayOnward } from '../../components/way-onward';
import { ErrorNotice, SuccessNotice, buttonClass } from '../../reset/_components/notice';

/** The label a stacked cell shows on a phone (the table's header row is hidden there). */
const cellLabel = 'block text-xs font-semibold uppercase tracking-wide text-slate-600 sm:hidden';

const reasons = ['ready', 'passwordFirstSignIn', 'noMethodRegistered', 'blockedByPolicy'] as const;

export default async function AdminReadinessPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { t, locale } = await requestMessages();
  const data = await adminReadinessPageData();
  if (data.access !== 'granted') {
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold sm:text-3xl">{t('account.admin.title')}</h1>
        {data.access === 'forbidden' ? (
          <>
            <ErrorNotice>{t('adminHome.forbiddenBody')}</ErrorNotice>
            <WayOnward t={t} returnTo="/admin/readiness" />
          </>
        ) : (
          <a href="/signin?callbackUrl=%2Fadmin%2Freadiness" className={`${buttonClass} mt-5`}>
            {t('account.signIn')}
          </a>
        )}
      </div>
    );
  }
  const { report } = data;
  const query = await searchParams;
  const reminded = report.users.find((user) => user.id === query.reminded);
  const reminderResult = query.result === 'alreadyQueued' ? 'remindedAlready' : 'reminded';
  const reminderLabels = (name: string) => ({
    remind: t('account.admin.remind'),
    confirm: t('account.admin.remindConfirm', { name }),
    send: t('account.admin.remindSend'),
    cancel: t('account.admin.remindCancel'),
    signInAgain: t('simulator.import.signInAgain'),
  });
  const notReady = report.users.filter((user) => user.reason !== 'ready');
  const synced = report.users.filter((user) => user.onPremises.source !== 'entra');
  return (
    <div>
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('account.admin.title')}</h1>
      <p className="mt-3 max-w-3xl text-slate-700">{t('account.admin.intro')}</p>
      <dl className="mt-6 grid grid-cols-2 gap-3 sm:grid-cols-5">
        <div className="rounded-xl border border-slate-200 bg-white p-4">
          <dt className="text-sm text-slate-600">{t('account.admin.total')}</dt>
          <dd className="text-2xl font-semibold" data-testid="count-total">
            {report.counts.total}
          </dd>
        </div>
        {reasons.map((reason) => (
          <div key={reason} className="rounded-xl border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{t(`account.admin.${reason}`)}</dt>
            <dd className="text-2xl font-semibold" data-testid={`count-${reason}`}>
              {report.counts[reason]}
            </dd>
          </div>
        ))}
      </dl>
      {reminded ? (
        <div id="reminder-status" tabIndex={-1}>
          <SuccessNotice>{t(`account.admin.${reminderResult}`, { name: reminded.displayName })}</SuccessNotice>
        </div>
      ) : null}
      <h2 id="not-ready-heading" className="mt-8 text-lg font-semibold">
        {t('account.admin.listHeading')}
      </h2>
      {notReady.length === 0 ? (
        <p className="mt-3">{t('account.admin.none')}</p>
      ) : (
        // Below the sm breakpoint each row stacks into a card whose cells carry their own labels, so nothing
        // scrolls sideways at 390 px; from sm up it is an ordinary table (the header row is then visible).
        <div className="mt-3 rounded-xl border border-slate-200 bg-white">
          <table aria-labelledby="not-ready-heading" className="w-full text-left text-sm max-sm:block">
            <thead className="bg-slate-100 max-sm:sr-only">
              <tr>
                <th scope="col" className="p-3">
                  {t('account.admin.user')}
                </th>
                <th scope="col" className="p-3">
                  {t('account.admin.reason')}
                </th>
                <th scope="col" className="p-3">
                  {t('account.admin.detail')}
                </th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {notReady.map((user) => (
                <tr
                  key={user.id}
                  data-testid="readiness-row"
                  className="border-t border-slate-200 align-top first:border-t-0 max-sm:block max-sm:p-3 sm:first:border-t"
                >
                  <td className="p-3 max-sm:block max-sm:p-0">
                    <span className="font-medium">{user.displayName}</span>
                    <br />
                    <span className="break-all text-slate-600">{user.userPrincipalName}</span>
                  </td>
                  <td className="p-3 max-sm:mt-2 max-sm:block max-sm:p-0">
                    <span className={cellLabel}>{t('account.admin.reason')}</span>
                    {t(`account.admin.reasons.${user.reason}`)}
                  </td>
                  <td className="p-3 max-sm:mt-2 max-sm:block max-sm:p-0" data-testid="readiness-detail">
                    <span className={cellLabel}>{t('account.admin.detail')}</span>
                    <ReadinessDetail user={user} t={t} locale={locale} />
                    {/* A policy block is the admin's to fix; the others are the user's to register. */}
                    {user.reason !== 'blockedByPolicy' ? (
                      <div className="mt-2">
                        <ReminderButton userId={user.id} labels={reminderLabels(user.displayName)} />
                      </div>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {synced.length > 0 && (
        <>
          <h2 className="mt-8 text-lg font-semibold">{t('account.onPremises.heading')}</h2>
          <ul className="mt-3 divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm">
            {synced.map((user) => (
              <li key={user.id} className="p-3" data-testid="on-premises-row" data-source={user.onPremises.source}>
                <span className="font-medium">{user.displayName}</span>{' '}
                <span className="text-slate-600">{user.userPrincipalName}</span>
                <br />
                {onPremisesSummary(user.onPremises, t, locale)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
