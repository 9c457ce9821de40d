import 'server-only';
// The signed-in desk user as the server functions see it. Every desk function checks the role itself
// (assertDeskRole), so a direct POST to a route or server action cannot skip the check done in a page.
import { AppError } from '../../lib/app-error';
import type { PortalRole } from '../auth/auth-options';

export type DeskActor = {
  oid: string;
  name: string;
  roles: readonly PortalRole[];
  ip: string | null;
  userAgent: string | null;
  /** The agent's own sign-in: `auth_time` (seconds) and `amr`, for MFA freshness before sensitive actions. */
  authTime?: number | null;
  amr?: readonly string[];
};

export const agentRoles: readonly PortalRole[] = ['Desk.Agent', 'Desk.Supervisor'];
export const supervisorRoles: readonly PortalRole[] = ['Desk.Supervisor'];
export const auditorRoles: readonly PortalRole[] = ['Desk.Auditor', 'Desk.Supervisor'];

export function hasDeskRole(actor: Pick<DeskActor, 'roles'>, roles: readonly PortalRole[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

export function assertDeskRole(actor: Pick<DeskActor, 'roles'>, roles: readonly PortalRole[]): void {
  if (!hasDeskRole(actor, roles))
    throw new AppError('FORBIDDEN', `This needs one of these roles: ${roles.join(', ')}.`);
}
