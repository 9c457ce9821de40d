import { z } from 'zod';

// Page query strings: short strings only; anything else is ignored.
const value = z
  .string()
  .max(64)
  .regex(/^[\w-]+$/)
  .optional()
  .catch(undefined);
export const resetQuerySchema = z.object({
  error: value,
  entra: value,
  sent: value,
  verified: value,
  signedOut: value,
  return: z.string().max(2048).optional().catch(undefined),
  /** A refused username, shown again in its field. */
  username: z.string().max(256).optional().catch(undefined),
  /** Password rules a submission failed (server-side check), comma-separated rule ids. */
  failed: z
    .string()
    .max(200)
    .regex(/^[\w,]+$/)
    .optional()
    .catch(undefined),
});
export type ResetQuery = z.infer<typeof resetQuerySchema>;
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function parseResetQuery(searchParams: SearchParams): Promise<ResetQuery> {
  return resetQuerySchema.parse(await searchParams);
}
