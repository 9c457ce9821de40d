// Boundary parsers: untrusted JSON in, typed values out, or one AppError('INVALID_INPUT') naming the file
// (`source`) and the JSON path at fault. Used by the CLI, the portal and the mock IdP alike. Repairs of real
// export shapes (export-shapes.ts) and unknown named-location types are reported through `warnings`.
import type { z } from 'zod';
import { AppError } from '../app-error';
import { isOneOf } from '../is-one-of';
import { isRecord } from '../is-record';
import {
  authenticationStrengthPolicySchema,
  type AuthenticationStrengthPolicy,
} from './authentication-strength-schema';
import {
  authenticationMethodsPolicySchema,
  type AuthenticationMethodsPolicy,
} from './authentication-methods-policy-schema';
import { engineText, english } from './engine-text';
import { exportItems, normaliseExportItems, type LoadWarning } from './export-shapes';
import { knownNamedLocationTypes, namedLocationSchema, type NamedLocation } from './named-location-schema';
import { conditionalAccessPolicySchema, type ConditionalAccessPolicy } from './policy-schema';
import { tenantSchema, type Tenant } from './tenant-schema';
import { whatIfRequestSchema, type WhatIfRequest } from './what-if-request-schema';

type Path = readonly PropertyKey[];
type Issue = z.core.$ZodIssue;

export function formatJsonPath(path: Path): string {
  let out = '$';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function valueAt(root: unknown, path: Path): unknown {
  let current = root;
  for (const key of path) {
    if (Array.isArray(current)) current = typeof key === 'number' ? current[key] : undefined;
    else if (isRecord(current)) current = current[String(key)];
    else return undefined;
  }
  return current;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

// The most specific issue: inside unions, the branch that got furthest.
function deepestIssue(issues: readonly Issue[], base: Path = []): { issue: Issue; path: Path } | null {
  let best: { issue: Issue; path: Path } | null = null;
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    let candidate: { issue: Issue; path: Path } = { issue, path };
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      for (const branch of issue.errors) {
        const inner = deepestIssue(branch, path);
        if (inner && inner.path.length > candidate.path.length) candidate = inner;
      }
    }
    if (!best || candidate.path.length > best.path.length) best = candidate;
  }
  return best;
}

function messageFor(issue: Issue, received: unknown): string {
  switch (issue.code) {
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const list = allowed.length > 8 ? `${allowed.slice(0, 8).join(', ')}, ...` : allowed.join(', ');
      return `${describe(received)} is not allowed here (expected one of: ${list})`;
    }
    case 'invalid_type':
      return `expected ${issue.expected}, got ${describe(received)}`;
    case 'invalid_union':
      return `${describe(received)} matches none of the allowed shapes`;
    default:
      return issue.message;
  }
}

function parseWith<T>(schema: z.ZodType<T>, json: unknown, source: string, prefix: Path = []): T {
  let result: z.ZodSafeParseResult<T>;
  try {
    result = schema.safeParse(json);
  } catch (error) {
    // Pathological input (e.g. a stack overflow on absurd nesting) still yields one clear line.
    throw new AppError('INVALID_INPUT', `${source}: could not be read (${messageOf(error)})`, {
      source,
      path: '$',
    });
  }
  if (result.success) return result.data;
  const found = deepestIssue(result.error.issues);
  const relative = found?.path ?? [];
  const fullPath = [...prefix, ...relative];
  const path = formatJsonPath(fullPath);
  const message = found ? messageFor(found.issue, valueAt(json, relative)) : 'is invalid';
  throw new AppError('INVALID_INPUT', `${source} ${path}: ${message}`, { source, path });
}

/** JSON text to a value; a syntax error becomes INVALID_INPUT naming the file. */
export function parseJsonDocument(text: string, source: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch (error) {
    throw new AppError('INVALID_INPUT', `${source}: is not valid JSON (${messageOf(error)})`, {
      source,
      path: '$',
    });
  }
}

const isPolicyEntity = (value: Record<string, unknown>): boolean =>
  typeof value.displayName === 'string' && ('conditions' in value || 'grantControls' in value || 'state' in value);
const isNamedLocationEntity = (value: Record<string, unknown>): boolean =>
  (typeof value['@odata.type'] === 'string' && /NamedLocation$/i.test(value['@odata.type'])) ||
  (typeof value.displayName === 'string' && ('ipRanges' in value || 'countriesAndRegions' in value));
const isStrengthEntity = (value: Record<string, unknown>): boolean =>
  typeof value.displayName === 'string' && 'allowedCombinations' in value;

type CollectionOptions = {
  what: string;
  isEntity: (value: Record<string, unknown>) => boolean;
  idPrefix: string;
  warnings?: LoadWarning[];
};

