// /admin/simulator/[setId]/findings: the engine's lint, grouped by severity, each finding linking to the
// policies and users involved and carrying the recommended fix.
import Link from 'next/link';
import type { Finding, FindingSeverity } from '@/lib/conditional-access/policy-findings';
import { resetAndDeskApplications } from '@/lib/simulator/scenario-presets';
import { encodeState } from '@/lib/simulator/simulator-url-state';
import { runFindings } from '@/server/simulator/simulation-admin';
import { engineTextTranslator } from '../../_components/engine-text';
import { AsOfNotice } from '../../_components/as-of-notice';
import { SetNav } from '../../_components/set-nav';
import { AsOfField } from '../../_components/sign-in-fields';
import { loadSetPage, type SetPageProps } from '../../_components/load-set-page';

export const dynamic = 'force-dynamic';

const severities: FindingSeverity[] = ['high', 'medium', 'low', 'info'];
const severityStyle: Record<FindingSeverity, { icon: string; className: string }> = {
  high: { icon: '✕', className: 'border-red-700 bg-red-50 text-red-900' },
  medium: { icon: '!', className: 'border-amber-700 bg-amber-50 text-amber-950' },
  low: { icon: 'i', className: 'border-sky-700 bg-sky-50 text-sky-950' },
  info: { icon: 'i', className: 'border-slate-500 bg-slate-50 text-slate-800' },
};
// Findings whose fix is the dedicated reset-portal policy (concept-authentication-strengths).
const resetPortalFixes = new Set(['trustedNetworkMfaExemption', 'sensitiveApplicationWithoutMfa']);
const listedUsers = 12;

export default async function FindingsPage(props: SetPageProps) {
  const loaded = await loadSetPage(props, '/findings');
  if (loaded.panel) return loaded.panel;
  const { setId, t, context, path, invalidAsOf } = loaded;
  const tx = engineTextTranslator(t);
  const { stored, tenant } = context;
  const findings = runFindings(context);
  const isLatest = stored.version === stored.versions[0]?.version;
  const v = isLatest ? undefined : stored.version;
  const policyName = new Map(stored.policies.map((p) => [p.id, p.displayName]));
  const upnOf = new Map(tenant.users.map((u) => [u.id, u.userPrincipalName]));
  const { resetAppId } = resetAndDeskApplications(tenant.source);
  const grouped = severities
    .map((severity) => ({ severity, items: findings.filter((f) => f.severity === severity) }))
    .filter((g) => g.items.length > 0);
  const matrixFor = (finding: Finding, userId: string) =>
    `/admin/simulator/${setId}/matrix?${encodeState({ user: upnOf.get(userId) ?? userId, app: finding.applicationIds?.[0] ?? resetAppId, v, asOf: context.asOf })}`;
  return (
    <>
      <p className="text-sm">
        <Link href={`/admin/simulator/${setId}`}>{stored.policySetName}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold sm:text-3xl">{t('simulator.findings.title')}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{t('simulator.findings.intro', { count: findings.length })}</p>
      <SetNav setId={setId} version={v} asOf={context.asOf} current="findings" t={t} />
      <AsOfNotice asOf={context.asOf} invalid={invalidAsOf} t={t} />
      <form
        method="get"
        action={path}
        className="mt-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4"
        aria-label={t('simulator.retirement.formLabel')}
      >
        {v && <input type="hidden" name="v" value={v} />}
        <AsOfField asOf={context.asOf} t={t} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          {t('simulator.retirement.show')}
        </button>
      </form>
      {grouped.length === 0 && <p className="mt-6">{t('simulator.findings.none')}</p>}
      {grouped.map(({ severity, items }) => (
        <section key={severity} aria-labelledby={`severity-${severity}`} className="mt-6">
          <h2 id={`severity-${severity}`} className="text-lg font-semibold">
            {t(`simulator.findings.severity.${severity}`)} ({items.length})
          </h2>
          <ul className="mt-3 space-y-3">
            {items.map((finding) => (
              <li
                key={finding.id}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-finding={finding.code}
              >
                <p className="flex flex-wrap items-start gap-2">
                  <span
                    className={`inline-flex items-center gap-1 rounded border px-2 py-0.5 text-xs font-semibold ${severityStyle[severity].className}`}
                  >
                    <span aria-hidden="true">{severityStyle[severity].icon}</span>
                    {t(`simulator.findings.severity.${severity}`)}
                  </span>
                  <span className="font-medium">{tx(finding.messageText)}</span>
                </p>
                <p className="mt-2 text-sm">
                  <strong>{t('simulator.findings.fix')}</strong> {tx(finding.recommendationText)}
                </p>
                {finding.policyIds.length > 0 && (
                  <p className="mt-2 text-sm">
                    {t('simulator.findings.policies')}{' '}
                    {finding.policyIds.map((id, k) => (
                      <span key={id}>
                        {k > 0 && ', '}
                        {policyName.has(id) ? (
                          <Link href={`/admin/simulator/${setId}/policies/${encodeURIComponent(id)}`}>
                            {policyName.get(id)}
                          </Link>
                        ) : (
                          id
                        )}
                      </span>
                    ))}
                  </p>
                )}
                {finding.userIds && finding.userIds.length > 0 && (
                  <p className="mt-2 text-sm">
                    {t('simulator.findings.users', { count: finding.userIds.length })}{' '}
                    {finding.userIds.slice(0, listedUsers).map((id, k) => (
                      <span key={id}>
                        {k > 0 && ', '}
                        <Link href={matrixFor(finding, id)}>{upnOf.get(id) ?? id}</Link>
                      </span>
                    ))}
                    {finding.userIds.length > listedUsers &&
                      ` ${t('simulator.findings.more', { count: finding.userIds.length - listedUsers })}`}
                  </p>
                )}
                {resetPortalFixes.has(finding.code) && isLatest && (
                  <p className="mt-3 flex flex-wrap gap-3 text-sm">
                    <Link href={`/admin/simulator/${setId}/policies/new?preset=resetPortalPasswordless`}>
                      {t('simulator.findings.createPolicy')}
                    </Link>
                    <Link
                      href={`/admin/simulator/${setId}/blast-radius?preset=resetPortalPasswordless${resetAppId ? `&app=${resetAppId}` : ''}`}
                    >
                      {t('simulator.findings.previewBlastRadius')}
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
