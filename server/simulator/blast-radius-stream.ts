import 'server-only';
// Streams a blast-radius evaluation as NDJSON (one BlastRadiusEvent per line): counts arrive slice by slice so
// the page shows progress and partial results instead of freezing, and the work stops as soon as the admin
// cancels (the browser aborts the request, which aborts `signal`). Between slices the event loop is released.
import { createHash } from 'node:crypto';
import { AppError, isAppError } from '../../lib/app-error';
import { parseJsonDocument } from '../../lib/conditional-access/parse-input';
import type { BlastRadius } from '../../lib/conditional-access/blast-radius';
import type { CompiledTenant } from '../../lib/conditional-access/compiled-model';
import { standardSignInFlows } from '../../lib/conditional-access/standard-flows';
import type { WhatIfRequestWithoutUser } from '../../lib/conditional-access/what-if-request-schema';
import { startBlastRadiusRun } from '../../lib/conditional-access/blast-radius';
import { diffSameDirectory } from '../../lib/simulator/fast-blast-radius-diff';
import {
  blastRadiusRequestSchema,
  type BlastRadiusEvent,
  type BlastRadiusRequest,
  type ChangeList,
} from '../../lib/simulator/blast-radius-request';
import { buildGroupHeatMap } from '../../lib/simulator/group-heat-map';
import { parseSinglePolicy } from '../../lib/simulator/policy-set-documents';
import { recommendedResetPortalPolicy } from '../../lib/simulator/scenario-presets';
import { signInContextOf, whatIfRequestOf } from '../../lib/simulator/what-if-request';
import { requireActorRole } from '../auth/require-actor-role';
import type { AdminContext } from './policy-set-admin';
import { compileStoredVersion, effectiveNamedLocations } from './compiled-policy-set';
import { loadDirectory } from './load-directory';
import { getPolicySetVersion, type StoredVersion } from './policy-set-store';
import { isRecord } from '@/lib/is-record';

const sliceSize = 5_000;
const maxBodyCharacters = 1024 * 1024;
const listedUsers = 50;

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function requestOf(input: BlastRadiusRequest, stored: StoredVersion): WhatIfRequestWithoutUser {
  const state = {
    target: 'app' as const,
    app: input.app,
    ip: input.ip,
    location: input.location,
    platform: input.platform,
    client: input.client ?? ('browser' as const),
  };
  // Reuse the What-If translation (named location → address) with a placeholder user, then drop the user.
  const { signInIdentity: _user, ...request } = whatIfRequestOf(
    { ...state, user: 'blast-radius' },
    effectiveNamedLocations(stored),
  );
  return { ...request, signInContext: signInContextOf(state) };
}

// A draft written for create (as the editor and the export produce it) has no id yet: it is a new policy.
function withDraftId(json: unknown): unknown {
  // Derived from the content, so the same draft gets the same id (and the same compiled tenant) every time.
  const id = `draft-${createHash('sha256').update(JSON.stringify(json)).digest('hex').slice(0, 16)}`;
  return isRecord(json) && json.id === undefined ? { id, ...json } : json;
}

function comparedDocuments(
  context: AdminContext,
  input: BlastRadiusRequest,
  stored: StoredVersion,
): Promise<StoredVersion> | StoredVersion | null {
  const compare = input.compare;
  if (!compare) return null;
  if (compare.kind === 'version') return getPolicySetVersion(context.db, input.policySetId, compare.version);
  let policies = stored.policies;
  const additions =
    compare.kind === 'preset'
      ? [recommendedResetPortalPolicy(loadDirectory(), 'draft-reset-portal')]
      : compare.policies.map((json) => parseSinglePolicy(withDraftId(json), stored.authenticationStrengths));
  if (compare.kind === 'draft') policies = policies.filter((p) => !compare.removePolicyIds.includes(p.id));
  for (const policy of additions) {
    const index = policies.findIndex((p) => p.id === policy.id);
    policies = index >= 0 ? policies.map((p, i) => (i === index ? policy : p)) : [...policies, policy];
  }
  // Same draft of the same version → same key, so re-running it (other flows, network) reuses the compile.
  const draftKey = createHash('sha256').update(JSON.stringify(policies)).digest('hex');
  return { ...stored, id: `draft:${stored.id}:${draftKey}`, policies };
}

