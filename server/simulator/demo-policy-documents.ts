import 'server-only';
// The demo tenant's Conditional Access documents as Graph exports (the same files the CLI, the mock and the
// tests use), for the simulator's "Load the demo policies" action.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { repositoryRoot } from '../repository-root';
import { z } from 'zod';

export async function demoPolicyDocuments(): Promise<{
  policies: string;
  namedLocations: string;
  authenticationStrengths: string;
}> {
  const fixtures = path.join(repositoryRoot(), 'fixtures');
  const tenant = z
    .object({
      namedLocations: z.array(z.unknown()).optional(),
      authenticationStrengthPolicies: z.array(z.unknown()).optional(),
    })
    .parse(JSON.parse(await readFile(path.join(fixtures, 'demo-tenant.json'), 'utf8')));
  return {
    policies: await readFile(path.join(fixtures, 'demo-policies-export.json'), 'utf8'),
    namedLocations: JSON.stringify({ value: tenant.namedLocations ?? [] }),
    authenticationStrengths: JSON.stringify({ value: tenant.authenticationStrengthPolicies ?? [] }),
  };
}
