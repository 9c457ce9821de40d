// Shareable views (issue 6, item 8): every What-If and matrix view is a URL. The query string is the whole
// state; decoding validates it (an edited URL gets a clear message naming the parameter, never a crash) and
// encoding writes only what differs from the defaults so links stay short and stable.
import { z } from 'zod';
import { AppError } from '../app-error';
import { clientAppTypeSchema, devicePlatformSchema, riskLevelSchema } from '../conditional-access/policy-schema';
import { parseIpAddress } from '../conditional-access/ip-address';

export const whatIfTargets = ['app', 'userAction', 'authContext'] as const;
export const userActions = ['registerSecurityInformation', 'registerOrJoinDevices'] as const;

const optionalText = z
  .string()
  .trim()
  .max(256)
  .optional()
  .transform((v) => (v === '' ? undefined : v));

export const whatIfStateSchema = z.object({
  v: z.coerce.number().int().positive().optional(),
  user: optionalText,
  target: z.enum(whatIfTargets).default('app'),
  app: optionalText,
  action: z.enum(userActions).optional(),
  context: z
    .string()
    .regex(/^c([1-9]|[1-9]\d)$/, 'must be an authentication context c1..c99')
    .optional(),
  ip: z
    .string()
    .refine((value) => parseIpAddress(value) !== null, 'is not an IPv4 or IPv6 address')
    .optional(),
  location: optionalText,
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code')
    .transform((c) => c.toUpperCase())
    .optional(),
  platform: devicePlatformSchema.optional(),
  client: clientAppTypeSchema.optional(),
  signInRisk: riskLevelSchema.optional(),
  userRisk: riskLevelSchema.optional(),
});

export type WhatIfState = z.output<typeof whatIfStateSchema>;

export const matrixStateSchema = whatIfStateSchema.pick({
  v: true,
  user: true,
  app: true,
  platform: true,
  client: true,
});
export type MatrixState = z.output<typeof matrixStateSchema>;

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

function flatten(params: SearchParamsRecord): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== '') out[key] = first;
  }
  return out;
}

function decodeWith<S extends z.ZodType>(schema: S, params: SearchParamsRecord): z.output<S> {
  const result = schema.safeParse(flatten(params));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue?.path[0] ?? 'query');
  throw new AppError('INVALID_INPUT', `URL parameter "${name}": ${issue?.message ?? 'is invalid'}`, {
    source: 'url',
    path: name,
  });
}

export function decodeWhatIfState(params: SearchParamsRecord): WhatIfState {
  return decodeWith(whatIfStateSchema, params);
}

export function decodeMatrixState(params: SearchParamsRecord): MatrixState {
  return decodeWith(matrixStateSchema, params);
}

const keyOrder = [
  'v',
  'user',
  'target',
  'app',
  'action',
  'context',
  'ip',
  'location',
  'country',
  'platform',
  'client',
  'signInRisk',
  'userRisk',
  'asOf',
] as const;

/** The query string (without "?") for a state; defaults are left out. */
export function encodeState(state: Partial<Record<(typeof keyOrder)[number], string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const key of keyOrder) {
    const value = state[key];
    if (value === undefined || value === '') continue;
    if (key === 'target' && value === 'app') continue;
    params.set(key, String(value));
  }
  return params.toString();
}
