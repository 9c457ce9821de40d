// Entra's words in the sign-in interaction: page titles and messages, inline errors, sign-in log reasons.
// The texts and codes follow Entra's own sign-in pages and the AADSTS reference
// (https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes); failure reasons follow the
// sign-in log's status (https://learn.microsoft.com/en-us/entra/identity/monitoring-health/concept-sign-in-log-activity-details).
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';

/** Whole-page errors: a title, a sentence and, where Entra shows one, the AADSTS code. */
export const errorPages = {
  sessionExpired: { title: 'Your sign-in session expired', message: 'Go back to the application and sign in again.' },
  sessionMismatch: { title: 'Sign-in session mismatch', message: 'Go back to the application and sign in again.' },
  noUsableMethod: { title: 'You can’t sign in here', message: 'You have no method that can be used here.' },
  accountDisabled: {
    title: 'Your account has been locked',
    message: 'Contact your support person to unlock it, then try again.',
    code: 50057,
  },
  methodNotOffered: { title: 'That method isn’t available now', message: 'Choose another way to sign in.' },
  methodNotRegistered: { title: 'You haven’t set up that method', message: 'Choose another way to sign in.' },
  // Our wording: Entra simply does not list a method the authentication methods policy disallows.
  methodNotAllowed: {
    title: 'Your organization doesn’t allow that method',
    message: 'Choose another way to sign in.',
  },
  passkeyNotRegistered: { title: 'We couldn’t register your passkey', message: 'Try again.' },
  blockedByConditionalAccess: {
    title: 'You cannot access this right now',
    message:
      'Your sign-in was successful but does not meet the criteria to access this resource. For example, you might be signing in from a browser, app, or location that is restricted by your admin.',
    code: 53003,
  },
  noMethodUsableHere: {
    title: 'You can’t get there from here',
    message: 'Your organization requires a sign-in method you can’t use here. Contact your admin.',
    code: 53003,
  },
  noMethodRegistered: {
    title: 'You can’t get there from here',
    message: 'Your organization requires a sign-in method you haven’t registered. Contact your admin.',
    code: 53003,
  },
} as const;

/** The AADSTS code Entra shows when the interaction's session is gone. */
export const sessionExpiredCode = 50058;

export function methodNotSimulatedPage(mode: string): { title: string; message: string } {
  return { title: 'Method not available', message: `${mode} is not simulated by the mock.` };
}

/** The error returned to the application (OAuth `error_description`). */
export const authorizationErrors = {
  cancelled: 'AADSTS50126: The user cancelled the sign-in.',
  consentDeclined: 'AADSTS65004: User declined to consent to access the app.',
} as const;

/** One-line errors shown above a method's form. */
export const inlineErrors = {
  unknownUsername: 'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.',
  accountLocked:
    'Your account is temporarily locked to prevent unauthorized use. Try again later, and if you still have trouble, contact your admin.',
  wrongPassword: 'Your account or password is incorrect. If you don’t remember your password, reset it now.',
  wrongCode: 'You didn’t enter the expected verification code. Please try again.',
  wrongTemporaryAccessPass: 'The Temporary Access Pass is incorrect or has expired.',
  wrongPin: 'The PIN is incorrect. Try again.',
  passkeyNotVerified: 'We couldn’t verify your passkey. Try again or sign in another way.',
  accountDisabled: 'Your account has been locked. Contact your support person to unlock it, then try again.',
  passThroughUnavailable:
    'We can’t sign you in right now because your organisation’s directory can’t be reached. Try again in a few minutes.',
} as const;

export function pushRateLimitedError(retryAfterMs: number): string {
  return `We've sent too many notifications to your Authenticator app. Try again in ${Math.ceil(retryAfterMs / 60_000)} minutes, or sign in another way.`;
}

