import { ZodError } from 'zod';
import { isRecord } from '@/lib/is-record';
import { auditorRoles } from '@/server/desk/desk-actor';
import { deskPageActor, deskPageDependencies } from '@/server/desk/desk-page-actor';
import { auditSubjectNames } from '@/server/desk/audit-subject-names';
import { auditChainStatus, queryDeskAudit } from '@/server/desk/query-desk-audit';
import { requestMessages } from '@/server/i18n/request-messages';
import { auditActionLabel } from '../_components/audit-labels';
import { DeskNav } from '../_components/desk-nav';
import { NoAccess } from '../_components/no-access';

export const dynamic = 'force-dynamic';

const filterFields = ['agent', 'user', 'action', 'from', 'to'] as const;

function detailsOf(detailsJson: string): Record<string, unknown> {
  try {
    const details: unknown = JSON.parse(detailsJson);
    return isRecord(details) ? details : {};
  } catch {
    return {};
  }
}

/** The agent's display name recorded in the entry's details (ids alone are hard to read). */
function actorNameOf(details: Record<string, unknown>): string {
  return typeof details.actorName === 'string' ? details.actorName : '';
}

function detailText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { t, locale } = await requestMessages();
  const { actor, isAllowed } = await deskPageActor(auditorRoles, '/desk/audit');
  if (!isAllowed) return <NoAccess t={t} returnTo="/desk/audit" links={[]} />;
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
  const subjectNames = await auditSubjectNames(
    deps,
    (result?.rows ?? []).map((row) => row.subjectId),
  );
  const detailName = (key: string) => {
    const label = t(`desk.audit.detailNames.${key}`);
    return label === `desk.audit.detailNames.${key}` ? key : label;
  };
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
              aria-describedby={field === 'user' ? 'filter-user-hint' : undefined}
              className="mt-1 w-full rounded-lg border border-slate-400 px-2 py-1.5"
            />
            {field === 'user' ? (
              <p id="filter-user-hint" className="mt-1 text-xs text-slate-600">
                {t('desk.audit.userHint')}
              </p>
            ) : null}
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
            {(result?.rows ?? []).map((row) => {
              const details = detailsOf(row.detailsJson);
              const shown = Object.entries(details).filter(([key]) => key !== 'actorName');
              const subjectName = row.subjectId ? subjectNames.get(row.subjectId) : undefined;
              return (
                <tr key={row.seq} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 font-mono">{row.seq}</td>
                  <td className="px-3 py-2 whitespace-nowrap">
                    <time dateTime={row.occurredAt.toISOString()}>
                      {row.occurredAt.toLocaleString(locale, {
                        dateStyle: 'medium',
                        timeStyle: 'medium',
                        timeZone: 'UTC',
                      })}{' '}
                      UTC
                    </time>
                  </td>
                  <td className="px-3 py-2">
                    {row.actorId ? (
                      <span title={t('desk.audit.idTitle', { id: row.actorId })}>
                        {actorNameOf(details) || row.actorId}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    {row.subjectId ? (
                      <span
                        title={t('desk.audit.idTitle', { id: row.subjectId })}
                        className={subjectName ? '' : 'font-mono text-xs break-all'}
                      >
                        {subjectName ?? row.subjectId}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">
                    <span title={row.action}>{auditActionLabel(t, row.action, 'desk.')}</span>
                  </td>
                  <td className="px-3 py-2">{t(`desk.auditOutcomes.${row.outcome}`)}</td>
                  <td className="px-3 py-2">
                    {shown.length === 0 ? (
                      <span className="text-slate-600">{t('desk.audit.noDetails')}</span>
                    ) : (
                      <dl className="grid grid-cols-[max-content_1fr] gap-x-2 text-xs">
                        {shown.map(([key, value]) => (
                          <div key={key} className="contents">
                            <dt className="font-medium text-slate-700">{detailName(key)}</dt>
                            <dd className="break-all">{detailText(value)}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {result && result.rows.length === 0 ? <p className="p-3 text-slate-700">{t('desk.audit.empty')}</p> : null}
      </div>
    </>
  );
}
