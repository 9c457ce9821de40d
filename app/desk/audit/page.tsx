import { ZodError } from 'zod';
import { auditorRoles } from '@/server/desk/desk-actor';
import { deskPageActor, deskPageDependencies } from '@/server/desk/desk-page-actor';
import { auditChainStatus, queryDeskAudit } from '@/server/desk/query-desk-audit';
import { requestMessages } from '@/server/i18n/request-messages';
import { DeskNav } from '../_components/desk-nav';
import { NoAccess } from '../_components/no-access';

export const dynamic = 'force-dynamic';

const filterFields = ['agent', 'user', 'action', 'from', 'to'] as const;

/** The agent's display name recorded in the entry's details (ids alone are hard to read). */
function actorNameOf(detailsJson: string): string {
  try {
    const details: unknown = JSON.parse(detailsJson);
    return typeof details === 'object' &&
      details !== null &&
      typeof (details as { actorName?: unknown }).actorName === 'string'
      ? (details as { actorName: string }).actorName
      : '';
  } catch {
    return '';
  }
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { t } = await requestMessages();
  const { actor, isAllowed } = await deskPageActor(auditorRoles, '/desk/audit');
  if (!isAllowed) return <NoAccess title={t('errors.forbiddenTitle')} body={t('errors.forbiddenBody')} links={[]} />;
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const deps = deskPageDependencies();
  const chain = await auditChainStatus(deps, actor);
  let result: Awaited<ReturnType<typeof queryDeskAudit>> | null = null;
  let filterError: string | null = null;
  try {
    result = await queryDeskAudit(deps, actor, raw);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    filterError = error.issues[0]?.message ?? t('desk.audit.badFilter');
  }
  const exportQuery = new URLSearchParams(
    Object.entries(result?.filter ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
  ).toString();
  const nav = {
    label: t('desk.nav.label'),
    console: t('desk.nav.console'),
    approvals: t('desk.nav.approvals'),
    audit: t('desk.nav.audit'),
  };
  return (
    <>
      <DeskNav roles={actor.roles} current="audit" labels={nav} />
      <h1 className="text-2xl font-semibold">{t('desk.audit.title')}</h1>
      <p
        role="status"
        data-testid="chain-status"
        className={`mt-3 rounded-lg border p-3 font-medium ${chain.intact ? 'border-green-300 bg-green-50 text-green-900' : 'border-red-400 bg-red-50 text-red-900'}`}
      >
        {chain.intact
          ? t('desk.audit.intact', { count: chain.entries })
          : chain.firstBreak
            ? t('desk.audit.broken', { index: chain.firstBreak.index + 1, count: chain.entries })
            : t('desk.audit.tampered')}
      </p>
      <form
        method="get"
        className="mt-4 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-3 lg:grid-cols-6"
        aria-label={t('desk.audit.filters')}
      >
        {filterFields.map((field) => (
          <div key={field}>
            <label htmlFor={`filter-${field}`} className="block text-sm font-medium">
              {t(`desk.audit.filter.${field}`)}
            </label>
            <input
              id={`filter-${field}`}
              name={field}
              defaultValue={raw[field] ?? ''}
              type={field === 'from' || field === 'to' ? 'date' : 'text'}
              className="mt-1 w-full rounded-lg border border-slate-400 px-2 py-1.5"
            />
          </div>
        ))}
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white">
            {t('desk.audit.apply')}
          </button>
        </div>
      </form>
      {filterError ? (
        <p role="alert" className="mt-3 rounded-lg border border-red-300 bg-red-50 p-2 text-red-900">
          {filterError}
        </p>
      ) : null}
      <p className="mt-3">
        <a href={`/api/desk/audit/export${exportQuery ? `?${exportQuery}` : ''}`} download>
          {t('desk.audit.export')}
        </a>
      </p>
      <div
        className="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
        tabIndex={0}
        role="region"
        aria-label={t('desk.audit.tableLabel')}
      >
        <table className="w-full min-w-[56rem] text-left text-sm">
          <caption className="sr-only">{t('desk.audit.tableLabel')}</caption>
          <thead className="bg-slate-100">
            <tr>
              {['seq', 'time', 'agent', 'user', 'action', 'outcome', 'details'].map((c) => (
                <th key={c} scope="col" className="px-3 py-2 font-semibold">
                  {t(`desk.audit.columns.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(result?.rows ?? []).map((row) => (
              <tr key={row.seq} className="border-t border-slate-200 align-top">
                <td className="px-3 py-2 font-mono">{row.seq}</td>
                <td className="px-3 py-2 whitespace-nowrap">
                  <time dateTime={row.occurredAt.toISOString()}>
                    {row.occurredAt.toISOString().replace('T', ' ').slice(0, 19)}
                  </time>
                </td>
                <td className="px-3 py-2">
                  <span className="block">{actorNameOf(row.detailsJson)}</span>
                  <span className="block font-mono text-xs break-all text-slate-600">{row.actorId}</span>
                </td>
                <td className="px-3 py-2 font-mono text-xs break-all">{row.subjectId}</td>
                <td className="px-3 py-2">{row.action}</td>
                <td className="px-3 py-2">{row.outcome}</td>
                <td className="px-3 py-2 font-mono text-xs break-all">{row.detailsJson}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {result && result.rows.length === 0 ? <p className="p-3 text-slate-700">{t('desk.audit.empty')}</p> : null}
      </div>
    </>
  );
}
