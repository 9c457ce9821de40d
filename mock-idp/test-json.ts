// Test support: the mock's JSON answers read through zod, so a test states the shape it relies on and a wrong
// answer fails at the parse with the path at fault rather than as an undefined later.
import { z } from 'zod';

/** Parses an answer's text with the schema the test relies on. */
export function parsedJson<T>(schema: z.ZodType<T>, text: string): T {
  return schema.parse(JSON.parse(text));
}

/** The token endpoint's answer, for the access token. */
export const tokenAnswerSchema = z.looseObject({ access_token: z.string() });

/** Any JSON object, its members read by the assertions (toMatchObject and friends check them). */
export const jsonObjectSchema = z.record(z.string(), z.unknown());

/** A Graph answer read loosely in assertions: members are `any` so a test can walk into them. */
export const looseGraphJsonSchema = z.record(z.string(), z.any());
