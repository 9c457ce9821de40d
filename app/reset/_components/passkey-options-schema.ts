// The WebAuthn options the portal's passkey routes answer (server/reset/verify-passkey.ts and
// server/account/passkey-enrolment.ts build them with @simplewebauthn/server), checked in the browser before they
// reach @simplewebauthn/browser. Field by field from the library's JSON types, which follow WebAuthn Level 3's
// PublicKeyCredential*OptionsJSON dictionaries (https://w3c.github.io/webauthn/#dictdef-publickeycredentialcreationoptionsjson).
// Loose objects: a member this schema does not name is passed on untouched, as before the check.
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { z } from 'zod';

const requirement = z.enum(['discouraged', 'preferred', 'required']);

// Typed as strings by the library: a transport or type the browser does not know is for it to skip.
const credentialDescriptor = z.object({ id: z.string(), type: z.string(), transports: z.array(z.string()).optional() });

const hints = z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional();

// The client extensions @simplewebauthn knows; the server asks for credProps only.
const extensions = z
  .looseObject({
    appid: z.string().optional(),
    credProps: z.boolean().optional(),
    hmacCreateSecret: z.boolean().optional(),
    minPinLength: z.boolean().optional(),
  })
  .optional();

export const requestOptionsSchema = z.looseObject({
  challenge: z.string(),
  timeout: z.number().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(credentialDescriptor).optional(),
  userVerification: requirement.optional(),
  hints,
  extensions,
}) satisfies z.ZodType<PublicKeyCredentialRequestOptionsJSON>;

export const creationOptionsSchema = z.looseObject({
  rp: z.object({ name: z.string(), id: z.string().optional() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.literal('public-key') })),
  timeout: z.number().optional(),
  excludeCredentials: z.array(credentialDescriptor).optional(),
  authenticatorSelection: z
    .looseObject({
      authenticatorAttachment: z.enum(['cross-platform', 'platform']).optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: requirement.optional(),
      userVerification: requirement.optional(),
    })
    .optional(),
  hints,
  attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
  attestationFormats: z
    .array(z.enum(['fido-u2f', 'packed', 'android-safetynet', 'android-key', 'tpm', 'apple', 'none']))
    .optional(),
  extensions,
}) satisfies z.ZodType<PublicKeyCredentialCreationOptionsJSON>;