function changeList(ids: readonly string[], upnById: ReadonlyMap<string, string>): ChangeList {
  return { count: ids.length, users: ids.slice(0, listedUsers).map((id) => upnById.get(id) ?? id) };
}

/**
 * Checks the role first (a caller without it learns nothing about what a valid body looks like), then parses
 * the body with zod, loads and validates everything, and returns the stream; errors up to here are HTTP 4xx.
 */
export async function startBlastRadiusStreamForAdmin(
  context: AdminContext,
  bodyText: string,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  requireActorRole(context, 'Portal.Admin');
  if (bodyText.length > maxBodyCharacters)
    throw new AppError('INVALID_INPUT', 'The request body is larger than 1 MB.', { path: '$' });
  const input: BlastRadiusRequest = blastRadiusRequestSchema.parse(parseJsonDocument(bodyText, 'request body'));
  const stored = await getPolicySetVersion(context.db, input.policySetId, input.version);
  const compared = await comparedDocuments(context, input, stored);
  const request = requestOf(input, stored);
  const flows = input.flows ? standardSignInFlows.filter((f) => input.flows?.includes(f.id)) : [...standardSignInFlows];
  const options = { request, flows, passwordForgotten: input.passwordForgotten };
  const encoder = new TextEncoder();
  const started = performance.now();

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: BlastRadiusEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        const phases: { phase: 'current' | 'compared'; tenant: () => CompiledTenant }[] = [
          { phase: 'current', tenant: () => compileStoredVersion(stored.id, stored, input.asOf) },
        ];
        if (compared)
          phases.push({ phase: 'compared', tenant: () => compileStoredVersion(compared.id, compared, input.asOf) });
        const directory = loadDirectory();
        send({
          type: 'start',
          userCount: directory.users.length,
          phases: phases.map((p) => p.phase),
          flows: flows.map((f) => ({ flowId: f.id, label: f.label })),
        });
        const results: { phase: 'current' | 'compared'; tenant: CompiledTenant; radius: BlastRadius }[] = [];
        for (const { phase, tenant: compile } of phases) {
          await nextTick();
          if (signal.aborted) return controller.close();
          const tenant = compile();
          const run = startBlastRadiusRun(tenant, options);
          let finished = false;
          while (!finished) {
            finished = run.step(sliceSize);
            send({ type: 'progress', phase, done: run.done(), total: run.userCount, counts: run.counts() });
            await nextTick();
            if (signal.aborted) return controller.close();
          }
          const radius = run.result();
          results.push({ phase, tenant, radius });
          send({
            type: 'heatMap',
            phase,
            rows: buildGroupHeatMap(
              tenant,
              radius.flows.map((f) => f.outcomeByUser),
            ),
          });
        }
        const [current, after] = results;
        if (current && after) {
          const diff = diffSameDirectory(current.radius, after.radius);
          const upnById = new Map(
            current.radius.userIds.map((id, i) => [id, current.radius.userPrincipalNames[i] ?? id]),
          );
          send({
            type: 'diff',
            changedUserCount: diff.changedUserCount,
            flows: diff.flows.map((f) => ({
              flowId: f.flowId,
              label: f.label,
              newlyBlocked: changeList(f.newlyBlocked, upnById),
              newlyGranted: changeList(f.newlyGranted, upnById),
              newlyInterrupted: changeList(f.newlyInterrupted, upnById),
              newlyUnavailable: changeList(f.newlyUnavailable, upnById),
            })),
          });
        }
        send({ type: 'done', elapsedMs: Math.round(performance.now() - started) });
        controller.close();
      } catch (error) {
        if (signal.aborted) return controller.close();
        if (!isAppError(error)) console.error('[verity] blast radius failed', error);
        send({
          type: 'error',
          code: isAppError(error) ? error.code : 'INTERNAL',
          message: isAppError(error) ? error.message : 'Something went wrong on our side.',
        });
        controller.close();
      }
    },
  });
}
