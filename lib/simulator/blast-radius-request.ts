// Body of POST /api/admin/simulator/blast-radius: a policy-set version, optionally compared with another version
// or a draft (policies to add or replace, ids to remove), for one app and network over the chosen flows.
import { z } from 'zod';
import { parseIpAddress } from '../conditional-access/ip-address';
import { parseAsOfDate } from '../conditional-access/method-availability';
import { clientAppTypeSchema, devicePlatformSchema } from '../conditional-access/policy-schema';
import { standardSignInFlows } from '../conditional-access/standard-flows';
import { scenarioPresetIds } from './scenario-presets';

const flowIds = standardSignInFlows.map((f) => f.id);

export const blastRadiusRequestSchema = z.object({
  policySetId: z.string().min(1).max(64),
  version: z.number().int().positive().optional(),
  /** Known method retirements apply from this date (YYYY-MM-DD), to both sides of a comparison. */
  asOf: z
    .string()
    .refine((value) => parseAsOfDate(value) !== null, 'is not a calendar date (YYYY-MM-DD)')
    .optional(),
  compare: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('version'), version: z.number().int().positive() }),
      z.object({
        kind: z.literal('draft'),
        policies: z.array(z.unknown()).max(500).default([]),
        removePolicyIds: z.array(z.string().max(64)).max(500).default([]),
      }),
      z.object({ kind: z.literal('preset'), preset: z.enum(scenarioPresetIds) }),
    ])
    .optional(),
  app: z.string().min(1).max(128),
  ip: z
    .string()
    .refine((value) => parseIpAddress(value) !== null, 'is not an IPv4 or IPv6 address')
    .optional(),
  location: z.string().max(64).optional(),
  platform: devicePlatformSchema.optional(),
  client: clientAppTypeSchema.optional(),
  flows: z.array(z.enum(flowIds)).min(1).max(flowIds.length).optional(),
  passwordForgotten: z.boolean().default(false),
});

export type BlastRadiusRequest = z.output<typeof blastRadiusRequestSchema>;

const phaseSchema = z.enum(['current', 'compared']);
const changeListSchema = z.object({ count: z.number(), users: z.array(z.string()) });
export type ChangeList = z.infer<typeof changeListSchema>;

/** One line of the NDJSON stream the page reads while the evaluation runs (the page parses each with it). */
export const blastRadiusEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    userCount: z.number(),
    phases: z.array(phaseSchema),
    flows: z.array(z.object({ flowId: z.string(), label: z.string() })),
  }),
  z.object({
    type: z.literal('progress'),
    phase: phaseSchema,
    done: z.number(),
    total: z.number(),
    counts: z.array(
      z.object({ granted: z.number(), interrupted: z.number(), blocked: z.number(), unavailable: z.number() }),
    ),
  }),
  z.object({
    type: z.literal('heatMap'),
    phase: phaseSchema,
    rows: z.array(
      z.object({
        groupId: z.string(),
        displayName: z.string(),
        memberCount: z.number(),
        cells: z.array(z.object({ notGranted: z.number(), share: z.number() })),
      }),
    ),
  }),
  z.object({
    type: z.literal('diff'),
    changedUserCount: z.number(),
    flows: z.array(
      z.object({
        flowId: z.string(),
        label: z.string(),
        newlyBlocked: changeListSchema,
        newlyGranted: changeListSchema,
        newlyInterrupted: changeListSchema,
        newlyUnavailable: changeListSchema,
      }),
    ),
  }),
  z.object({ type: z.literal('done'), elapsedMs: z.number() }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
]);

export type BlastRadiusEvent = z.infer<typeof blastRadiusEventSchema>;
