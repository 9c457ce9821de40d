import 'server-only';
import { getServerSession, type Session } from 'next-auth';
import { AppError } from '../../lib/app-error';
import { authOptions, type PortalRole } from './auth-options';

/** The signed-in portal user, or UNAUTHORIZED. Checked inside the server layer, not only in pages. */
export async function requireSession(): Promise<Session & { oid: string }> {
  const session = await getServerSession(authOptions());
  if (!session?.oid) throw new AppError('UNAUTHORIZED', 'Sign in with Microsoft Entra ID to continue.');
  return { ...session, oid: session.oid };
}

/** The signed-in user if they hold one of `roles` (app roles from the token), else FORBIDDEN. */
export async function requireRole(...roles: PortalRole[]): Promise<Session & { oid: string }> {
  const session = await requireSession();
  if (!session.roles.some((role) => roles.includes(role))) {
    throw new AppError('FORBIDDEN', `This page needs one of these roles: ${roles.join(', ')}.`);
  }
  return session;
}
