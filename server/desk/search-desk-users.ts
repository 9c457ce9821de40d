import 'server-only';
// Find a user by name, UPN, email or phone (Graph). Audited: who searched for what is part of the
// desk's trail (ASVS5 16.2), and searches are rate-limited per agent against directory harvesting.
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { agentRoles, assertDeskRole, type DeskActor } from './desk-actor';
import { auditDesk } from './desk-audit';
import type { DeskDependencies } from './desk-dependencies';
import type { DeskDirectoryUser } from './desk-directory';

export const deskSearchSchema = z.object({ query: z.string().trim().min(2, 'Type at least 2 characters.').max(120) });

export type DeskSearchResult = Pick<DeskDirectoryUser, 'id' | 'userPrincipalName' | 'displayName' | 'mail'>[];

export async function searchDeskUsers(
  deps: DeskDependencies,
  actor: DeskActor,
  input: unknown,
): Promise<DeskSearchResult> {
  assertDeskRole(actor, agentRoles);
  const { query } = deskSearchSchema.parse(input);
  const limit = await deps.limits.consume('searchPerAgent', actor.oid);
  if (!limit.allowed)
    throw new AppError('RATE_LIMITED', `Too many searches. Try again in ${limit.retryAfterSeconds} s.`);
  const users = await deps.directory.searchUsers(query);
  await auditDesk(deps, actor, { action: 'desk.search', outcome: 'info', details: { query, results: users.length } });
  return users
    .slice(0, 25)
    .map(({ id, userPrincipalName, displayName, mail }) => ({ id, userPrincipalName, displayName, mail }));
}
