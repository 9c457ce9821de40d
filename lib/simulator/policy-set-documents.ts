// The three Graph documents a policy set holds (policies, named locations, authentication strengths), parsed
// with the engine's own boundary parsers so the portal accepts exactly what the CLI and the mock accept, plus
// Entra's create-time rules. Policies exported for create carry no `id`: one is assigned on import so a
// re-imported export is usable at once (ids are the caller's, `newId`, keeping this module pure).
import { AppError } from '../app-error';
import type { AuthenticationStrengthPolicy } from '../conditional-access/authentication-strength-schema';
import type { NamedLocation } from '../conditional-access/named-location-schema';
import {
  parseAuthenticationStrengthExport,
  parseNamedLocationExport,
  parsePolicyExport,
} from '../conditional-access/parse-input';
import type { ConditionalAccessPolicy } from '../conditional-access/policy-schema';
import { isRecord } from '../is-record';
import { assertEntraPolicyRules, strengthIdsOf } from './entra-policy-rules';

export type PolicySetDocuments = {
  policies: ConditionalAccessPolicy[];
  namedLocations: NamedLocation[];
  authenticationStrengths: AuthenticationStrengthPolicy[];
};

export type RawPolicySetDocuments = { policies: unknown; namedLocations?: unknown; authenticationStrengths?: unknown };

// Export-for-create bodies have no id; give each one before the engine's parser (which requires it) sees it.
// Anything that is neither a list nor a Graph `{ value: [...] }` collection is left for the parser to refuse.
function withIds(json: unknown, newId: () => string): unknown {
  const filled = (items: readonly unknown[]) =>
    items.map((item) => (isRecord(item) && item.id === undefined ? { id: newId(), ...item } : item));
  if (Array.isArray(json)) return filled(json);
  if (isRecord(json) && Array.isArray(json.value)) return { ...json, value: filled(json.value) };
  return json;
}

function prefixOf(json: unknown, index: number): string {
  return Array.isArray(json) ? `$[${index}]` : `$.value[${index}]`;
}

function rejectDuplicateIds(ids: readonly string[], source: string, json: unknown): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id.toLowerCase())) {
      const path = `${prefixOf(json, index)}.id`;
      throw new AppError('INVALID_INPUT', `${source} ${path}: duplicate id "${id}"`, { source, path });
    }
    seen.add(id.toLowerCase());
  });
}

export function parsePolicySetDocuments(raw: RawPolicySetDocuments, newId: () => string): PolicySetDocuments {
  const policiesJson = withIds(raw.policies, newId);
  const policies = parsePolicyExport(policiesJson, 'policies');
  const namedLocations =
    raw.namedLocations === undefined || raw.namedLocations === null
      ? []
      : parseNamedLocationExport(withIds(raw.namedLocations, newId), 'namedLocations');
  const authenticationStrengths =
    raw.authenticationStrengths === undefined || raw.authenticationStrengths === null
      ? []
      : parseAuthenticationStrengthExport(withIds(raw.authenticationStrengths, newId), 'authenticationStrengths');
  rejectDuplicateIds(
    policies.map((p) => p.id),
    'policies',
    policiesJson,
  );
  rejectDuplicateIds(
    namedLocations.map((l) => l.id),
    'namedLocations',
    raw.namedLocations,
  );
  const strengthIds = strengthIdsOf(authenticationStrengths);
  policies.forEach((policy, index) =>
    assertEntraPolicyRules(policy, 'policies', prefixOf(policiesJson, index), strengthIds),
  );
  return { policies, namedLocations, authenticationStrengths };
}

/** One policy from the editor (JSON view or form), validated as the import validates a whole export. */
export function parseSinglePolicy(
  json: unknown,
  strengths: readonly AuthenticationStrengthPolicy[],
): ConditionalAccessPolicy {
  let parsed: ConditionalAccessPolicy[];
  try {
    parsed = parsePolicyExport([json], 'policy');
  } catch (error) {
    // The parser saw a one-element array; report paths relative to the policy itself.
    if (error instanceof AppError && error.details.path?.startsWith('$[0]')) {
      const path = `$${error.details.path.slice(4)}`;
      throw new AppError('INVALID_INPUT', error.message.replace(error.details.path, path), { ...error.details, path });
    }
    throw error;
  }
  const [policy] = parsed;
  if (!policy)
    throw new AppError('INVALID_INPUT', 'policy $: expected a conditionalAccessPolicy object', {
      source: 'policy',
      path: '$',
    });
  assertEntraPolicyRules(policy, 'policy', '$', strengthIdsOf(strengths));
  return policy;
}
