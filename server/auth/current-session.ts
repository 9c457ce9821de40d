import 'server-only';
import { getServerSession, type Session } from 'next-auth';
import { authOptions } from './auth-options';

/** The signed-in portal user for display (header, menus), or null. Authorisation uses requireRole. */
export async function currentSession(): Promise<Session | null> {
  return getServerSession(authOptions());
}
