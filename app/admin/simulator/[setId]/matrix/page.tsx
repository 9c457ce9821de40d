// /admin/simulator/[setId]/matrix?user=…&app=…: password + MFA versus passwordless. Rows are sign-in flows,
// columns the scenarios (trusted network / any other network, each with a forgotten password); every cell is
// granted, interrupted (with what), blocked or not possible, in colour AND with an icon and text, and its
// explanation one click away (a <details> disclosure, keyboard operable).
import Link from 'next/link';
import { isAppError } from '@/lib/app-error';
import type { ComparisonMatrix } from '@/lib/conditional-access/comparison-matrix';
import { resetAndDeskApplications } from '@/lib/simulator/scenario-presets';
import { decodeMatrixState, encodeState, type MatrixState } from '@/lib/simulator/simulator-url-state';
import { runMatrix } from '@/server/simulator/simulation-admin';
import { ErrorAlert } from '../../_components/app-error-panel';
import { OutcomeBadge } from '../../_components/outcome-badge';
import { engineTextTranslator } from '../../_components/engine-text';
import { SetViewHeader } from '../../_components/set-view-header';
import { AsOfField, NetworkAndDeviceFields, UserAndAppFields } from '../../_components/sign-in-fields';
import { loadSetPage, type SetPageProps } from '../../_components/load-set-page';
import { ScrollRegion } from '../../_components/scroll-region';

export const dynamic = 'force-dynamic';

export default async function MatrixPage(props: SetPageProps) {
  const loaded = await loadSetPage(props, '/matrix');
  if (loaded.panel) return loaded.panel;
  const { setId, query, t, context, path, invalidAsOf } = loaded;
  const tx = engineTextTranslator(t);
  const { stored, tenant, namedLocations } = context;
  let state: Partial<MatrixState> = { app: resetAndDeskApplications(tenant.source).resetAppId };
  let matrix: ComparisonMatrix | null = null;
  let problem: string | null = null;
  try {
    const decoded = decodeMatrixState(query);
    state = { ...state, ...Object.fromEntries(Object.entries(decoded).filter(([, v]) => v !== undefined)) };
    if (state.user && state.app) matrix = runMatrix(context, { ...state, user: state.user, app: state.app });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error;
    problem = error.message;
  }
  const isLatest = stored.version === stored.versions[0]?.version;
  const policyName = new Map(stored.policies.map((p) => [p.id, p.displayName]));
  const shareQuery = encodeState({ ...state, v: isLatest ? undefined : stored.version, asOf: context.asOf });
  const outcomeLabel = (outcome: string) => t(`simulator.outcome.${outcome}`);
  return (
    <>
      <SetViewHeader
        setId={setId}
        setName={stored.policySetName}
        title={t('simulator.matrix.title')}
        intro={t('simulator.matrix.intro')}
        current="matrix"
        version={isLatest ? undefined : stored.version}
        asOf={context.asOf}
        invalidAsOf={invalidAsOf}
        t={t}
      />

      <form
        method="get"
        action={path}
        className="mt-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2"
        aria-label={t('simulator.matrix.formLabel')}
      >
        {!isLatest && <input type="hidden" name="v" value={stored.version} />}
        <UserAndAppFields tenant={tenant} state={state} t={t} />
        <NetworkAndDeviceFields namedLocations={namedLocations} state={state} t={t} withNetwork={false} />
        <AsOfField asOf={context.asOf} t={t} />
        <div className="sm:col-span-2">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
            {t('simulator.matrix.run')}
          </button>
        </div>
      </form>
      {problem && <ErrorAlert message={problem} />}

      <aside
        className="mt-6 rounded-lg border-l-4 border-brand-700 bg-brand-50 p-4"
        aria-labelledby="first-factor-note"
      >
        <h2 id="first-factor-note" className="font-semibold">
          {t('simulator.matrix.noteTitle')}
        </h2>
        <p className="mt-1 text-sm">{t('simulator.matrix.noteBody')}</p>
      </aside>

      {matrix && (
        <section aria-labelledby="matrix-title" className="mt-6">
          <h2 id="matrix-title" className="text-lg font-semibold">
            {t('simulator.matrix.tableTitle', { user: matrix.userPrincipalName })}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t('simulator.matrix.legend')}</p>
          <ScrollRegion label={t('simulator.matrix.tableTitle', { user: matrix.userPrincipalName })} className="mt-3">
            <table className="w-full min-w-[760px] border-collapse bg-white text-left text-sm" data-testid="matrix">
              <caption className="sr-only">
                {t('simulator.matrix.tableTitle', { user: matrix.userPrincipalName })}
              </caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">
                    {t('simulator.matrix.flow')}
                  </th>
                  {matrix.scenarios.map((s) => (
                    <th key={s.id} scope="col" className="p-2">
                      {t(`simulator.matrix.scenario.${s.id}`)}
                      {s.ipAddress && (
                        <span className="block font-mono text-xs font-normal text-slate-600">{s.ipAddress}</span>
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((row) => (
                  <tr key={row.flow.id} className="border-b border-slate-200 align-top" data-flow={row.flow.id}>
                    <th scope="row" className="p-2 font-medium">
                      {t(`simulator.flows.${row.flow.id}`)}
                    </th>
                    {row.cells.map((cell, i) => {
                      const scenario = matrix.scenarios[i];
                      return (
                        <td
                          key={scenario?.id ?? i}
                          className="p-2"
                          data-scenario={scenario?.id}
                          data-outcome={cell.outcome}
                        >
                          <OutcomeBadge outcome={cell.outcome} label={outcomeLabel(cell.outcome)} />
                          {cell.outcome === 'interrupted' && (
                            <p className="mt-1 text-xs text-slate-800">{tx(cell.summaryText)}</p>
                          )}
                          <details className="mt-1">
                            <summary className="cursor-pointer text-xs text-brand-700 underline">
                              {t('simulator.matrix.why')}
                            </summary>
                            {cell.outcome !== 'interrupted' && <p className="mt-1 text-xs">{tx(cell.summaryText)}</p>}
                            {cell.reasons.length > 1 && (
                              <ul className="mt-1 list-disc pl-4 text-xs">
                                {cell.reasons.slice(1).map((r, k) => (
                                  <li key={k}>{tx(r.text)}</li>
                                ))}
                              </ul>
                            )}
                            {cell.appliedPolicyIds.length > 0 && (
                              <p className="mt-1 text-xs">
                                {t('simulator.matrix.policies')}{' '}
                                {cell.appliedPolicyIds.map((id, k) => (
                                  <span key={id}>
                                    {k > 0 && ', '}
                                    <Link href={`/admin/simulator/${setId}/policies/${encodeURIComponent(id)}`}>
                                      {policyName.get(id) ?? id}
                                    </Link>
                                  </span>
                                ))}
                              </p>
                            )}
                          </details>
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="mt-4 text-sm">
            <label htmlFor="share-url" className="font-medium">
              {t('simulator.share.label')}
            </label>
            <input
              id="share-url"
              readOnly
              value={`${path}?${shareQuery}`}
              className="mt-1 block w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
            />
          </p>
        </section>
      )}
    </>
  );
}
