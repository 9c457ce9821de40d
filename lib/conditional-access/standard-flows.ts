// The common sign-in flows the simulator compares (issue 2, item 6), in Graph's authenticationMethodModes names.
import type { AuthenticationMethodMode } from './authentication-method-mode';

export type StandardSignInFlow = { id: string; label: string; methods: readonly AuthenticationMethodMode[] };

export const standardSignInFlows: readonly StandardSignInFlow[] = [
  { id: 'password', label: 'Password only', methods: ['password'] },
  { id: 'passwordPush', label: 'Password + Authenticator push', methods: ['password', 'microsoftAuthenticatorPush'] },
  { id: 'passwordSms', label: 'Password + SMS', methods: ['password', 'sms'] },
  {
    id: 'authenticatorPasswordless',
    label: 'Authenticator passwordless (phone sign-in)',
    methods: ['deviceBasedPush'],
  },
  { id: 'fido2', label: 'FIDO2 passkey', methods: ['fido2'] },
  { id: 'windowsHello', label: 'Windows Hello for Business', methods: ['windowsHelloForBusiness'] },
  { id: 'temporaryAccessPass', label: 'Temporary Access Pass (one-time)', methods: ['temporaryAccessPassOneTime'] },
];
