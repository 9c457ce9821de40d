import 'server-only';
// AD's answers to a write, as AppErrors the pages can explain. A password refusal is constraint
// violation 0000052D (Samba: result 19; Windows: 19 or 53 unwillingToPerform), mapped to the rule it
// broke (lib/ad/ad-password-rules.ts). Missing rights (for instance an AdminSDHolder-protected account)
// is a refusal, not an outage.
import { InsufficientAccessError, NoSuchObjectError, ResultCodeError } from 'ldapts';
import { AppError } from '@/lib/app-error';
import type { AdPasswordPolicy } from '@/lib/ad/ad-password-policy';
import { adRefusalRule, type AdAccountNames } from '@/lib/ad/ad-password-rules';

export function adWriteError(
  error: unknown,
  context?: { policy: AdPasswordPolicy; password: string; names: AdAccountNames },
): unknown {
  if (!(error instanceof ResultCodeError)) return error;
  if (/0000052D/i.test(error.message) && context) {
    const rule = adRefusalRule(error.message, context.policy, context.password, context.names);
    return new AppError('INVALID_INPUT', 'Active Directory refused the new password: it breaks a password rule.', {
      reason: 'adPasswordRules',
      rule,
    });
  }
  if (error instanceof InsufficientAccessError)
    return new AppError('FORBIDDEN', 'The service account may not change this account in Active Directory.', {
      reason: 'adAccessDenied',
    });
  if (error instanceof NoSuchObjectError)
    return new AppError('NOT_FOUND', 'The account was not found in Active Directory.', { reason: 'adAccountNotFound' });
  return new AppError('UPSTREAM_ERROR', 'Active Directory refused the change.', {
    reason: 'adRefused',
    ldapCode: error.code,
  });
}
