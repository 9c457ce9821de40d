// /admin: the administrator's landing page. Anonymous visitors go to sign in and come back here; a signed-in
// user without Portal.Admin gets the reason and a way onward.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { adminHomePageData } from '@/server/account/admin-home-page-data';
import { requestMessages } from '@/server/i18n/request-messages';
import { WayOnward } from '../components/way-onward';

export const dynamic = 'force-dynamic';

const readinessKeys = ['ready', 'passwordFirstSignIn', 'noMethodRegistered', 'blockedByPolicy'] as const;

export default async function AdminHomePage() {
  const data = await adminHomePageData();
  if (data.access === 'signIn') redirect('/signin?callbackUrl=%2Fadmin');
  const { t, locale } = await requestMessages();
  if (data.access === 'forbidden')
    return (
      <section className="mx-auto max-w-lg rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-semibold">{t('errors.forbiddenTitle')}</h1>
        <p className="mt-2 text-slate-700">{t('adminHome.forbiddenBody')}</p>
        <WayOnward t={t} returnTo="/admin" />
      </section>
    );
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const card = 'rounded-xl border border-slate-200 bg-white p-5 shadow-sm';
  return (
    <>
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('adminHome.title')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('adminHome.intro')}</p>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="readiness-title" className={card} data-testid="admin-readiness">
          <h2 id="readiness-title" className="text-lg font-semibold">
            {t('adminHome.readinessTitle')}
          </h2>
          <p className="mt-1 text-slate-700">
            {t('adminHome.readinessSummary', { ready: data.readiness.ready, total: data.readiness.total })}
          </p>
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
            {readinessKeys.map((key) => (
              <div key={key} className="rounded-lg bg-slate-50 p-2">
                <dt className="text-slate-600">{t(`account.admin.${key}`)}</dt>
                <dd className="text-xl font-semibold">{data.readiness[key]}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3">
            <Link href="/admin/readiness">{t('adminHome.readinessLink')}</Link>
          </p>
        </section>
        <section aria-labelledby="sets-title" className={card} data-testid="admin-sets">
          <h2 id="sets-title" className="text-lg font-semibold">
            {t('adminHome.setsTitle')}
          </h2>
          {data.sets.length === 0 ? (
            <p className="mt-1 text-slate-700">{t('adminHome.noSets')}</p>
          ) : (
            <ul className="mt-2 space-y-1">
              {data.sets.slice(0, 5).map((set) => (
                <li key={set.id}>
                  <Link href={`/admin/simulator/${set.id}`}>{set.name}</Link>{' '}
                  <span className="text-sm text-slate-600">
                    {t('adminHome.setFacts', { count: set.policyCount, date: dates.format(set.updatedAt) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3">
            <Link href="/admin/simulator">{t('adminHome.simulatorLink')}</Link>
          </p>
        </section>
        <section aria-labelledby="audit-title" className={card}>
          <h2 id="audit-title" className="text-lg font-semibold">
            {t('adminHome.auditTitle')}
          </h2>
          <p className="mt-1 text-slate-700">
            {t(data.canReadAudit ? 'adminHome.auditBody' : 'adminHome.auditNoRole')}
          </p>
          {data.canReadAudit ? (
            <p className="mt-3">
              <Link href="/desk/audit">{t('adminHome.auditLink')}</Link>
            </p>
          ) : null}
        </section>
        <section aria-labelledby="jobs-title" className={card} data-testid="admin-jobs">
          <h2 id="jobs-title" className="text-lg font-semibold">
            {t('adminHome.jobsTitle')}
          </h2>
          <p className="mt-1 text-slate-700">
            {t('adminHome.jobsBody', { pending: data.jobs.pending, failed: data.jobs.failed })}
          </p>
          <p className="mt-1 text-sm text-slate-600">{t('adminHome.jobsHelp')}</p>
        </section>
      </div>
    </>
  );
}