function parseCollection<T>(schema: z.ZodType<T>, json: unknown, source: string, options: CollectionOptions): T[] {
  // A Graph export is {"@odata.context": ..., "value": [...]}; a bare array, one entity, or one entity wrapped by an
  // export tool are accepted too (export-shapes.ts).
  const items = exportItems(json, options.isEntity);
  if (items === null) {
    throw new AppError(
      'INVALID_INPUT',
      `${source} $: expected a Graph export {"value": [...]}, an array or one object of ${options.what}`,
      { source, path: '$' },
    );
  }
  const normalised = normaliseExportItems(items, {
    source,
    isEntity: options.isEntity,
    idPrefix: options.idPrefix,
    warnings: options.warnings,
    formatPath: formatJsonPath,
  });
  return normalised.map((item) => parseWith(schema, item.value, source, item.path));
}

function rejectDuplicates(values: readonly string[], source: string, pathOf: (i: number) => Path, what: string): void {
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const key = value.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      const path = formatJsonPath(pathOf(i));
      throw new AppError(
        'INVALID_INPUT',
        `${source} ${path}: duplicate ${what} "${value}" (first at ${formatJsonPath(pathOf(first))})`,
        {
          source,
          path,
        },
      );
    }
    seen.set(key, i);
  });
}

export function parseTenant(json: unknown, source: string, warnings?: LoadWarning[]): Tenant {
  const tenant = parseWith(tenantSchema, withNormalisedCollections(json, source, warnings), source);
  rejectDuplicates(
    tenant.users.map((u) => u.id),
    source,
    (i) => ['users', i, 'id'],
    'user id',
  );
  rejectDuplicates(
    tenant.users.map((u) => u.userPrincipalName),
    source,
    (i) => ['users', i, 'userPrincipalName'],
    'userPrincipalName',
  );
  rejectDuplicates(
    tenant.groups.map((g) => g.id),
    source,
    (i) => ['groups', i, 'id'],
    'group id',
  );
  rejectDuplicates(
    tenant.conditionalAccessPolicies.map((p) => p.id),
    source,
    (i) => ['conditionalAccessPolicies', i, 'id'],
    'policy id',
  );
  reportUnknownLocationTypes(tenant.namedLocations, source, ['namedLocations'], warnings);
  return tenant;
}

// The tenant document's policies and named locations may come from a sanitised export too: same repairs.
function withNormalisedCollections(json: unknown, source: string, warnings?: LoadWarning[]): unknown {
  if (!isRecord(json)) return json;
  const document = { ...json };
  const repair = (key: string, isEntity: CollectionOptions['isEntity'], idPrefix: string): void => {
    const items = document[key];
    if (!Array.isArray(items)) return;
    const normalised = normaliseExportItems(
      items.map((value, i) => ({ value, path: [key, i] })),
      { source, isEntity, idPrefix, warnings, formatPath: formatJsonPath },
    );
    document[key] = normalised.map((item) => item.value);
  };
  repair('conditionalAccessPolicies', isPolicyEntity, 'generated-policy-');
  repair('namedLocations', isNamedLocationEntity, 'generated-location-');
  return document;
}

function reportUnknownLocationTypes(
  locations: readonly NamedLocation[],
  source: string,
  prefix: Path,
  warnings?: LoadWarning[],
): void {
  if (!warnings) return;
  locations.forEach((location, i) => {
    const type = location['@odata.type'];
    if (isOneOf(knownNamedLocationTypes, type)) return;
    const path = formatJsonPath([...prefix, i]);
    const text = engineText('load.unknownNamedLocationType', {
      source,
      path,
      type,
      location: location.displayName ?? location.id,
    });
    warnings.push({ code: 'unknownNamedLocationType', source, path, message: english(text), text });
  });
}

/** Policies from an export; repairs (unwrapped tool exports, generated ids) are pushed to `warnings`. */
export function parsePolicyExport(json: unknown, source: string, warnings?: LoadWarning[]): ConditionalAccessPolicy[] {
  return parseCollection(conditionalAccessPolicySchema, json, source, {
    what: 'conditionalAccessPolicy objects',
    isEntity: isPolicyEntity,
    idPrefix: 'generated-policy-',
    warnings,
  });
}

export function parseNamedLocationExport(json: unknown, source: string, warnings?: LoadWarning[]): NamedLocation[] {
  const locations = parseCollection(namedLocationSchema, json, source, {
    what: 'namedLocation objects',
    isEntity: isNamedLocationEntity,
    idPrefix: 'generated-location-',
    warnings,
  });
  reportUnknownLocationTypes(locations, source, Array.isArray(json) ? [] : ['value'], warnings);
  return locations;
}

export function parseAuthenticationStrengthExport(
  json: unknown,
  source: string,
  warnings?: LoadWarning[],
): AuthenticationStrengthPolicy[] {
  return parseCollection(authenticationStrengthPolicySchema, json, source, {
    what: 'authenticationStrengthPolicy objects',
    isEntity: isStrengthEntity,
    idPrefix: 'generated-strength-',
    warnings,
  });
}

/** Graph GET /policies/authenticationMethodsPolicy, as returned (the `@odata.context` is allowed). */
export function parseAuthenticationMethodsPolicy(json: unknown, source: string): AuthenticationMethodsPolicy {
  return parseWith(authenticationMethodsPolicySchema, json, source);
}

export function parseWhatIfRequest(json: unknown, source: string): WhatIfRequest {
  return parseWith(whatIfRequestSchema, json, source);
}

export type { LoadWarning } from './export-shapes';
