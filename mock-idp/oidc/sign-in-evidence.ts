// What a completed sign-in proved: the Graph method modes used, the authentication contexts
// (acrs) satisfied and the time. Kept per grant (tokens carry the grant id) and per provider
// session (for single sign-on into another app and step-up checks).
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';

export type SignInEvidence = { methods: AuthenticationMethodMode[]; acrs: string[]; authTime: number; userId: string };

export type EvidenceRegistry = { byGrant: Map<string, SignInEvidence>; bySession: Map<string, SignInEvidence> };

export function createEvidenceRegistry(): EvidenceRegistry {
  return { byGrant: new Map(), bySession: new Map() };
}

// Entra documents amr only for v1 tokens: pwd, rsa, otp, fed, wia, mfa, ngcmfa, wiaormfa, none
// (id-token-claims-reference). Values for passwordless, FIDO2 and Windows Hello are undocumented;
// the mock's choices are listed in README.md ("amr extension").
const amrByMode: Partial<Record<AuthenticationMethodMode, string[]>> = {
  password: ['pwd'],
  microsoftAuthenticatorPush: ['rsa'],
  deviceBasedPush: ['rsa', 'mfa'],
  fido2: ['rsa', 'mfa'],
  windowsHelloForBusiness: ['ngcmfa', 'mfa'],
  softwareOath: ['otp'],
  hardwareOath: ['otp'],
  sms: ['otp'],
  voice: ['otp'],
  temporaryAccessPassOneTime: ['otp', 'mfa'],
  temporaryAccessPassMultiUse: ['otp', 'mfa'],
};

export function amrFor(methods: readonly AuthenticationMethodMode[]): string[] {
  const values = new Set<string>();
  methods.forEach((m) => (amrByMode[m] ?? []).forEach((v) => values.add(v)));
  if (methods.length >= 2) values.add('mfa');
  const order = ['pwd', 'rsa', 'otp', 'ngcmfa', 'mfa'];
  return [...values].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
