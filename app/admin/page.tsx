// /admin: the administrator's landing page. Anonymous visitors go to sign in and come back here; a signed-in
// user without Portal.Admin gets the reason and a way onward.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { adminHomePageData } from '@/server/account/admin-home-page-data';
import { requestMessages } from '@/server/i18n/request-messages';
import { WayOnward } from '../components/way-onward';
import { AdminCard, CardLink } from './_components/admin-card';

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
  return (
    <>
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('adminHome.title')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('adminHome.intro')}</p>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <AdminCard
          id="readiness-title"
          title={t('adminHome.readinessTitle')}
          summary={t('adminHome.readinessSummary', { ready: data.readiness.ready, total: data.readiness.total })}
          testId="admin-readiness"
        >
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
            {readinessKeys.map((key) => (
              <div key={key} className="rounded-lg bg-slate-50 p-2">
                <dt className="text-slate-600">{t(`account.admin.${key}`)}</dt>
                <dd className="text-xl font-semibold">{data.readiness[key]}</dd>
              </div>
            ))}
          </dl>
          <CardLink href="/admin/readiness">{t('adminHome.readinessLink')}</CardLink>
        </AdminCard>
        <AdminCard
          id="sets-title"
          title={t('adminHome.setsTitle')}
          summary={data.sets.length === 0 ? t('adminHome.noSets') : undefined}
          testId="admin-sets"
        >
          {data.sets.length > 0 && (
            <ul className="mt-2 space-y-1">
              {data.sets.slice(0, 5).map((set) => (
                <li key={set.id}>
                  <Link href={`/admin/simulator/${set.id}`}>{set.name}</Link>{' '}
                  <span className="text-sm text-slate-600">
                    {set.policyCount === null
                      ? t('adminHome.setUnreadable', { date: dates.format(set.updatedAt) })
                      : t('adminHome.setFacts', { count: set.policyCount, date: dates.format(set.updatedAt) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <CardLink href="/admin/simulator">{t('adminHome.simulatorLink')}</CardLink>
        </AdminCard>
        <AdminCard
          id="audit-title"
          title={t('adminHome.auditTitle')}
          summary={t(data.canReadAudit ? 'adminHome.auditBody' : 'adminHome.auditNoRole')}
        >
          {data.canReadAudit ? <CardLink href="/desk/audit">{t('adminHome.auditLink')}</CardLink> : null}
        </AdminCard>
        <AdminCard
          id="jobs-title"
          title={t('adminHome.jobsTitle')}
          summary={t('adminHome.jobsBody', { pending: data.jobs.pending, failed: data.jobs.failed })}
          testId="admin-jobs"
        >
          <p className="mt-1 text-sm text-slate-600">{t('adminHome.jobsHelp')}</p>
        </AdminCard>
      </div>
    </>
  );
}
