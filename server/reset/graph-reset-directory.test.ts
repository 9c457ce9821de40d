// Passwordless phone sign-in as Graph v1.0 shows it: the Authenticator method's createdDateTime is set only
// for a device registered for it; there is no isPasswordlessCapable property on the method.
import { describe, expect, it } from 'vitest';
import { directoryMethodOf } from './graph-reset-directory';

const authenticator = '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod';

describe('directoryMethodOf', () => {
  it('an Authenticator registered for phone sign-in (createdDateTime set) is passwordless', () => {
    const method = { '@odata.type': authenticator, id: 'a', createdDateTime: '2026-01-12T09:00:00Z' };
    expect(directoryMethodOf(method)).toEqual({ kind: 'authenticator', isPasswordlessCapable: true });
  });

  it('an Authenticator for push only (createdDateTime null) is not, whatever a non-Graph flag says', () => {
    const method = { '@odata.type': authenticator, id: 'a', createdDateTime: null, isPasswordlessCapable: true };
    expect(directoryMethodOf(method)).toEqual({ kind: 'authenticator', isPasswordlessCapable: false });
  });

  it('FIDO2 is passwordless by nature; a password is not', () => {
    expect(directoryMethodOf({ '@odata.type': '#microsoft.graph.fido2AuthenticationMethod', id: 'f' })).toEqual({
      kind: 'fido2',
      isPasswordlessCapable: true,
    });
    const password = { '@odata.type': '#microsoft.graph.passwordAuthenticationMethod', id: 'p', createdDateTime: null };
    expect(directoryMethodOf(password).isPasswordlessCapable).toBe(false);
  });
});
