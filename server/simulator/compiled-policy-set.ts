import 'server-only';
// Compiles the directory with a policy-set version (or a draft of it) for the engine. Compiling a 100,000-user
// tenant takes about half a second, so the last few compiled versions are kept in memory; a draft is compiled
// under a key derived from its content (lib: blast-radius-stream), so re-running the same draft is cheap too.
import { compileTenant } from '../../lib/conditional-access/compile-tenant';
import type { CompiledTenant } from '../../lib/conditional-access/compiled-model';
import type { PolicySetDocuments } from '../../lib/simulator/policy-set-documents';
import { directoryVersionKey, loadDirectory } from './load-directory';

// Four: a version, the two dates of a retirement view (the day before and the date) and a draft.
const cacheSize = 4;
// On globalThis: Next.js bundles pages and route handlers separately, and each bundle would otherwise keep its
// own copy of a 100,000-user compiled tenant (measured: the blast-radius route recompiled what the page had).
declare global {
  var verityCompiledPolicySets: Map<string, CompiledTenant> | undefined;
}
const cache = (globalThis.verityCompiledPolicySets ??= new Map<string, CompiledTenant>());

/** `asOf` (YYYY-MM-DD) applies known method retirements from that date, like the CLI's `--as-of`. */
export function compileDocuments(documents: PolicySetDocuments, asOf?: string): CompiledTenant {
  const directory = loadDirectory();
  return compileTenant(directory, {
    asOf: asOf ?? null,
    policies: documents.policies,
    // A policy export alone (the usual case) keeps the directory's named locations and strengths.
    namedLocations: documents.namedLocations.length > 0 ? documents.namedLocations : undefined,
    authenticationStrengthPolicies:
      documents.authenticationStrengths.length > 0 ? documents.authenticationStrengths : undefined,
  });
}

/** The compiled tenant for a stored version or a draft; `versionId` must identify the documents exactly. */
export function compileStoredVersion(versionId: string, documents: PolicySetDocuments, asOf?: string): CompiledTenant {
  loadDirectory();
  const key = `${directoryVersionKey()}|${versionId}|${asOf ?? ''}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const compiled = compileDocuments(documents, asOf);
  cache.set(key, compiled);
  for (const oldest of cache.keys()) {
    if (cache.size <= cacheSize) break;
    cache.delete(oldest);
  }
  return compiled;
}

/** Named locations in effect: the set's own, else the directory's. */
export function effectiveNamedLocations(documents: PolicySetDocuments): PolicySetDocuments['namedLocations'] {
  return documents.namedLocations.length > 0 ? documents.namedLocations : (loadDirectory().namedLocations ?? []);
}
