// /admin/simulator: the policy sets, import (paste, upload or live from Graph) and the scenario presets.
import Link from 'next/link';
import { listPolicySetsForAdmin } from '@/server/simulator/policy-set-admin';
import { requestMessages } from '@/server/i18n/request-messages';
import { AppErrorPanel } from './_components/app-error-panel';
import { ImportForms, LoadDemoForm, type ImportLabels } from './_components/import-forms';
import { labelsFrom } from './_components/labels';
import { ResultsRowHeader, ResultsTable } from './_components/results-table';

export const dynamic = 'force-dynamic';

const importKeys = [
  'importTitle',
  'name',
  'policies',
  'policiesHelp',
  'namedLocations',
  'authenticationStrengths',
  'optional',
  'orUpload',
  'import',
  'importing',
  'graphTitle',
  'graphHelp',
  'fetch',
  'fetching',
  'signInAgain',
] as const satisfies readonly (keyof ImportLabels)[];

export default async function SimulatorHomePage() {
  const { t, locale } = await requestMessages();
  let sets: Awaited<ReturnType<typeof listPolicySetsForAdmin>>;
  try {
    sets = await listPolicySetsForAdmin();
  } catch (error) {
    return <AppErrorPanel error={error} t={t} returnTo="/admin/simulator" />;
  }
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return (
    <>
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('simulator.home.title')}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t('simulator.home.intro')}</p>
      <section aria-labelledby="sets-title" className="mt-8">
        <h2 id="sets-title" className="text-lg font-semibold">
          {t('simulator.home.setsTitle')}
        </h2>
        {sets.length === 0 ? (
          <>
            <p className="mt-2 text-slate-700">{t('simulator.home.noSets')}</p>
            <LoadDemoForm
              label={t('simulator.home.loadDemo')}
              busyLabel={t('simulator.home.loadingDemo')}
              signInAgain={t('simulator.import.signInAgain')}
              isPrimary
            />
          </>
        ) : (
          <ResultsTable
            label={t('simulator.home.setsTitle')}
            columns={[
              { key: 'name', label: t('simulator.home.name') },
              { key: 'version', label: t('simulator.home.version') },
              { key: 'policyCount', label: t('simulator.home.policyCount') },
              { key: 'updated', label: t('simulator.home.updated') },
            ]}
            className="mt-3"
          >
            {sets.map((set) => (
              <tr key={set.id} className="border-b border-slate-200">
                <ResultsRowHeader>
                  <Link href={`/admin/simulator/${set.id}`}>{set.name}</Link>
                </ResultsRowHeader>
                <td className="p-2">{set.latestVersion}</td>
                <td className="p-2" data-testid="policy-count">
                  {set.policyCount === null ? (
                    <span className="text-red-800">{t('simulator.home.unreadable')}</span>
                  ) : (
                    set.policyCount
                  )}
                </td>
                <td className="p-2">{dates.format(set.updatedAt)} UTC</td>
              </tr>
            ))}
          </ResultsTable>
        )}
        {sets.length > 0 ? (
          <LoadDemoForm
            label={t('simulator.home.loadDemo')}
            busyLabel={t('simulator.home.loadingDemo')}
            signInAgain={t('simulator.import.signInAgain')}
            isPrimary={false}
          />
        ) : null}
      </section>
      <ImportForms labels={labelsFrom(t, 'simulator.import', importKeys)} />
      <section aria-labelledby="presets-title" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="presets-title" className="text-lg font-semibold">
          {t('simulator.presets.title')}
        </h2>
        <p className="mt-1 text-slate-700">{t('simulator.presets.introHome')}</p>
      </section>
    </>
  );
}
