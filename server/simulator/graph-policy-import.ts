import 'server-only';
// Fetches the live Conditional Access configuration with the portal app's client credentials (application
// permission Policy.Read.All): policies, named locations and authentication strengths
// (Graph: list conditionalAccessPolicies / namedLocations / authenticationStrengthPolicies), following
// @odata.nextLink pages, and stores it as a new policy set.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../lib/app-error';
import { parsePolicySetDocuments } from '../../lib/simulator/policy-set-documents';
import { requireActorRole } from '../auth/require-actor-role';
import { getConfig } from '../config';
import { graphRequest } from '../graph/graph-client';
import { assertFreshAdminMfa } from './admin-step-up';
import { storeNewSet, type AdminImportContext } from './policy-set-admin';
import { isRecord } from '@/lib/is-record';

const pageSchema = z.looseObject({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });
const maxPages = 50;

async function readAll(path: string): Promise<unknown[]> {
  const items: unknown[] = [];
  let next: string | undefined = path;
  const base = getConfig().GRAPH_BASE_URL.replace(/\/$/, '');
  for (let page = 0; next !== undefined && page < maxPages; page++) {
    const response: z.infer<typeof pageSchema> = await graphRequest('GET', next, { schema: pageSchema });
    items.push(...response.value);
    const link = response['@odata.nextLink'];
    // Only follow links back to the configured Graph host: never send the app token elsewhere.
    if (link !== undefined && !link.startsWith(`${base}/`))
      throw new AppError('UPSTREAM_ERROR', 'Graph returned a next page on another host; stopped.');
    next = link?.slice(base.length);
  }
  return items;
}

export async function importPolicySetFromGraphForAdmin(
  context: AdminImportContext,
  name: string,
): Promise<{ id: string; version: number }> {
  const session = requireActorRole(context, 'Portal.Admin');
  const freshness = assertFreshAdminMfa(context);
  const [policies, namedLocations, strengths] = await Promise.all([
    readAll('/identity/conditionalAccess/policies'),
    readAll('/identity/conditionalAccess/namedLocations'),
    readAll('/identity/conditionalAccess/authenticationStrength/policies'),
  ]);
  const documents = parsePolicySetDocuments(
    {
      policies,
      namedLocations,
      authenticationStrengths: strengths.filter((s) => !(isRecord(s) && s.policyType === 'builtIn')),
    },
    randomUUID,
  );
  return storeNewSet(
    context,
    session.oid,
    name,
    'Fetched from Microsoft Graph',
    documents,
    'Fetched from Microsoft Graph',
    'simulator.policySet.graphImport',
    freshness,
  );
}
