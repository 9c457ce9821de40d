// /admin/simulator/[setId]: one version of a policy set: its policies (state, controls), versions, export,
// the editor and the scenario presets.
import Link from 'next/link';
import { builtInAuthenticationStrengths } from '@/lib/conditional-access/built-in-authentication-strengths';
import { grantOperator, grantTokens, type ControlToken } from '@/lib/simulator/policy-summary';
import { scenarioPreset, scenarioPresetIds } from '@/lib/simulator/scenario-presets';
import { encodeState } from '@/lib/simulator/simulator-url-state';
import { policyEditorHref } from '@/lib/simulator/set-links';
import { AsOfNotice } from '../_components/as-of-notice';
import { SetNav } from '../_components/set-nav';
import { loadSetPage, type SetPageProps } from '../_components/load-set-page';
import { ResultsRowHeader, ResultsTable } from '../_components/results-table';

export const dynamic = 'force-dynamic';

const stateStyles: Record<string, string> = {
  enabled: 'border-emerald-700 text-emerald-900',
  enabledForReportingButNotEnforced: 'border-amber-700 text-amber-950',
  disabled: 'border-slate-500 text-slate-700',
};

export default async function PolicySetPage(props: SetPageProps) {
  const loaded = await loadSetPage(props, '');
  if (loaded.panel) return loaded.panel;
  const { setId, query, t, context } = loaded;
  const { stored, tenant, namedLocations } = context;
  const isLatest = stored.version === stored.versions[0]?.version;
  const strengthNames = new Map(
    [...builtInAuthenticationStrengths, ...stored.authenticationStrengths].map((s) => [s.id, s.displayName ?? s.id]),
  );
  const tokenText = (token: ControlToken): string => {
    if (token.kind === 'builtIn') return t(`simulator.controls.${token.name}`);
    if (token.kind === 'strength') return t('simulator.controls.strength', { name: token.name });
    if (token.kind === 'session') return t(`simulator.controls.${token.name}`);
    return t(`simulator.controls.${token.kind}`, { count: token.count });
  };
  const trusted = namedLocations.find(
    (l) => l['@odata.type'] === '#microsoft.graph.ipNamedLocation' && l.isTrusted === true,
  );
  const exportHref = (kind: string) =>
    `/api/admin/simulator/policy-sets/${setId}/export?kind=${kind}&v=${stored.version}`;
  return (
    <>
      <p className="text-sm">
        <Link href="/admin/simulator">{t('simulator.home.back')}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold sm:text-3xl">{stored.policySetName}</h1>
      <p className="mt-1 text-slate-700">
        {t('simulator.set.versionLine', { version: stored.version, count: stored.policies.length })}
      </p>
      {query.saved === '1' && (
        <p role="status" className="mt-3 rounded border border-emerald-700 bg-emerald-50 p-3 text-emerald-900">
          {t('simulator.set.saved', { version: stored.version })}
        </p>
      )}
      <SetNav
        setId={setId}
        version={isLatest ? undefined : stored.version}
        asOf={context.asOf}
        current="policies"
        t={t}
      />
      <AsOfNotice asOf={context.asOf} invalid={loaded.invalidAsOf} t={t} />

      <section aria-labelledby="policies-title" className="mt-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="policies-title" className="text-lg font-semibold">
            {t('simulator.set.policiesTitle')}
          </h2>
          {isLatest && (
            <Link
              className="rounded bg-brand-700 px-3 py-2 text-sm font-medium text-white! no-underline"
              href={policyEditorHref(setId, 'new', { asOf: context.asOf })}
            >
              {t('simulator.set.newPolicy')}
            </Link>
          )}
        </div>
        {!isLatest && <p className="mt-2 text-sm text-slate-700">{t('simulator.set.oldVersion')}</p>}
        <ResultsTable
          label={t('simulator.set.policiesTitle')}
          columns={[
            { key: 'name', label: t('simulator.set.policyName') },
            { key: 'state', label: t('simulator.set.state') },
            { key: 'controls', label: t('simulator.set.controls') },
          ]}
          className="mt-3"
        >
          {stored.policies.map((policy) => {
            const operator = grantOperator(policy);
            const compiled = tenant.policies.find((p) => p.id === policy.id);
            return (
              <tr key={policy.id} id={`policy-${policy.id}`} className="border-b border-slate-200 align-top">
                <ResultsRowHeader>
                  {isLatest ? (
                    <Link href={policyEditorHref(setId, policy.id, { asOf: context.asOf })}>{policy.displayName}</Link>
                  ) : (
                    policy.displayName
                  )}
                  {compiled?.invalidReason && (
                    <span className="mt-1 block text-xs font-normal text-red-800">
                      {t('simulator.set.invalid')}: {compiled.invalidReason}
                    </span>
                  )}
                </ResultsRowHeader>
                <td className="p-2">
                  <span
                    className={`inline-block rounded border px-2 py-0.5 text-xs font-medium ${stateStyles[policy.state] ?? ''}`}
                  >
                    {t(`simulator.state.${policy.state}`)}
                  </span>
                </td>
                <td className="p-2">
                  {grantTokens(policy, (id) => strengthNames.get(id) ?? id)
                    .map(tokenText)
                    .join(
                      operator === 'AND'
                        ? ` ${t('simulator.controls.and')} `
                        : operator === 'OR'
                          ? ` ${t('simulator.controls.or')} `
                          : ', ',
                    ) || t('simulator.controls.none')}
                </td>
              </tr>
            );
          })}
        </ResultsTable>
      </section>

      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <section aria-labelledby="export-title" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="export-title" className="text-lg font-semibold">
            {t('simulator.set.exportTitle')}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t('simulator.set.exportHelp')}</p>
          <ul className="mt-3 list-disc pl-5">
            <li>
              <a href={exportHref('policies')} download>
                {t('simulator.set.exportPolicies')}
              </a>
            </li>
            <li>
              <a href={exportHref('namedLocations')} download>
                {t('simulator.set.exportNamedLocations')}
              </a>
            </li>
            <li>
              <a href={exportHref('authenticationStrengths')} download>
                {t('simulator.set.exportStrengths')}
              </a>
            </li>
          </ul>
        </section>
        <section aria-labelledby="versions-title" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="versions-title" className="text-lg font-semibold">
            {t('simulator.set.versionsTitle')}
          </h2>
          <ol className="mt-3 space-y-1 text-sm">
            {stored.versions.map((v) => (
              <li key={v.version}>
                {v.version === stored.version ? (
                  <strong aria-current="true">{t('simulator.set.versionItem', { version: v.version })}</strong>
                ) : (
                  <Link href={`/admin/simulator/${setId}?v=${v.version}`}>
                    {t('simulator.set.versionItem', { version: v.version })}
                  </Link>
                )}
                {v.comment && <span className="text-slate-700"> — {v.comment}</span>}
              </li>
            ))}
          </ol>
        </section>
      </div>

      <section aria-labelledby="presets-title" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="presets-title" className="text-lg font-semibold">
          {t('simulator.presets.title')}
        </h2>
        <ul className="mt-3 space-y-4">
          {scenarioPresetIds.map((id) => {
            const preset = scenarioPreset(id, tenant.source, trusted?.id);
            const query =
              preset.view === 'blast-radius'
                ? new URLSearchParams(preset.query).toString()
                : encodeState({ ...preset.query, v: isLatest ? undefined : stored.version });
            return (
              <li key={id}>
                <h3 className="font-medium">
                  <Link href={`/admin/simulator/${setId}/${preset.view}?${query}`}>
                    {t(`simulator.presets.${id}.title`)}
                  </Link>
                </h3>
                <p className="text-sm text-slate-700">{t(`simulator.presets.${id}.body`)}</p>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
