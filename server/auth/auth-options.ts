import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import { getConfig } from '../config';
import { entraIdTokenSchema, entraProvider } from './entra-provider';
import { isOneOf } from '@/lib/is-one-of';

export const portalRoles = ['Desk.Agent', 'Desk.Supervisor', 'Desk.Auditor', 'Portal.Admin'] as const;
export type PortalRole = (typeof portalRoles)[number];

/** Portal sign-in (desk, account, admin). Roles come from the ID token's app roles (`roles` claim). */
export function authOptions(): NextAuthOptions {
  const config = getConfig();
  const secure = config.APP_ORIGIN.startsWith('https://');
  return {
    secret: config.AUTH_SECRET,
    providers: [entraProvider(config)],
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    useSecureCookies: secure,
    pages: { signIn: '/signin', signOut: '/signout', error: '/signin' },
    callbacks: {
      jwt({ token, profile }) {
        if (profile) {
          const claims = entraIdTokenSchema.parse(profile);
          token.oid = claims.oid;
          token.roles = (claims.roles ?? []).filter((role): role is PortalRole => isOneOf(portalRoles, role));
          token.amr = claims.amr ?? [];
          token.authTime = claims.auth_time ?? null;
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          oid: token.oid,
          roles: token.roles ?? [],
          amr: token.amr ?? [],
          authTime: token.authTime ?? null,
        };
      },
    },
  };
}