/** What the Authenticator's answer means to the user, by push status. */
export const pushOutcomes: Record<string, [string, string]> = {
  denied: ['Request denied', 'The sign-in was denied in the Authenticator app.'],
  numberMismatch: [
    'You entered the wrong number',
    'The number entered in the Authenticator app did not match. Send a new request.',
  ],
  expired: ['We didn’t hear from you', 'The request in your Authenticator app timed out. Send a new request.'],
  reported: ['Request denied', 'You reported this sign-in as suspicious. Your organization has been notified.'],
};

export const pushFailedOutcome: [string, string] = ['Request failed', 'Send a new request.'];

/** Headings of the Sign-in options list: the first factor, then a second one. */
export const optionsHeadings = { firstFactor: 'Sign-in options', secondFactor: 'Verify your identity' } as const;

/** The code pages' texts, by method. */
export const codePrompts = {
  oath: {
    title: 'Enter code',
    instructions: 'Enter the code displayed in the authenticator app on your mobile device.',
    label: 'Code',
  },
  voice: { title: 'Enter code', instructions: 'We called your phone. Enter the code you heard.', label: 'Code' },
  temporaryAccessPass: {
    title: 'Enter Temporary Access Pass',
    instructions: 'Enter the Temporary Access Pass your administrator gave you.',
    label: 'Temporary Access Pass',
  },
  windowsHello: {
    title: 'Windows Security',
    instructions: 'Making sure it’s you. Enter your Windows Hello PIN (simulated).',
    label: 'PIN',
  },
} as const;

export function smsCodePrompt(maskedPhone: string): { title: string; instructions: string; label: string } {
  return {
    title: 'Enter code',
    instructions: `We texted your phone ${maskedPhone}. Please enter the code to sign in.`,
    label: 'Code',
  };
}

/** The text or call that carries a one-time code. */
export function oneTimeCodeMessage(channel: 'sms' | 'voice', code: string): string {
  return channel === 'sms'
    ? `Use verification code ${code} for Contoso (mock) authentication.`
    : `Your Contoso (mock) verification code is ${code.split('').join(' ')}.`;
}

/** Labels in the registration interrupt. */
export function registrationLabel(mode: AuthenticationMethodMode): string {
  switch (mode) {
    case 'fido2':
      return 'Passkey (face, fingerprint, PIN or security key)';
    case 'microsoftAuthenticatorPush':
      return 'Microsoft Authenticator (simulated set-up)';
    case 'softwareOath':
      return 'Authenticator app code (simulated set-up)';
    case 'sms':
      return 'Phone: text a code (simulated set-up)';
    case 'voice':
      return 'Phone: call me (simulated set-up)';
    default:
      return mode;
  }
}

/** The sign-in log's `status.failureReason` (and `additionalDetails`), by cause. */
export const failureReasons = {
  accountLocked:
    'Account is locked because the user tried to sign in too many times with an incorrect user ID or password.',
  invalidPassword: 'Invalid username or password or Invalid on-premise username or password.',
  accountDisabled: 'User account is disabled. The account has been disabled by an administrator.',
  passThroughUnavailable: 'Authentication Agent unable to connect to Active Directory.',
  pushRateLimited:
    'Too many unanswered Authenticator notifications; further notifications are blocked for a while (push rate limit).',
  invalidCode: 'Invalid verification code.',
  invalidTemporaryAccessPass: 'Invalid Temporary Access Pass.',
  passkeyNotVerified: 'FIDO2 passkey verification failed.',
  blockedByConditionalAccess:
    'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  noWayToSatisfy: 'The user has no way to satisfy Conditional Access from this sign-in.',
  restartRequired:
    'The sign-in method used does not satisfy the required authentication strength; the user was asked to restart with Sign-in options.',
  noRegisteredMethod: 'The user has no registered method that satisfies Conditional Access.',
  engineUnavailable: 'Conditional Access engine not available: policies were not evaluated.',
} as const;

export function pushFailureReason(status: string): string {
  return `Authenticator request ${status}.`;
}
