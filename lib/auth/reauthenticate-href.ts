// Where a refused sensitive action sends the user: the sign-in page with prompt=login, which makes Entra
// authenticate anew (a fresh auth_time and MFA; ASVS5 6.8.4), then back to `returnPath` on this portal.
export const stepUpReason = 'mfaStepUpRequired';

export function reauthenticateHref(returnPath: string): string {
  return `/signin?${new URLSearchParams({ callbackUrl: returnPath, prompt: 'login' })}`;
}

/** Whether a refusal's reason asks for a fresh MFA sign-in (server/auth/step-up.ts). */
export function isStepUpRefusal(reason: string | null | undefined): boolean {
  return reason === stepUpReason;
}
