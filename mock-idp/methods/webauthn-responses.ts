// The browser's WebAuthn answers as the mock's passkey routes receive them (JSON from @simplewebauthn/browser),
// checked before @simplewebauthn/server verifies them. Field by field from the library's RegistrationResponseJSON
// and AuthenticationResponseJSON, which follow WebAuthn Level 3 (https://w3c.github.io/webauthn/#dictdef-registrationresponsejson).
// Loose objects: a member not named here reaches the library untouched.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { z } from 'zod';

const clientExtensionResults = z.looseObject({
  appid: z.boolean().optional(),
  credProps: z.looseObject({ rk: z.boolean().optional() }).optional(),
  hmacCreateSecret: z.boolean().optional(),
});

const credential = {
  id: z.string(),
  rawId: z.string(),
  authenticatorAttachment: z.enum(['cross-platform', 'platform']).optional(),
  clientExtensionResults,
  type: z.literal('public-key'),
};

export const authenticationResponseSchema = z.looseObject({
  ...credential,
  response: z.looseObject({
    clientDataJSON: z.string(),
    authenticatorData: z.string(),
    signature: z.string(),
    userHandle: z.string().optional(),
  }),
}) satisfies z.ZodType<AuthenticationResponseJSON>;

export const registrationResponseSchema = z.looseObject({
  ...credential,
  response: z.looseObject({
    clientDataJSON: z.string(),
    attestationObject: z.string(),
    authenticatorData: z.string().optional(),
    transports: z.array(z.string()).optional(),
    publicKeyAlgorithm: z.number().optional(),
    publicKey: z.string().optional(),
  }),
}) satisfies z.ZodType<RegistrationResponseJSON>;
