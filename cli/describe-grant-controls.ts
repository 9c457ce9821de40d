// One short phrase for a policy's grant controls, for the tables: "block", "mfa AND compliantDevice",
// "strength Passwordless MFA".

type GrantControlsLike =
  | {
      operator?: string | null;
      builtInControls?: readonly string[] | null;
      termsOfUse?: readonly string[] | null;
      customAuthenticationFactors?: readonly string[] | null;
      authenticationStrength?: { id: string; displayName?: string | null } | null;
    }
  | null
  | undefined;

const builtInStrengthNames: Record<string, string> = {
  '00000000-0000-0000-0000-000000000002': 'Multifactor authentication',
  '00000000-0000-0000-0000-000000000003': 'Passwordless MFA',
  '00000000-0000-0000-0000-000000000004': 'Phishing-resistant MFA',
};

export function describeGrantControls(grantControls: GrantControlsLike): string {
  if (grantControls === null || grantControls === undefined) return '-';
  const parts = [...(grantControls.builtInControls ?? [])];
  const strength = grantControls.authenticationStrength;
  if (strength) parts.push(`strength ${strength.displayName ?? builtInStrengthNames[strength.id] ?? strength.id}`);
  if ((grantControls.termsOfUse ?? []).length > 0) parts.push('termsOfUse');
  if ((grantControls.customAuthenticationFactors ?? []).length > 0) parts.push('customControl');
  if (parts.length === 0) return '-';
  return parts.join(` ${grantControls.operator ?? 'OR'} `);
}
