import type { ReactElement } from 'react';
import { requestMessages } from '@/server/i18n/request-messages';
import { loadSimulationContextForAdmin } from '@/server/simulator/simulation-admin';
import { AppErrorPanel } from './app-error-panel';
import { asOfOf, versionOf } from './version-param';

export type SetPageProps = {
  params: Promise<{ setId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
type Translate = Awaited<ReturnType<typeof requestMessages>>['t'];
export type LoadedSetPage =
  | {
      panel: null;
      setId: string;
      path: string;
      query: Record<string, string | string[] | undefined>;
      t: Translate;
      /** A given `asOf` that is not a calendar date (ignored; the page says so). */
      invalidAsOf?: string;
      context: Awaited<ReturnType<typeof loadSimulationContextForAdmin>>;
    }
  | { panel: ReactElement };

/**
 * What every page of one policy set starts with: the set id, the query, the translator, and the simulation
 * context for the requested version (and `asOf` date), loaded with the Portal.Admin check inside the server layer; a refusal or a
 * missing set becomes the error panel (`panel`) that the page returns as is.
 */
export async function loadSetPage({ params, searchParams }: SetPageProps, subpath = ''): Promise<LoadedSetPage> {
  const { setId } = await params;
  const query = await searchParams;
  const { t } = await requestMessages();
  const path = `/admin/simulator/${setId}${subpath}`;
  try {
    const { asOf, invalid } = asOfOf(query);
    const context = await loadSimulationContextForAdmin(setId, versionOf(query), asOf);
    return { panel: null, setId, path, query, t, context, invalidAsOf: invalid };
  } catch (error) {
    return { panel: <AppErrorPanel error={error} t={t} returnTo={path} /> };
  }
}
