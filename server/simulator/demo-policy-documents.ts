import 'server-only';
// The demo tenant's Conditional Access documents as Graph exports (the same files the CLI, the mock and the
// tests use), for the simulator's "Load the demo policies" action.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { parseStoredJson } from '../database/stored-json';
import { repositoryRoot } from '../repository-root';

// Only the two lists are taken from the tenant file; the engine's parsers check their items on import.
const demoTenantListsSchema = z.looseObject({
  namedLocations: z.array(z.unknown()).optional(),
  authenticationStrengthPolicies: z.array(z.unknown()).optional(),
});

export async function demoPolicyDocuments(fixtures = path.join(repositoryRoot(), 'fixtures')): Promise<{
  policies: string;
  namedLocations: string;
  authenticationStrengths: string;
}> {
  const tenantFile = path.join(fixtures, 'demo-tenant.json');
  const tenant = parseStoredJson(
    demoTenantListsSchema,
    await readFile(tenantFile, 'utf8'),
    'fixtures/demo-tenant.json',
  );
  return {
    policies: await readFile(path.join(fixtures, 'demo-policies-export.json'), 'utf8'),
    namedLocations: JSON.stringify({ value: tenant.namedLocations ?? [] }),
    authenticationStrengths: JSON.stringify({ value: tenant.authenticationStrengthPolicies ?? [] }),
  };
}
