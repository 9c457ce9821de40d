// The streamed blast radius with a real database and a 12,000-user synthetic directory: progress arrives in
// slices with counts, a draft is compared and diffed, and aborting the request stops the work.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSyntheticTenant, syntheticResetAppId } from '../../bench/synthetic-tenant';
import { isAppError } from '../../lib/app-error';
import { computeBlastRadius } from '../../lib/conditional-access/blast-radius';
import { compileTenant } from '../../lib/conditional-access/compile-tenant';
import { parseTenant } from '../../lib/conditional-access/parse-input';
import { standardSignInFlows } from '../../lib/conditional-access/standard-flows';
import { blastRadiusEventSchema, type BlastRadiusEvent } from '../../lib/simulator/blast-radius-request';
import { parsePolicySetDocuments } from '../../lib/simulator/policy-set-documents';
import { recommendedResetPortalPolicy } from '../../lib/simulator/scenario-presets';
import { createTestDatabase, type TestDatabase } from '../database/test-database';

const directory = parseTenant(
  generateSyntheticTenant({ users: 12_000, groups: 150, policies: 40, applications: 10 }, 7),
  'synthetic',
);
let testDb: TestDatabase;

vi.mock('./load-directory', () => ({ loadDirectory: () => directory, directoryVersionKey: () => 'synthetic' }));

const { startBlastRadiusStreamForAdmin } = await import('./blast-radius-stream');
const { createPolicySet } = await import('./policy-set-store');

const admin = () => ({
  actor: { oid: 'admin-1', name: 'Admin', email: null, roles: ['Portal.Admin' as const] },
  db: testDb.db,
  clock: { now: () => new Date('2026-11-26T09:00:00Z') },
});

let setId = '';
beforeAll(async () => {
  testDb = await createTestDatabase();
  const documents = parsePolicySetDocuments(
    {
      policies: directory.conditionalAccessPolicies,
      namedLocations: directory.namedLocations,
      authenticationStrengths: directory.authenticationStrengthPolicies,
    },
    () => 'unused',
  );
  setId = (
    await createPolicySet(testDb.db, {
      name: 'Synthetic',
      documents,
      createdBy: null,
      comment: '',
      now: new Date('2026-11-26T00:00:00Z'),
    })
  ).id;
});
afterAll(async () => {
  await testDb?.drop();
});

async function readEvents(
  stream: ReadableStream<Uint8Array>,
  onEvent?: (event: BlastRadiusEvent) => void,
): Promise<BlastRadiusEvent[]> {
  const events: BlastRadiusEvent[] = [];
  let buffered = '';
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    buffered += decoder.decode(chunk, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const event = blastRadiusEventSchema.parse(JSON.parse(line));
      events.push(event);
      onEvent?.(event);
    }
  }
  return events;
}

const body = (extra: object = {}) =>
  JSON.stringify({
    policySetId: setId,
    app: syntheticResetAppId,
    ip: '203.0.113.10',
    passwordForgotten: true,
    ...extra,
  });

describe('startBlastRadiusStreamForAdmin', () => {
  it('streams slices of progress whose final counts equal computeBlastRadius, then a draft diff', async () => {
    // A draft that blocks the reset app for everyone (but emergency access), so the diff cannot be empty.
    const draft = {
      ...recommendedResetPortalPolicy(directory, 'draft-1'),
      grantControls: { operator: 'OR', builtInControls: ['block'] },
    };
    const events = await readEvents(
      await startBlastRadiusStreamForAdmin(
        admin(),
        body({ passwordForgotten: false, compare: { kind: 'draft', policies: [draft] } }),
        new AbortController().signal,
      ),
    );
    const progress = events.filter((e): e is Extract<BlastRadiusEvent, { type: 'progress' }> => e.type === 'progress');
    expect(events[0]).toMatchObject({ type: 'start', userCount: 12_000, phases: ['current', 'compared'] });
    expect(progress.filter((e) => e.phase === 'current').map((e) => e.done)).toEqual([5_000, 10_000, 12_000]);
    const expected = computeBlastRadius(compileTenant(directory), {
      request: {
        signInContext: {
          '@odata.type': '#microsoft.graph.applicationContext',
          includeApplications: [syntheticResetAppId],
        },
        signInConditions: { ipAddress: '203.0.113.10', clientAppType: 'browser' },
      },
      flows: standardSignInFlows,
      passwordForgotten: false,
    });
    const lastCurrent = progress.filter((e) => e.phase === 'current').at(-1);
    expect(lastCurrent?.counts).toEqual(expected.flows.map((f) => f.counts));
    const diff = events.find((e) => e.type === 'diff');
    const grantedBefore = expected.flows.reduce((sum, f) => sum + f.counts.granted, 0);
    expect(grantedBefore).toBeGreaterThan(0);
    const newlyBlocked = diff?.type === 'diff' ? diff.flows.reduce((sum, f) => sum + f.newlyBlocked.count, 0) : 0;
    // Everyone who got in (or was only interrupted) before can now only be blocked, unless the flow was never possible.
    expect(newlyBlocked).toBeGreaterThanOrEqual(grantedBefore);
    expect(newlyBlocked).toBeLessThanOrEqual(
      grantedBefore + expected.flows.reduce((sum, f) => sum + f.counts.interrupted, 0),
    );
    expect(diff?.type === 'diff' && diff.flows[0]?.newlyBlocked.users.length).toBeLessThanOrEqual(50);
    expect(events.some((e) => e.type === 'heatMap' && e.rows.length > 0)).toBe(true);
    expect(events.at(-1)?.type).toBe('done');
  });

  it('stops when the request is aborted: no further slices and no "done"', async () => {
    const controller = new AbortController();
    const events = await readEvents(
      await startBlastRadiusStreamForAdmin(
        admin(),
        body({ compare: { kind: 'preset', preset: 'resetPortalPasswordless' } }),
        controller.signal,
      ),
      (event) => {
        if (event.type === 'progress') controller.abort();
      },
    );
    expect(events.filter((e) => e.type === 'progress')).toHaveLength(1);
    expect(events.some((e) => e.type === 'done')).toBe(false);
  });

  it('refuses a bad body or draft with INVALID_INPUT naming the path, before streaming', async () => {
    const codeOf = async (text: string) => {
      try {
        await startBlastRadiusStreamForAdmin(admin(), text, new AbortController().signal);
        return 'streamed';
      } catch (error) {
        return isAppError(error)
          ? `${error.code} ${error.details.path ?? ''}`
          : error instanceof Error
            ? error.name
            : 'unknown';
      }
    };
    expect(await codeOf('{')).toBe('INVALID_INPUT $');
    expect(await codeOf(body({ ip: 'not-an-ip' }))).toBe('ZodError');
    const badDraft = {
      ...recommendedResetPortalPolicy(directory, 'd'),
      grantControls: {
        builtInControls: ['mfa'],
        authenticationStrength: { id: '00000000-0000-0000-0000-000000000003' },
      },
    };
    expect(await codeOf(body({ compare: { kind: 'draft', policies: [badDraft] } }))).toBe(
      'INVALID_INPUT $.grantControls',
    );
    expect(await codeOf(JSON.stringify({ policySetId: 'missing', app: 'x' }))).toBe('NOT_FOUND ');
  });
});
