// /admin/simulator/[setId]/policies/[policyId] (or /new, optionally ?preset=resetPortalPasswordless): edit one
// policy of the latest version; saving stores a new version.
import Link from 'next/link';
import { builtInAuthenticationStrengths } from '@/lib/conditional-access/built-in-authentication-strengths';
import { policyForCreate } from '@/lib/simulator/export-for-create';
import { recommendedResetPortalPolicy } from '@/lib/simulator/scenario-presets';
import { requestMessages } from '@/server/i18n/request-messages';
import { loadSimulationContextForAdmin } from '@/server/simulator/simulation-admin';
import { AppErrorPanel, ErrorAlert } from '@/app/admin/simulator/_components/app-error-panel';
import { labelsFrom } from '@/app/admin/simulator/_components/labels';
import { PolicyEditor } from '@/app/admin/simulator/_components/policy-editor';
import { policyEditorLabelKeys } from '@/lib/simulator/message-keys';
import { SetNav } from '@/app/admin/simulator/_components/set-nav';
import { AsOfNotice } from '@/app/admin/simulator/_components/as-of-notice';
import { asOfOf } from '@/app/admin/simulator/_components/version-param';
import { setViewHref } from '@/lib/simulator/set-links';

export const dynamic = 'force-dynamic';

type Props = {
  params: Promise<{ setId: string; policyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const maxHintUsers = 50;

function blankPolicy() {
  return {
    displayName: '',
    state: 'enabledForReportingButNotEnforced',
    conditions: {
      users: { includeUsers: ['None'] },
      applications: { includeApplications: [] },
      clientAppTypes: ['all'],
    },
    grantControls: { operator: 'OR', builtInControls: ['mfa'] },
    sessionControls: null,
  };
}

export default async function PolicyEditorPage({ params, searchParams }: Props) {
  const { setId, policyId: rawPolicyId } = await params;
  const query = await searchParams;
  const policyId = decodeURIComponent(rawPolicyId);
  const { t } = await requestMessages();
  // The set's "as of" date applies here too: the editor's tabs, its way back and the page after saving carry it.
  const { asOf, invalid: invalidAsOf } = asOfOf(query);
  let context: Awaited<ReturnType<typeof loadSimulationContextForAdmin>>;
  try {
    context = await loadSimulationContextForAdmin(setId, undefined, asOf);
  } catch (error) {
    return <AppErrorPanel error={error} t={t} returnTo={`/admin/simulator/${setId}/policies/${rawPolicyId}`} />;
  }
  const { stored, tenant, namedLocations } = context;
  const isNew = policyId === 'new';
  const existing = stored.policies.find((p) => p.id === policyId);
  if (!isNew && !existing) return <ErrorAlert message={t('simulator.editor.notFound')} />;
  // A new policy has no id yet: the server assigns one on save. Existing ones keep theirs (and Graph's read-only
  // fields, which export strips).
  const initial =
    existing ??
    (query.preset === 'resetPortalPasswordless'
      ? policyForCreate(recommendedResetPortalPolicy(tenant.source, 'unused'))
      : blankPolicy());
  const strengths = [...builtInAuthenticationStrengths, ...stored.authenticationStrengths].map((s) => ({
    value: s.id,
    label: s.displayName ?? s.id,
  }));
  return (
    <>
      <p className="text-sm">
        <Link href={setViewHref(setId, '', { asOf })}>{stored.policySetName}</Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold sm:text-3xl">
        {isNew
          ? t('simulator.editor.newTitle')
          : t('simulator.editor.editTitle', { name: existing?.displayName ?? '' })}
      </h1>
      <p className="mt-1 max-w-3xl text-slate-700">{t('simulator.editor.intro', { version: stored.version })}</p>
      <SetNav setId={setId} asOf={asOf} current="policies" t={t} />
      <AsOfNotice asOf={asOf} invalid={invalidAsOf} t={t} />
      <PolicyEditor
        setId={setId}
        baseVersion={stored.version}
        asOf={asOf}
        isNew={isNew}
        initial={initial}
        strengths={strengths}
        hints={{
          users: tenant.users.slice(0, maxHintUsers).map((u) => ({ value: u.id, label: u.userPrincipalName })),
          groups: (tenant.source.groups ?? []).slice(0, 200).map((g) => ({ value: g.id, label: g.displayName })),
          applications: (tenant.source.applications ?? []).map((a) => ({ value: a.appId, label: a.displayName })),
          locations: namedLocations.map((l) => ({ value: l.id, label: l.displayName })),
        }}
        labels={labelsFrom(t, 'simulator.editor', policyEditorLabelKeys)}
      />
    </>
  );
}
