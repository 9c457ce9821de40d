// Policy sets with versions (Prisma models PolicySet / PolicySetVersion). A version is immutable: every edit
// stores a new one, so any earlier state can be simulated, compared or exported again. Documents are kept as
// Graph JSON text so both database providers share one model (prisma/schema.prisma).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, isAppError } from '../../lib/app-error';
import { authenticationStrengthPolicySchema } from '../../lib/conditional-access/authentication-strength-schema';
import { namedLocationSchema } from '../../lib/conditional-access/named-location-schema';
import { conditionalAccessPolicySchema } from '../../lib/conditional-access/policy-schema';
import type { PolicySetDocuments } from '../../lib/simulator/policy-set-documents';
import type { DatabaseClient } from '../database/create-database-client';
import { parseStoredJson } from '../database/stored-json';
import { errorCodeOf } from '@/lib/error-code-of';

export type PolicySetSummary = {
  id: string;
  name: string;
  description: string;
  updatedAt: Date;
  latestVersion: number;
  /** null: the latest version's stored policies cannot be read (storedDataInvalid); the set's page says why. */
  policyCount: number | null;
};

export type StoredVersion = PolicySetDocuments & {
  id: string;
  policySetId: string;
  policySetName: string;
  version: number;
  createdAt: Date;
  createdBy: string | null;
  comment: string;
  versions: { version: number; createdAt: Date; createdBy: string | null; comment: string }[];
};

const maxNameLength = 120;
const policiesSource = 'PolicySetVersion.policiesJson';
const namedLocationsSource = 'PolicySetVersion.namedLocationsJson';
const strengthsSource = 'PolicySetVersion.authenticationStrengthsJson';

function cleanName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > maxNameLength) {
    throw new AppError('INVALID_INPUT', `name: must be 1 to ${maxNameLength} characters`, { path: 'name' });
  }
  return trimmed;
}

function isUniqueViolation(error: unknown): boolean {
  return errorCodeOf(error) === 'P2002';
}

export async function createPolicySet(
  db: DatabaseClient,
  input: {
    name: string;
    description?: string;
    documents: PolicySetDocuments;
    createdBy: string | null;
    comment: string;
    now: Date;
  },
): Promise<{ id: string; version: number }> {
  const id = randomUUID();
  try {
    await db.policySet.create({
      data: {
        id,
        name: cleanName(input.name),
        description: (input.description ?? '').slice(0, 1000),
        createdAt: input.now,
        updatedAt: input.now,
        versions: { create: [versionData(input.documents, 1, input.createdBy, input.comment, input.now)] },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', `A policy set named "${input.name.trim()}" already exists; choose another name.`, {
        path: 'name',
      });
    throw error;
  }
  return { id, version: 1 };
}

function versionData(
  documents: PolicySetDocuments,
  version: number,
  createdBy: string | null,
  comment: string,
  now: Date,
) {
  return {
    id: randomUUID(),
    version,
    createdAt: now,
    createdBy,
    comment: comment.slice(0, 500),
    policiesJson: JSON.stringify(documents.policies),
    namedLocationsJson: JSON.stringify(documents.namedLocations),
    authenticationStrengthsJson: JSON.stringify(documents.authenticationStrengths),
  };
}

/** Stores the documents as the next version; retries when another admin saved at the same moment. */
export async function addPolicySetVersion(
  db: DatabaseClient,
  input: { policySetId: string; documents: PolicySetDocuments; createdBy: string | null; comment: string; now: Date },
): Promise<{ version: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const latest = await db.policySetVersion.findFirst({
      where: { policySetId: input.policySetId },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    if (!latest) throw new AppError('NOT_FOUND', 'This policy set does not exist.');
    const version = latest.version + 1;
    try {
      await db.$transaction([
        db.policySetVersion.create({
          data: {
            ...versionData(input.documents, version, input.createdBy, input.comment, input.now),
            policySetId: input.policySetId,
          },
        }),
        db.policySet.update({ where: { id: input.policySetId }, data: { updatedAt: input.now } }),
      ]);
      return { version };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError('CONFLICT', 'The policy set changed while saving; try again.');
}

/**
 * How many policies a stored version holds, or null when its text is not a stored list: one corrupt row is marked
 * in the list instead of failing it for every set (its own page then shows the storedDataInvalid error). The list
 * only counts them; a version's page checks each one (getPolicySetVersion).
 */
function storedPolicyCount(policiesJson: string): number | null {
  try {
    return parseStoredJson(z.array(z.unknown()), policiesJson, policiesSource).length;
  } catch (error) {
    if (isAppError(error) && error.reason === 'storedDataInvalid') return null;
    throw error;
  }
}

export async function listPolicySets(db: DatabaseClient): Promise<PolicySetSummary[]> {
  const sets = await db.policySet.findMany({
    orderBy: { updatedAt: 'desc' },
    include: { versions: { orderBy: { version: 'desc' }, take: 1, select: { version: true, policiesJson: true } } },
  });
  return sets.map((set) => {
    const latest = set.versions[0];
    return {
      id: set.id,
      name: set.name,
      description: set.description,
      updatedAt: set.updatedAt,
      latestVersion: latest?.version ?? 0,
      policyCount: latest ? storedPolicyCount(latest.policiesJson) : 0,
    };
  });
}

/** One version (the latest when `version` is undefined), with the list of all versions. */
export async function getPolicySetVersion(
  db: DatabaseClient,
  policySetId: string,
  version?: number,
): Promise<StoredVersion> {
  const set = await db.policySet.findUnique({
    where: { id: policySetId },
    include: {
      versions: {
        orderBy: { version: 'desc' },
        select: { version: true, createdAt: true, createdBy: true, comment: true },
      },
    },
  });
  if (!set) throw new AppError('NOT_FOUND', 'This policy set does not exist.');
  const wanted = version ?? set.versions[0]?.version;
  const row =
    wanted === undefined
      ? null
      : await db.policySetVersion.findUnique({ where: { policySetId_version: { policySetId, version: wanted } } });
  if (!row)
    throw new AppError('NOT_FOUND', `Version ${String(version)} of this policy set does not exist.`, { path: 'v' });
  // Stored documents were validated by the engine's parsers before they were written; they are checked again
  // on the way out, so a row edited by hand is one named error instead of an engine crash further on.
  return {
    id: row.id,
    policySetId,
    policySetName: set.name,
    version: row.version,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    comment: row.comment,
    policies: parseStoredJson(z.array(conditionalAccessPolicySchema), row.policiesJson, policiesSource),
    namedLocations: parseStoredJson(z.array(namedLocationSchema), row.namedLocationsJson, namedLocationsSource),
    authenticationStrengths: parseStoredJson(
      z.array(authenticationStrengthPolicySchema),
      row.authenticationStrengthsJson,
      strengthsSource,
    ),
    versions: set.versions,
  };
}
