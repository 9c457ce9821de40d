// Graph JSON that Entra accepts on create (POST /identity/conditionalAccess/policies, /namedLocations,
// /authenticationStrength/policies): read-only properties removed (id, createdDateTime, modifiedDateTime,
// templateId, OData annotations) and an expanded authentication strength reduced to the `{ "id" }` reference
// the create call takes (Graph: conditionalaccesspolicy "Create"; conditionalaccessgrantcontrols).
// Built-in strengths exist in every tenant and are not exported.
import type { AuthenticationStrengthPolicy } from '../conditional-access/authentication-strength-schema';
import type { NamedLocation } from '../conditional-access/named-location-schema';
import type { ConditionalAccessPolicy } from '../conditional-access/policy-schema';

const readOnlyKeys = new Set(['id', 'createdDateTime', 'modifiedDateTime', 'templateId', 'deletedDateTime']);

function withoutReadOnly(value: Record<string, unknown>, extra: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (readOnlyKeys.has(key) || extra.includes(key) || key.includes('@odata.context') || key === '@odata.etag')
      continue;
    out[key] = item;
  }
  return out;
}

export function policyForCreate(policy: ConditionalAccessPolicy): Record<string, unknown> {
  const body = withoutReadOnly(policy);
  const grant = policy.grantControls;
  if (grant) {
    const grantBody = withoutReadOnly(grant, ['authenticationStrength']);
    grantBody.authenticationStrength = grant.authenticationStrength ? { id: grant.authenticationStrength.id } : null;
    body.grantControls = grantBody;
  }
  return body;
}

export function namedLocationForCreate(location: NamedLocation): Record<string, unknown> {
  return withoutReadOnly(location);
}

export function authenticationStrengthForCreate(strength: AuthenticationStrengthPolicy): Record<string, unknown> {
  // policyType and requirementsSatisfied are computed by Entra (Graph: authenticationstrengthpolicy).
  return withoutReadOnly(strength, ['policyType', 'requirementsSatisfied', 'combinationConfigurations']);
}

export type ExportKind = 'policies' | 'namedLocations' | 'authenticationStrengths';

export function exportForCreate(
  kind: ExportKind,
  documents: {
    policies: readonly ConditionalAccessPolicy[];
    namedLocations: readonly NamedLocation[];
    authenticationStrengths: readonly AuthenticationStrengthPolicy[];
  },
): { value: Record<string, unknown>[] } {
  if (kind === 'policies') return { value: documents.policies.map(policyForCreate) };
  if (kind === 'namedLocations') return { value: documents.namedLocations.map(namedLocationForCreate) };
  return {
    value: documents.authenticationStrengths
      .filter((s) => s.policyType !== 'builtIn')
      .map(authenticationStrengthForCreate),
  };
}
