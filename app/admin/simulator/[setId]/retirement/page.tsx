// /admin/simulator/[setId]/retirement?asOf=2027-02-01: who loses password reset or sign-in on a method retirement
// date and what each should register, from every user's real methods (issue 15; lib: retirement-access.ts).
import Link from 'next/link';
import { knownRetirements } from '@/lib/conditional-access/method-availability';
import { resetAndDeskApplications } from '@/lib/simulator/scenario-presets';
import { encodeState } from '@/lib/simulator/simulator-url-state';
import { runRetirementAccess } from '@/server/simulator/simulation-admin';
import { AsOfNotice } from '../../_components/as-of-notice';
import { OutcomeBadge } from '../../_components/outcome-badge';
import { ResultsRowHeader, ResultsTable } from '../../_components/results-table';
import { SetNav } from '../../_components/set-nav';
import { AsOfField } from '../../_components/sign-in-fields';
import { loadSetPage, type SetPageProps } from '../../_components/load-set-page';

export const dynamic = 'force-dynamic';

const countKeys = ['affected', 'losesMfa', 'losesReset', 'losesSignIn'] as const;
const retirementColumns = ['user', 'retired', 'usable', 'reset', 'signIn', 'register'] as const;

// Without a date in the URL the view opens on the first known retirement (SMS and voice, 1 February 2027).
const defaultDate = knownRetirements[0]?.effectiveDate ?? '2027-02-01';

export default async function RetirementPage(props: SetPageProps) {
  const loaded = await loadSetPage(props, '/retirement');
  if (loaded.panel) return loaded.panel;
  const { setId, t, context, path, invalidAsOf } = loaded;
  const { stored, tenant } = context;
  const date = context.asOf ?? defaultDate;
  const impacts = runRetirementAccess(context, date);
  const isLatest = stored.version === stored.versions[0]?.version;
  const v = isLatest ? undefined : stored.version;
  const { resetAppId } = resetAndDeskApplications(tenant.source);
  const appName = (id: string) => tenant.applicationNameById.get(id) ?? id;
  const methods = (list: readonly string[]) =>
    list.length === 0
      ? t('simulator.retirement.nothingUsable')
      : list.map((m) => t(`simulator.method.${m}`)).join(', ');
  const counts: Record<(typeof countKeys)[number], number> = {
    affected: impacts.length,
    losesMfa: impacts.filter((i) => !i.keepsMultifactor).length,
    losesReset: impacts.filter((i) => i.canResetBefore && !i.canResetAfter).length,
    losesSignIn: impacts.filter((i) => i.lostApplicationIds.length > 0).length,
  };
  return (
    <>
      <p className="text-sm">
        <Link href={`/admin/simulator/${setId}`}>{stored.policySetName}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold sm:text-3xl">{t('simulator.retirement.title')}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{t('simulator.retirement.intro')}</p>
      <SetNav setId={setId} version={v} asOf={context.asOf} current="retirement" t={t} />
      <AsOfNotice invalid={invalidAsOf} t={t} />

      <form
        method="get"
        action={path}
        className="mt-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-5"
        aria-label={t('simulator.retirement.formLabel')}
      >
        {v && <input type="hidden" name="v" value={v} />}
        <div className="max-w-md">
          <AsOfField asOf={date} t={t} />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          {t('simulator.retirement.show')}
        </button>
      </form>
      <p className="mt-3 max-w-3xl text-sm text-slate-700">{t('simulator.retirement.assumption')}</p>

      <dl className="mt-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {countKeys.map((key) => (
          <div key={key} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-700">{t(`simulator.retirement.counts.${key}`)}</dt>
            <dd className="text-2xl font-semibold" data-testid={`retirement-${key}`}>
              {counts[key]}
            </dd>
          </div>
        ))}
      </dl>

      <section aria-labelledby="retirement-users" className="mt-8">
        <h2 id="retirement-users" className="text-lg font-semibold">
          {t('simulator.retirement.tableTitle', { date })}
        </h2>
        {impacts.length === 0 ? (
          <p className="mt-3">{t('simulator.retirement.none', { date })}</p>
        ) : (
          <ResultsTable
            label={t('simulator.retirement.tableTitle', { date })}
            columns={retirementColumns.map((column) => ({ key: column, label: t(`simulator.retirement.${column}`) }))}
            testId="retirement-table"
            className="mt-3"
          >
            {impacts.map((impact) => (
              <tr
                key={impact.userId}
                className="border-b border-slate-200 align-top"
                data-user={impact.userPrincipalName}
              >
                <ResultsRowHeader className="break-all">
                  <Link
                    href={`/admin/simulator/${setId}/matrix?${encodeState({ user: impact.userPrincipalName, app: resetAppId, v, asOf: date })}`}
                  >
                    {impact.userPrincipalName}
                  </Link>
                </ResultsRowHeader>
                <td className="p-2">{methods(impact.retiredMethods)}</td>
                <td className="p-2">{methods(impact.usableMethods)}</td>
                <td className="p-2" data-column="reset">
                  {resetAppId === undefined ? (
                    t('simulator.retirement.noResetApp')
                  ) : impact.canResetBefore && !impact.canResetAfter ? (
                    <OutcomeBadge outcome="blocked" label={t('simulator.retirement.resetLost')} />
                  ) : impact.canResetAfter ? (
                    <OutcomeBadge outcome="granted" label={t('simulator.retirement.resetKept')} />
                  ) : (
                    t('simulator.retirement.resetNever')
                  )}
                </td>
                <td className="p-2" data-column="signIn">
                  {impact.lostApplicationIds.length > 0 ? (
                    <OutcomeBadge
                      outcome="blocked"
                      label={t('simulator.retirement.signInLost', {
                        apps: impact.lostApplicationIds.map(appName).join(', '),
                      })}
                    />
                  ) : (
                    t('simulator.retirement.signInKept')
                  )}
                </td>
                <td className="p-2" data-column="register">
                  {impact.keepsMultifactor
                    ? t('simulator.retirement.registerNothing')
                    : impact.register.length > 0
                      ? methods(impact.register)
                      : t('simulator.retirement.registerNone')}
                </td>
              </tr>
            ))}
          </ResultsTable>
        )}
      </section>
    </>
  );
}
