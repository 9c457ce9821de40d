// The JSON a browser sends back from a WebAuthn ceremony (WebAuthn Level 3, RegistrationResponseJSON and
// AuthenticationResponseJSON: https://www.w3.org/TR/webauthn-3/#dictdef-registrationresponsejson), as
// @simplewebauthn/browser serialises it. Parsed before @simplewebauthn/server verifies it, so the verifier gets
// the shape it declares instead of a cast body. Fields the verifier reads are required; the ones it passes through
// unread (attachment, extension outputs) never refuse a credential: an unknown value is dropped.
import { z } from 'zod';

const authenticatorAttachment = z.enum(['cross-platform', 'platform']).optional().catch(undefined);
const clientExtensionResults = z
  .object({
    appid: z.boolean().optional(),
    credProps: z.object({ rk: z.boolean().optional() }).optional(),
    hmacCreateSecret: z.boolean().optional(),
  })
  .catch({});

export const registrationResponseSchema = z.object({
  id: z.string(),
  rawId: z.string(),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: z.string(),
    attestationObject: z.string(),
    authenticatorData: z.string().optional(),
    transports: z.array(z.string()).optional(),
    publicKeyAlgorithm: z.number().optional(),
    publicKey: z.string().optional(),
  }),
  authenticatorAttachment,
  clientExtensionResults,
});

export const authenticationResponseSchema = z.object({
  id: z.string(),
  rawId: z.string(),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: z.string(),
    authenticatorData: z.string(),
    signature: z.string(),
    userHandle: z.string().optional(),
  }),
  authenticatorAttachment,
  clientExtensionResults,
});
