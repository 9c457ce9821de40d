// The password policy that applies to one AD account: the domain's (`minPwdLength`, `pwdProperties`,
// `pwdHistoryLength`, `minPwdAge`, lockout settings on the domain object) or the fine-grained password
// policy (PSO) named by `msDS-ResultantPSO`. Field meanings: "Password Policy" and "Fine-grained password
// policies" on learn.microsoft.com (windows-server/security/threat-protection/security-policy-settings/
// password-policy; windows-server/identity/ad-ds/get-started/adac/fine-grained-password-policies).
import { z } from 'zod';

export const adPasswordPolicySchema = z.object({
  source: z.enum(['domain', 'fineGrained']),
  /** The PSO's name, or the domain's DNS name. */
  name: z.string(),
  minLength: z.number().int().min(0),
  requiresComplexity: z.boolean(),
  historyLength: z.number().int().min(0),
  /** Days before a password may be changed again (0 = any time). */
  minAgeDays: z.number().int().min(0),
  lockoutThreshold: z.number().int().min(0),
  /** null: locked until an administrator unlocks. */
  lockoutDurationMinutes: z.number().int().min(0).nullable(),
});
export type AdPasswordPolicy = z.infer<typeof adPasswordPolicySchema>;

/** pwdProperties bit DOMAIN_PASSWORD_COMPLEX (MS-SAMR 2.2.3.3? DOMAIN_PASSWORD_INFORMATION). */
export const domainPasswordComplex = 1;
