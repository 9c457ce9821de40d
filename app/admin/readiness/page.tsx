// /admin/readiness: how many users cannot reset with Microsoft Entra MFA today, and why.
import { adminReadinessPageData } from '@/server/account/admin-readiness-page-data';
import { requestMessages } from '@/server/i18n/request-messages';
import { onPremisesSummary } from '@/app/components/on-premises-summary';
import { WayOnward } from '../../components/way-onward';
import { ErrorNotice, buttonClass } from '../../reset/_components/notice';

const reasons = ['ready', 'passwordFirstSignIn', 'noMethodRegistered', 'blockedByPolicy'] as const;

export default async function AdminReadinessPage() {
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
      <h2 id="not-ready-heading" className="mt-8 text-lg font-semibold">
        {t('account.admin.listHeading')}
      </h2>
      {notReady.length === 0 ? (
        <p className="mt-3">{t('account.admin.none')}</p>
      ) : (
        // On a phone the table scrolls sideways: the region takes keyboard focus so it can be scrolled without a
        // mouse (WCAG 2.1.1; axe scrollable-region-focusable).
        <div
          role="region"
          aria-labelledby="not-ready-heading"
          tabIndex={0}
          className="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white"
        >
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="bg-slate-100">
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
            <tbody>
              {notReady.map((user) => (
                <tr key={user.id} className="border-t border-slate-200">
                  <td className="p-3">
                    <span className="font-medium">{user.displayName}</span>
                    <br />
                    <span className="text-slate-600">{user.userPrincipalName}</span>
                  </td>
                  <td className="p-3">{t(`account.admin.reasons.${user.reason}`)}</td>
                  <td className="p-3">{user.detail ?? ''}</td>
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
