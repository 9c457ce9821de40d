import 'server-only';
// What the caller of an Entra MFA verification keeps in its database between start and complete (a desk
// verification's or a reset session's channel reference). It holds no token. Parsed when read back, so a row
// written by an older release, or edited by hand, fails here rather than inside the claim checks.
import { z } from 'zod';

export const entraMfaPendingVerificationSchema = z.object({
  stateHash: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  expectedOid: z.string().nullable(),
  binding: z.string(),
  redirectUri: z.string(),
  startedAt: z.number(),
});

export type EntraMfaPendingVerification = z.infer<typeof entraMfaPendingVerificationSchema>;
