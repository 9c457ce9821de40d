import 'server-only';
// Admin operations on policy sets: list, import (paste or upload of Graph JSON), read a version, save an edited
// policy as a new version, export for create. Every function checks the Portal.Admin role itself (Next.js
// data-security guide: authorization inside the data layer, not only in pages) and audits changes.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../lib/app-error';
import { parseJsonDocument } from '../../lib/conditional-access/parse-input';
import { exportForCreate, type ExportKind } from '../../lib/simulator/export-for-create';
import {
  parsePolicySetDocuments,
  parseSinglePolicy,
  type PolicySetDocuments,
} from '../../lib/simulator/policy-set-documents';
import { appendAuditEvent } from '../audit/append-audit-event';
import { assertFreshAdminMfa } from './admin-step-up';
import { requireActorRole } from '../auth/require-actor-role';
import { requireRole } from '../auth/require-role';
import type { PortalContext } from '../context/portal-context';
import { getDatabase } from '../database/database';
import {
  addPolicySetVersion,
  createPolicySet,
  getPolicySetVersion,
  listPolicySets,
  type StoredVersion,
} from './policy-set-store';
import { isRecord } from '@/lib/is-record';

/** Largest accepted document (a 200-policy export is about 0.4 MB pretty-printed). */
export const maxDocumentBytes = 5 * 1024 * 1024;

function parseText(text: string | undefined, source: string): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  if (Buffer.byteLength(text, 'utf8') > maxDocumentBytes) {
    throw new AppError('INVALID_INPUT', `${source}: larger than ${maxDocumentBytes / 1024 / 1024} MB`, {
      source,
      path: '$',
    });
  }
  return parseJsonDocument(text, source);
}

export async function listPolicySetsForAdmin() {
  await requireRole('Portal.Admin');
  return listPolicySets(getDatabase());
}

/** What the mutating functions need from the request context. */
export type AdminContext = Pick<PortalContext, 'actor' | 'db' | 'clock'>;
/** Imports also check the admin's MFA freshness against the configured window. */
export type AdminImportContext = AdminContext & Pick<PortalContext, 'settings'>;

export async function importPolicySetForAdmin(
  context: AdminImportContext,
  input: {
    name: string;
    description?: string;
    policies: string;
    namedLocations?: string;
    authenticationStrengths?: string;
  },
): Promise<{ id: string; version: number }> {
  const actor = requireActorRole(context, 'Portal.Admin');
  const freshness = assertFreshAdminMfa(context);
  const policies = parseText(input.policies, 'policies');
  if (policies === undefined)
    throw new AppError('INVALID_INPUT', 'policies: paste or upload a Graph export of Conditional Access policies', {
      source: 'policies',
      path: '$',
    });
  const documents = parsePolicySetDocuments(
    {
      policies,
      namedLocations: parseText(input.namedLocations, 'namedLocations'),
      authenticationStrengths: parseText(input.authenticationStrengths, 'authenticationStrengths'),
    },
    randomUUID,
  );
  return storeNewSet(
    context,
    actor.oid,
    input.name,
    input.description ?? '',
    documents,
    'Imported from Graph JSON',
    'simulator.policySet.import',
    freshness,
  );
}

export async function storeNewSet(
  context: AdminContext,
  actorId: string,
  name: string,
  description: string,
  documents: PolicySetDocuments,
  comment: string,
  action: string,
  /** The admin's MFA freshness for imports (admin-step-up.ts), recorded with the change. */
  freshness: Record<string, number | boolean> = {},
) {
  const { db } = context;
  const now = context.clock.now();
  const created = await createPolicySet(db, { name, description, documents, createdBy: actorId, comment, now });
  await appendAuditEvent(db, {
    occurredAt: now,
    actorType: 'admin',
    actorId,
    subjectId: created.id,
    action,
    outcome: 'success',
    details: {
      policies: documents.policies.length,
      namedLocations: documents.namedLocations.length,
      authenticationStrengths: documents.authenticationStrengths.length,
      ...freshness,
    },
  });
  return created;
}

export async function loadPolicySetForAdmin(policySetId: string, version?: number): Promise<StoredVersion> {
  await requireRole('Portal.Admin');
  return getPolicySetVersion(getDatabase(), policySetId, version);
}

export async function exportPolicySetForAdmin(
  context: AdminContext,
  policySetId: string,
  version: number | undefined,
  kind: ExportKind,
) {
  requireActorRole(context, 'Portal.Admin');
  const stored = await getPolicySetVersion(context.db, policySetId, version);
  return { name: stored.policySetName, version: stored.version, document: exportForCreate(kind, stored) };
}

export type PolicyChange = { kind: 'upsert'; policyJson: string } | { kind: 'delete'; policyId: string };

/**
 * Applies one change to version `baseVersion` and stores the result as a new version. Refuses when someone
 * saved a newer version meanwhile (CONFLICT), so an edit never silently overwrites another admin's change.
 */
export async function savePolicyChangeForAdmin(
  context: AdminContext,
  policySetId: string,
  baseVersion: number,
  change: PolicyChange,
  comment: string,
) {
  const session = requireActorRole(context, 'Portal.Admin');
  const { db } = context;
  const base = await getPolicySetVersion(db, policySetId, baseVersion);
  const latest = base.versions[0]?.version ?? base.version;
  if (latest !== base.version)
    throw new AppError(
      'CONFLICT',
      `Version ${latest} was saved after the version ${base.version} you edited; reopen the policy.`,
    );
  let policies = base.policies;
  let subject = '';
  if (change.kind === 'upsert') {
    const json = parseText(change.policyJson, 'policy');
    const candidate = isRecord(json) && json.id === undefined ? { id: randomUUID(), ...json } : json;
    const policy = parseSinglePolicy(candidate, base.authenticationStrengths);
    subject = policy.id;
    const index = policies.findIndex((p) => p.id === policy.id);
    policies = index >= 0 ? policies.map((p, i) => (i === index ? policy : p)) : [...policies, policy];
  } else {
    subject = change.policyId;
    if (!policies.some((p) => p.id === change.policyId))
      throw new AppError('NOT_FOUND', 'This policy is not in the policy set.');
    policies = policies.filter((p) => p.id !== change.policyId);
  }
  const now = context.clock.now();
  const saved = await addPolicySetVersion(db, {
    policySetId,
    documents: { ...base, policies },
    createdBy: session.oid,
    comment: comment.trim() || (change.kind === 'delete' ? 'Deleted a policy' : 'Edited a policy'),
    now,
  });
  await appendAuditEvent(db, {
    occurredAt: now,
    actorType: 'admin',
    actorId: session.oid,
    subjectId: policySetId,
    action: `simulator.policy.${change.kind}`,
    outcome: 'success',
    details: { policyId: subject, version: saved.version },
  });
  return { ...saved, policyId: subject };
}
