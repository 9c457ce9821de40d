// The oidc-provider grant for a finished sign-in: OIDC scopes, claims and resource scopes, with the sign-in's evidence.
import { z } from 'zod';
import { resourceOfScope } from '../oidc/provider-configuration';
import type { SignInEvidence } from '../oidc/sign-in-evidence';
import type { Interaction } from './interaction-context';

const oidcScopes = new Set(['openid', 'profile', 'email', 'offline_access']);

// What oidc-provider's consent prompt reports as missing (its types say only "an object"; lib/helpers/interaction
// and the consent check fill these three); anything else it adds is kept and ignored.
const missingGrantSchema = z.looseObject({
  missingOIDCScope: z.array(z.string()).optional(),
  missingOIDCClaims: z.array(z.string()).optional(),
  missingResourceScopes: z.record(z.string(), z.array(z.string())).optional(),
});

export async function createGrant(it: Interaction, accountId: string, evidence: SignInEvidence): Promise<string> {
  const { Grant } = it.mock.provider;
  const existing = it.details.grantId ? await Grant.find(it.details.grantId) : undefined;
  const grant = existing ?? new Grant({ accountId, clientId: it.appId });
  const scopes = String(it.details.params.scope ?? '')
    .split(' ')
    .filter(Boolean);
  const oidc = scopes.filter((s) => oidcScopes.has(s));
  if (oidc.length > 0) grant.addOIDCScope(oidc.join(' '));
  const missing = missingGrantSchema.parse(it.details.prompt.details);
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  const byResource = new Map<string, string[]>();
  for (const s of scopes) {
    const resource = resourceOfScope(s);
    if (resource) byResource.set(resource, [...(byResource.get(resource) ?? []), s]);
  }
  for (const [resource, list] of Object.entries(missing.missingResourceScopes ?? {}))
    byResource.set(resource, [...(byResource.get(resource) ?? []), ...list]);
  for (const [resource, list] of byResource) grant.addResourceScope(resource, [...new Set(list)].join(' '));
  const grantId = await grant.save();
  it.mock.evidence.byGrant.set(grantId, evidence);
  return grantId;
}
