import type { ReactElement } from 'react';
import { requestMessages } from '@/server/i18n/request-messages';
import { loadSimulationContextForAdmin } from '@/server/simulator/simulation-admin';
import { AppErrorPanel } from './app-error-panel';
import { versionOf } from './version-param';

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
      context: Awaited<ReturnType<typeof loadSimulationContextForAdmin>>;
    }
  | { panel: ReactElement };

/**
 * What every page of one policy set starts with: the set id, the query, the translator, and the simulation
 * context for the requested version, loaded with the Portal.Admin check inside the server layer; a refusal or a
 * missing set becomes the error panel (`panel`) that the page returns as is.
 */
export async function loadSetPage({ params, searchParams }: SetPageProps, subpath = ''): Promise<LoadedSetPage> {
  const { setId } = await params;
  const query = await searchParams;
  const { t } = await requestMessages();
  const path = `/admin/simulator/${setId}${subpath}`;
  try {
    const context = await loadSimulationContextForAdmin(setId, versionOf(query));
    return { panel: null, setId, path, query, t, context };
  } catch (error) {
    return { panel: <AppErrorPanel error={error} t={t} returnTo={path} /> };
  }
}
