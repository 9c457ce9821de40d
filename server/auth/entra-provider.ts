import 'server-only';
// next-auth provider for Microsoft Entra ID, written against the OIDC discovery document so the same
// code signs in against real Entra (https://login.microsoftonline.com/{tenant}/v2.0) and the mock
// (https://localhost:4443/{tenant}/v2.0). next-auth's built-in azure-ad provider hard-codes Microsoft's
// host, which would force a test-only branch. PKCE, state and nonce are all checked (ASVS5 10.x).
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { z } from 'zod';
import type { Config } from '../config';

export const entraIdTokenSchema = z.looseObject({
  oid: z.string(),
  tid: z.string(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
  roles: z.array(z.string()).optional(),
  amr: z.array(z.string()).optional(),
  auth_time: z.number().optional(),
});

export type EntraProfile = z.infer<typeof entraIdTokenSchema>;

export function entraProvider(config: Config): OAuthConfig<EntraProfile> {
  return {
    id: 'entra',
    name: 'Microsoft Entra ID',
    type: 'oauth',
    wellKnown: `${config.ENTRA_AUTHORITY_HOST}/${config.ENTRA_TENANT_ID}/v2.0/.well-known/openid-configuration`,
    issuer: `${config.ENTRA_AUTHORITY_HOST}/${config.ENTRA_TENANT_ID}/v2.0`,
    clientId: config.ENTRA_PORTAL_CLIENT_ID,
    clientSecret: config.ENTRA_PORTAL_CLIENT_SECRET,
    authorization: { params: { scope: 'openid profile offline_access' } },
    idToken: true,
    checks: ['pkce', 'state', 'nonce'],
    profile(claims) {
      const profile = entraIdTokenSchema.parse(claims);
      return {
        id: profile.oid,
        name: profile.name ?? profile.preferred_username ?? profile.oid,
        email: profile.preferred_username ?? null,
      };
    },
  };
}
