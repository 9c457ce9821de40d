// Body of POST /api/admin/simulator/blast-radius: a policy-set version, optionally compared with another version
// or a draft (policies to add or replace, ids to remove), for one app and network over the chosen flows.
import { z } from 'zod';
import { parseIpAddress } from '../conditional-access/ip-address';
import { parseAsOfDate } from '../conditional-access/method-availability';
import { clientAppTypeSchema, devicePlatformSchema } from '../conditional-access/policy-schema';
import { standardSignInFlows } from '../conditional-access/standard-flows';
import { scenarioPresetIds } from './scenario-presets';

const flowIds = standardSignInFlows.map((f) => f.id) as [string, ...string[]];

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

/** One line of the NDJSON stream the page reads while the evaluation runs. */
export type BlastRadiusEvent =
  | { type: 'start'; userCount: number; phases: ('current' | 'compared')[]; flows: { flowId: string; label: string }[] }
  | {
      type: 'progress';
      phase: 'current' | 'compared';
      done: number;
      total: number;
      counts: Record<'granted' | 'interrupted' | 'blocked' | 'unavailable', number>[];
    }
  | {
      type: 'heatMap';
      phase: 'current' | 'compared';
      rows: {
        groupId: string;
        displayName: string;
        memberCount: number;
        cells: { notGranted: number; share: number }[];
      }[];
    }
  | {
      type: 'diff';
      changedUserCount: number;
      flows: {
        flowId: string;
        label: string;
        newlyBlocked: ChangeList;
        newlyGranted: ChangeList;
        newlyInterrupted: ChangeList;
        newlyUnavailable: ChangeList;
      }[];
    }
  | { type: 'done'; elapsedMs: number }
  | { type: 'error'; code: string; message: string };

export type ChangeList = { count: number; users: string[] };
