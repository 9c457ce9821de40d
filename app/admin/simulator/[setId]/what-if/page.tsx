// /admin/simulator/[setId]/what-if?user=…&app=…: Entra's What If for a stored policy set. Every policy with
// applies / does not apply and the first unmet condition, then the grant and session controls that result.
// The URL is the whole state (shareable); the request body shown is what `verity-ca what-if --request` takes.
import Link from 'next/link';
import { isAppError } from '@/lib/app-error';
import { resetAndDeskApplications } from '@/lib/simulator/scenario-presets';
import { decodeWhatIfState, encodeState, type WhatIfState } from '@/lib/simulator/simulator-url-state';
import { runWhatIf, type WhatIfView } from '@/server/simulator/simulation-admin';
import { ErrorAlert } from '../../_components/app-error-panel';
import { OutcomeBadge } from '../../_components/outcome-badge';
import { engineTextTranslator } from '../../_components/engine-text';
import { SetViewHeader } from '../../_components/set-view-header';
import { AsOfField, NetworkAndDeviceFields, TargetFields, UserAndAppFields } from '../../_components/sign-in-fields';
import { loadSetPage, type SetPageProps } from '../../_components/load-set-page';
import { ResultsRowHeader, ResultsTable } from '../../_components/results-table';

export const dynamic = 'force-dynamic';

export default async function WhatIfPage(props: SetPageProps) {
  const loaded = await loadSetPage(props, '/what-if');
  if (loaded.panel) return loaded.panel;
  const { setId, query, t, context, path, invalidAsOf } = loaded;
  const tx = engineTextTranslator(t);
  const { stored, tenant, namedLocations } = context;
  let state: Partial<WhatIfState> = { app: resetAndDeskApplications(tenant.source).resetAppId };
  let view: WhatIfView | null = null;
  let problem: string | null = null;
  try {
    const decoded = decodeWhatIfState(query);
    state = { ...state, ...Object.fromEntries(Object.entries(decoded).filter(([, v]) => v !== undefined)) };
    if (decoded.user) view = runWhatIf(context, { ...decoded, app: decoded.app ?? state.app });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error;
    problem = error.message;
  }
  const isLatest = stored.version === stored.versions[0]?.version;
  const shareQuery = encodeState({ ...state, v: isLatest ? undefined : stored.version, asOf: context.asOf });
  const grant = view?.grant;
  return (
    <>
      <SetViewHeader
        setId={setId}
        setName={stored.policySetName}
        title={t('simulator.whatIf.title')}
        intro={t('simulator.whatIf.intro')}
        current="what-if"
        version={isLatest ? undefined : stored.version}
        asOf={context.asOf}
        invalidAsOf={invalidAsOf}
        t={t}
      />

      <form
        method="get"
        action={path}
        className="mt-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2"
        aria-label={t('simulator.whatIf.formLabel')}
      >
        {!isLatest && <input type="hidden" name="v" value={stored.version} />}
        <UserAndAppFields tenant={tenant} state={state} t={t} />
        <TargetFields state={state} t={t} />
        <NetworkAndDeviceFields namedLocations={namedLocations} state={state} t={t} />
        <AsOfField asOf={context.asOf} t={t} />
        <div className="sm:col-span-2">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
            {t('simulator.whatIf.run')}
          </button>
        </div>
      </form>
      {problem && <ErrorAlert message={problem} />}

      {view && grant && (
        <>
          <section
            aria-labelledby="result-title"
            className="mt-8 rounded-lg border border-slate-200 bg-white p-5"
            data-testid="what-if-summary"
          >
            <h2 id="result-title" className="text-lg font-semibold">
              {t('simulator.whatIf.resultTitle')}
            </h2>
            <p className="mt-2">
              {grant.isBlocked ? (
                <OutcomeBadge outcome="blocked" label={t('simulator.whatIf.blocked')} />
              ) : grant.requirements.length === 0 ? (
                <OutcomeBadge outcome="granted" label={t('simulator.whatIf.noRequirement')} />
              ) : (
                <OutcomeBadge
                  outcome="interrupted"
                  label={t('simulator.whatIf.requires', {
                    requirements: grant.requirementTexts.map(tx).join(` ${t('simulator.controls.and')} `),
                  })}
                />
              )}
            </p>
            <h3 className="mt-4 font-medium">{t('simulator.whatIf.sessionTitle')}</h3>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {grant.sessionControls.signInFrequency && (
                <li>
                  {grant.sessionControls.signInFrequency.frequencyInterval === 'everyTime'
                    ? t('simulator.whatIf.signInEveryTime')
                    : t('simulator.whatIf.signInFrequency', {
                        value: grant.sessionControls.signInFrequency.value ?? '',
                        unit: grant.sessionControls.signInFrequency.type ?? '',
                      })}
                </li>
              )}
              {grant.sessionControls.persistentBrowser && (
                <li>{t(`simulator.whatIf.persistentBrowser_${grant.sessionControls.persistentBrowser.mode}`)}</li>
              )}
              {!grant.sessionControls.signInFrequency && !grant.sessionControls.persistentBrowser && (
                <li>{t('simulator.whatIf.noSession')}</li>
              )}
            </ul>
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
            {state.target === 'app' || state.target === undefined ? (
              <p className="mt-3 text-sm">
                <Link
                  href={`/admin/simulator/${setId}/matrix?${encodeState({ user: state.user, app: state.app, platform: state.platform, client: state.client, v: isLatest ? undefined : stored.version, asOf: context.asOf })}`}
                >
                  {t('simulator.whatIf.openMatrix')}
                </Link>
              </p>
            ) : null}
          </section>

          <section aria-labelledby="policies-title" className="mt-6">
            <h2 id="policies-title" className="text-lg font-semibold">
              {t('simulator.whatIf.policiesTitle')}
            </h2>
            <ResultsTable
              label={t('simulator.whatIf.policiesTitle')}
              columns={[
                { key: 'name', label: t('simulator.set.policyName') },
                { key: 'state', label: t('simulator.set.state') },
                { key: 'applies', label: t('simulator.whatIf.applies') },
                { key: 'reason', label: t('simulator.whatIf.reason') },
              ]}
              testId="what-if-table"
              className="mt-3"
            >
              {view.policies.map((policy) => (
                <tr
                  key={policy.id}
                  className="border-b border-slate-200 align-top"
                  data-policy-id={policy.id}
                  data-applies={String(policy.policyApplies)}
                  data-analysis-reasons={policy.analysisReasons}
                >
                  <ResultsRowHeader>{policy.displayName}</ResultsRowHeader>
                  <td className="p-2">{t(`simulator.state.${policy.state}`)}</td>
                  <td className="p-2">
                    {policy.policyApplies ? (
                      <OutcomeBadge outcome="interrupted" label={t('simulator.whatIf.appliesYes')} />
                    ) : (
                      <OutcomeBadge outcome="notApplicable" label={t('simulator.whatIf.appliesNo')} />
                    )}
                  </td>
                  <td className="p-2">
                    {tx(policy.explanationText)}
                    {!policy.policyApplies && (
                      <span className="block font-mono text-xs text-slate-600">{policy.analysisReasons}</span>
                    )}
                  </td>
                </tr>
              ))}
            </ResultsTable>
          </section>

          <details className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">{t('simulator.whatIf.requestJson')}</summary>
            <pre className="mt-2 whitespace-pre-wrap break-all text-xs" data-testid="what-if-request">
              {JSON.stringify(view.request, null, 2)}
            </pre>
          </details>
        </>
      )}
    </>
  );
}
