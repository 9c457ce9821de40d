import { deskPageActor, deskPageDependencies } from '@/server/desk/desk-page-actor';
import { listApprovalQueue } from '@/server/desk/supervisor-approval';
import { supervisorRoles } from '@/server/desk/desk-actor';
import { requestMessages } from '@/server/i18n/request-messages';
import { ApproveButton, AutoRefresh } from '../_components/approve-button';
import { DeskNav } from '../_components/desk-nav';
import { NoAccess } from '../_components/no-access';

export const dynamic = 'force-dynamic';

export default async function ApprovalsPage() {
  const { t } = await requestMessages();
  const { actor, isAllowed } = await deskPageActor(supervisorRoles, '/desk/approvals');
  if (!isAllowed) return <NoAccess t={t} returnTo="/desk/approvals" links={[]} />;
  const queue = await listApprovalQueue(deskPageDependencies(), actor);
  const nav = {
    label: t('desk.nav.label'),
    console: t('desk.nav.console'),
    approvals: t('desk.nav.approvals'),
    audit: t('desk.nav.audit'),
  };
  return (
    <>
      <DeskNav roles={actor.roles} current="approvals" labels={nav} />
      <AutoRefresh seconds={5} />
      <h1 className="text-2xl font-semibold">{t('desk.approvals.title')}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{t('desk.approvals.intro')}</p>
      <section aria-labelledby="queue-title" className="mt-4">
        <h2 id="queue-title" className="text-lg font-semibold">
          {t('desk.approvals.pending', { count: queue.pending.length })}
        </h2>
        {queue.pending.length === 0 ? (
          <p className="mt-2 text-slate-700">{t('desk.approvals.empty')}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {queue.pending.map((item) => (
              <li
                key={item.caseId}
                className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
              >
                <div id={`approval-${item.caseId}`}>
                  <p className="font-semibold">
                    {item.targetDisplayName} <span className="font-normal text-slate-600">({item.targetUpn})</span>
                  </p>
                  <p className="text-sm text-slate-700">
                    {t('desk.approvals.requestedBy', {
                      agent: item.agentName,
                      methods: item.methods.map((m) => t(`desk.methods.${m}`)).join(' + '),
                    })}
                  </p>
                  {item.closesAt ? (
                    <p className="text-sm text-slate-600">
                      {t('desk.approvals.closesAt', {
                        time: new Date(item.closesAt).toLocaleTimeString('en-GB', { timeZone: 'UTC' }),
                      })}
                    </p>
                  ) : null}
                </div>
                <ApproveButton
                  caseId={item.caseId}
                  label={t('desk.approvals.approve')}
                  errorLabel={t('desk.approvals.failed')}
                  signInAgain={t('desk.approvals.signInAgain')}
                  describedBy={`approval-${item.caseId}`}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="alerts-title" className="mt-6">
        <h2 id="alerts-title" className="text-lg font-semibold">
          {t('desk.approvals.alerts')}
        </h2>
        {queue.alerts.length === 0 ? (
          <p className="mt-2 text-slate-700">{t('desk.approvals.noAlerts')}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {queue.alerts.map((alert) => (
              <li key={alert.caseId} className="rounded-xl border border-red-300 bg-red-50 p-3 text-sm text-red-950">
                {t(`desk.approvals.alert.${alert.reason}`, {
                  user: `${alert.targetDisplayName} (${alert.targetUpn})`,
                  agent: alert.agentName,
                  time: new Date(alert.at).toLocaleString('en-GB', { timeZone: 'UTC' }),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
