// The methods the registration interrupt can set up: phone methods simulated, a passkey with real WebAuthn.
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';

export const registrableHere: ReadonlySet<AuthenticationMethodMode> = new Set<AuthenticationMethodMode>([
  'fido2',
  'microsoftAuthenticatorPush',
  'softwareOath',
  'sms',
  'voice',
]);
