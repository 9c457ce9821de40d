import 'server-only';
// The auditors' view of the log: filter by agent, user, action and date; export CSV; and whether the
// hash chain is intact (server/audit/verify-audit-chain.ts). Reading the log is itself audited on export.
import { z } from 'zod';
import { auditCsv } from '../../lib/desk/audit-csv';
import { verifyAuditChain, type AuditChainReport } from '../audit/verify-audit-chain';
import { assertDeskRole, auditorRoles, type DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import type { DeskDependencies } from './desk-dependencies';

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
      ctx.addIssue({ code: 'custom', message: 'Use a date like 2026-11-26.' });
      return z.NEVER;
    }
    return v;
  });

export const auditFilterSchema = z.object({
  agent: optionalText,
  user: optionalText,
  action: optionalText,
  from: optionalDate,
  to: optionalDate,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

// Entra object ids are GUIDs; anything else in the user filter is a name, username or email to look up.
const objectIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The subject ids the user filter means: the value itself as an id, plus the directory's matches for a name,
 * username or email (at most 20). */
async function subjectIdsFor(deps: DeskDependencies, user: string | undefined): Promise<string[] | undefined> {
  if (!user) return undefined;
  if (objectIdPattern.test(user)) return [user];
  return [user, ...(await deps.directory.searchUsers(user)).slice(0, 20).map((match) => match.id)];
}

function whereFor(filter: AuditFilter, subjectIds: string[] | undefined) {
  return {
    ...(filter.agent ? { actorId: filter.agent } : {}),
    ...(subjectIds ? { subjectId: { in: subjectIds } } : {}),
    ...(filter.action ? { action: { startsWith: filter.action } } : {}),
    ...(filter.from || filter.to
      ? {
          occurredAt: {
            ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}),
            ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

export async function queryDeskAudit(deps: DeskDependencies, actor: DeskActor, input: unknown, limit = 200) {
  assertDeskRole(actor, auditorRoles);
  const filter = auditFilterSchema.parse(input);
  const where = whereFor(filter, await subjectIdsFor(deps, filter.user));
  const rows = await deps.db.auditEvent.findMany({ where, orderBy: { seq: 'desc' }, take: limit });
  return { filter, rows };
}

export async function auditChainStatus(deps: DeskDependencies, actor: DeskActor): Promise<AuditChainReport> {
  assertDeskRole(actor, auditorRoles);
  return verifyAuditChain(deps.db);
}

export async function exportDeskAuditCsv(deps: DeskDependencies, actor: DeskActor, input: unknown): Promise<string> {
  const { filter, rows } = await queryDeskAudit(deps, actor, input, 50_000);
  await auditDesk(deps, actor, {
    action: 'desk.audit.exported',
    outcome: 'info',
    details: { rows: rows.length, filter: JSON.stringify(filter) },
  });
  return auditCsv([...rows].reverse());
}
