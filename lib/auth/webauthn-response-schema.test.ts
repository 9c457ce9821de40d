import { describe, expect, it } from 'vitest';
import { authenticationResponseSchema, registrationResponseSchema } from './webauthn-response-schema';

const assertion = {
  id: 'cred-1',
  rawId: 'cred-1',
  type: 'public-key',
  response: { clientDataJSON: 'eyJ0eXBlIjoid2ViYXV0aG4uZ2V0In0', authenticatorData: 'AAAA', signature: 'MEUC' },
  clientExtensionResults: {},
};

describe('WebAuthn response schemas', () => {
  it('accept what @simplewebauthn/browser sends, attachment and extension outputs included', () => {
    expect(authenticationResponseSchema.parse({ ...assertion, authenticatorAttachment: 'platform' })).toMatchObject({
      id: 'cred-1',
      authenticatorAttachment: 'platform',
    });
    expect(
      registrationResponseSchema.parse({
        id: 'cred-2',
        rawId: 'cred-2',
        type: 'public-key',
        response: { clientDataJSON: 'e30', attestationObject: 'o2Nm', transports: ['internal', 'hybrid'] },
        clientExtensionResults: { credProps: { rk: true } },
      }).response.transports,
    ).toEqual(['internal', 'hybrid']);
  });

  it('never refuse a credential for the fields the verifier does not read', () => {
    const parsed = authenticationResponseSchema.parse({
      ...assertion,
      authenticatorAttachment: null,
      clientExtensionResults: { prf: { results: { first: 'AAAA' } }, credProps: 'odd' },
    });
    expect(parsed.authenticatorAttachment).toBeUndefined();
    expect(parsed.clientExtensionResults).toEqual({});
  });

  it('refuse a response missing what the verifier needs', () => {
    expect(authenticationResponseSchema.safeParse({ ...assertion, response: { clientDataJSON: 'e30' } }).success).toBe(
      false,
    );
    expect(authenticationResponseSchema.safeParse({ ...assertion, type: 'password' }).success).toBe(false);
    expect(registrationResponseSchema.safeParse(assertion).success).toBe(false);
  });
});
