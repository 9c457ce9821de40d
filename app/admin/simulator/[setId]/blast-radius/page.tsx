// /admin/simulator/[setId]/blast-radius: every user of the directory through one app and network over the
// chosen flows, for the set, or a draft change or another version against it; results stream in.
import { standardSignInFlows } from '@/lib/conditional-access/standard-flows';
import { recommendedResetPortalPolicy, resetAndDeskApplications } from '@/lib/simulator/scenario-presets';
import { policyForCreate } from '@/lib/simulator/export-for-create';
import { blastRadiusLabelKeys } from '@/lib/simulator/message-keys';
import { BlastRadiusPanel } from '../../_components/blast-radius-panel';
import { labelsFrom } from '../../_components/labels';
import { SetViewHeader } from '../../_components/set-view-header';
import { loadSetPage, type SetPageProps } from '../../_components/load-set-page';

export const dynamic = 'force-dynamic';

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function BlastRadiusPage(props: SetPageProps) {
  const loaded = await loadSetPage(props, '/blast-radius');
  if (loaded.panel) return loaded.panel;
  const { setId, query, t, context, invalidAsOf } = loaded;
  const { stored, tenant, namedLocations } = context;
  const isLatest = stored.version === stored.versions[0]?.version;
  const recommended = JSON.stringify(
    policyForCreate(recommendedResetPortalPolicy(tenant.source, 'draft-reset-portal')),
    null,
    2,
  );
  const preset = first(query.preset) === 'resetPortalPasswordless';
  const apps = (tenant.source.applications ?? []).map((a) => ({ value: a.appId, label: a.displayName }));
  const requestedApp = first(query.app);
  return (
    <>
      <SetViewHeader
        setId={setId}
        setName={stored.policySetName}
        title={t('simulator.blast.title')}
        intro={t('simulator.blast.intro', { users: tenant.users.length.toLocaleString() })}
        current="blast-radius"
        version={isLatest ? undefined : stored.version}
        asOf={context.asOf}
        invalidAsOf={invalidAsOf}
        t={t}
      />
      <BlastRadiusPanel
        setId={setId}
        version={isLatest ? undefined : stored.version}
        asOf={context.asOf}
        apps={apps}
        locations={namedLocations.map((l) => ({ value: l.id, label: l.displayName }))}
        versions={stored.versions.map((v) => v.version).filter((v) => v !== stored.version)}
        flows={standardSignInFlows.map((f) => ({ value: f.id, label: t(`simulator.flows.${f.id}`) }))}
        recommendedPolicyJson={recommended}
        initial={{
          app: apps.some((a) => a.value === requestedApp)
            ? requestedApp
            : resetAndDeskApplications(tenant.source).resetAppId,
          location: first(query.location),
          ip: first(query.ip),
          forgotten: first(query.forgotten) === '1',
          compare: preset ? 'draft' : 'none',
          draft: preset ? recommended : '',
        }}
        labels={labelsFrom(t, 'simulator.blast', blastRadiusLabelKeys)}
      />
    </>
  );
}
