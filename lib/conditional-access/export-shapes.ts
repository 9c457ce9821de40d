// The shapes real exports come in, normalised before zod sees them (issue 15, "Real exports"): Graph's
// collection `{"value": [...]}` or a bare array; one entity per file (IntuneManagement and Graph `GET .../{id}`
// write a single object, e.g. j0eyv/ConditionalAccessBaseline); objects wrapped by export tools
// (`{"ExportDate", "SourcePolicyId", "PolicyConfig": {...}}`, Jhope188/ConditionalAccessPolicies); and sanitised
// policies without `id` (published baselines and templates strip it). Every repair is a warning naming the file
// and the index, never a silent change; anything else that is wrong still fails in the schema with its JSON path.
import { engineText, english, type EngineText } from './engine-text';
import { contentHash } from './content-hash';

export type LoadWarningCode = 'unwrappedExport' | 'generatedId' | 'unknownNamedLocationType';

export type LoadWarning = {
  code: LoadWarningCode;
  /** The file (or other source) the item came from. */
  source: string;
  /** JSON path of the item in that source, e.g. `$.value[3]`, `$` for a one-object file. */
  path: string;
  message: string;
  text: EngineText;
};

export type ExportItem = { value: unknown; path: (string | number)[] };

// Keys under which export tools put the Graph object (PolicyConfig: Jhope188's exporter; the others: common
// PowerShell exporters). Matched case-insensitively.
const wrapperKeys = ['policyconfig', 'policy', 'configuration', 'config', 'resource', 'graphobject', 'object'];
// Keys a wrapper may carry the original object id under.
const wrapperIdKeys = ['sourcepolicyid', 'sourceid', 'policyid', 'objectid', 'id'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The items of an export, or null when the document is none of the accepted shapes. */
export function exportItems(json: unknown, isEntity: (value: Record<string, unknown>) => boolean): ExportItem[] | null {
  if (Array.isArray(json)) return json.map((value, i) => ({ value, path: [i] }));
  if (!isObject(json)) return null;
  const { value: items } = json;
  if (Array.isArray(items)) return items.map((value: unknown, i) => ({ value, path: ['value', i] }));
  if (isEntity(json) || wrappedEntity(json, isEntity)) return [{ value: json, path: [] }];
  return null;
}

function wrappedEntity(
  item: Record<string, unknown>,
  isEntity: (value: Record<string, unknown>) => boolean,
): { key: string; inner: Record<string, unknown> } | null {
  if (isEntity(item)) return null;
  for (const [key, inner] of Object.entries(item)) {
    if (wrapperKeys.includes(key.toLowerCase()) && isObject(inner) && isEntity(inner)) return { key, inner };
  }
  return null;
}

export type NormaliseOptions = {
  source: string;
  isEntity: (value: Record<string, unknown>) => boolean;
  /** Generated ids start with this (e.g. `generated-policy-`). */
  idPrefix: string;
  warnings?: LoadWarning[];
  formatPath: (path: readonly (string | number)[]) => string;
};

/** Unwraps tool wrappers and fills a missing `id` with a content hash; each repair adds a warning. */
export function normaliseExportItems(items: readonly ExportItem[], options: NormaliseOptions): ExportItem[] {
  const used = new Set<string>();
  const warn = (code: LoadWarningCode, path: readonly (string | number)[], params: Record<string, string>) => {
    const text = engineText(`load.${code}`, { source: options.source, path: options.formatPath(path), ...params });
    options.warnings?.push({
      code,
      source: options.source,
      path: options.formatPath(path),
      message: english(text),
      text,
    });
  };
  for (const item of items) if (isObject(item.value) && typeof item.value.id === 'string') used.add(item.value.id);
  return items.map((item, index) => {
    if (!isObject(item.value)) return item;
    let value = item.value;
    let path = item.path;
    let wrapperId: string | null = null;
    const wrapped = wrappedEntity(value, options.isEntity);
    if (wrapped) {
      warn('unwrappedExport', path, { key: wrapped.key });
      for (const [key, inner] of Object.entries(value))
        if (wrapperIdKeys.includes(key.toLowerCase()) && typeof inner === 'string' && inner.length > 0)
          wrapperId = inner;
      value = wrapped.inner;
      path = [...path, wrapped.key];
    }
    if (typeof value.id === 'string' && value.id.length > 0) return { value, path };
    if (value.id !== undefined && value.id !== null) return { value, path }; // a wrong type: the schema says so
    let id = wrapperId !== null && !used.has(wrapperId) ? wrapperId : `${options.idPrefix}${contentHash(value)}`;
    if (used.has(id)) id = `${id}-${index}`;
    used.add(id);
    warn('generatedId', path, { id });
    return { value: { ...value, id }, path };
  });
}
