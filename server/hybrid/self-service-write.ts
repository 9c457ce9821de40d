import 'server-only';
// A self-service password write or unlock, sent to the user's source of authority: AD (by objectSid) for a
// synced user, Graph for a cloud-only one. Refusals for self-service (unserved synced account, disabled,
// expired, protected) name the precise reason for the audit log only; the user reads one sentence that
// sends them to the desk, the same for each reason (enumeration-safe). AD's password refusal (0000052D)
// keeps the rule it broke so the page can name it.
import { AppError, isAppError, isAppErrorReason } from '@/lib/app-error';
import { checkableAdRules } from '@/lib/ad/ad-password-rules';
import type { ResetDependencies } from '../reset/reset-dependencies';
import type { ResetDirectoryUser } from '../reset/reset-directory';
import type { PasswordSync } from '../reset/reset-notifications';
import { resolvePasswordAuthority, selfServiceRefusalOf, type PasswordAuthority } from './password-authority';

export type SelfServiceWrite = { kind: 'password'; password: string } | { kind: 'unlock' };

/** A failure with what the user may read and what the audit log records. */
export class SelfServiceWriteError extends Error {
  constructor(
    readonly shown: AppError,
    readonly auditReason: string,
    /** The answer was lost after the write was sent (a timeout, a 5xx): it may have been applied. */
    readonly isOutcomeUnknown = false,
  ) {
    super(shown.message);
  }
}

export function selfServiceRefused(auditReason: string): SelfServiceWriteError {
  return new SelfServiceWriteError(
    new AppError(
      'FORBIDDEN',
      'Your password cannot be changed or unlocked here. Contact the service desk; they can help you.',
      { reason: 'selfServiceRefused' },
    ),
    auditReason,
  );
}

function adFailure(error: unknown): SelfServiceWriteError {
  if (!isAppError(error)) return new SelfServiceWriteError(new AppError('INTERNAL', 'Unexpected failure.'), 'internal');
  const reason = error.reason ?? error.code;
  if (reason === 'adPasswordRules') {
    const rule = String(error.details.rule);
    return new SelfServiceWriteError(
      new AppError('INVALID_INPUT', 'Active Directory refused the new password: it breaks a password rule.', {
        reason: isAppErrorReason('INVALID_INPUT', rule) ? rule : 'adPasswordRules',
      }),
      rule,
    );
  }
  // No rights on the object (an AdminSDHolder-protected account) or the object vanished: the desk's case.
  if (reason === 'adAccessDenied' || reason === 'adAccountNotFound') return selfServiceRefused(reason);
  return new SelfServiceWriteError(error, reason, error.details.isOutcomeUnknown === true);
}

async function writeToAd(authority: Extract<PasswordAuthority, { kind: 'activeDirectory' }>, write: SelfServiceWrite) {
  const sid = authority.securityIdentifier;
  if (write.kind === 'unlock') {
    await authority.directory.unlock(sid);
    return;
  }
  // Length and complexity are checked before the write so the page's rules and AD's answer agree; AD
  // still decides (history and minimum age are only known to the DC).
  const names = {
    samAccountName: authority.report.account.samAccountName,
    displayName: authority.report.account.displayName,
  };
  const failed = checkableAdRules(authority.report.policy, write.password, names).find((rule) => !rule.passed);
  if (failed)
    throw new AppError('INVALID_INPUT', 'The new password breaks a password rule.', {
      reason: 'adPasswordRules',
      rule: failed.id,
    });
  await authority.directory.resetPassword(sid, write.password);
}

/**
 * Performs the write at the user's source of authority; throws SelfServiceWriteError on every failure.
 * Returns, for an AD write, how Microsoft 365 takes the password (AD_PASSWORD_SYNC); null for Entra.
 */
export async function writeAtSourceOfAuthority(
  deps: Pick<ResetDependencies, 'directory' | 'onPremises' | 'now'>,
  user: ResetDirectoryUser,
  write: SelfServiceWrite,
): Promise<PasswordSync | null> {
  let authority: PasswordAuthority;
  try {
    authority = await resolvePasswordAuthority(user, deps.onPremises, deps.now());
  } catch (error) {
    throw adFailure(error);
  }
  const refusal = selfServiceRefusalOf(authority);
  if (refusal) throw selfServiceRefused(refusal);
  if (authority.kind === 'activeDirectory') {
    try {
      await writeToAd(authority, write);
    } catch (error) {
      throw adFailure(error);
    }
    return authority.directory.passwordSync;
  }
  try {
    if (write.kind === 'password') await deps.directory.setPassword(user.id, write.password);
    else await deps.directory.unlock(user.id);
  } catch (error) {
    throw new SelfServiceWriteError(
      entraFailure(error, write),
      isAppError(error) ? error.code : 'INTERNAL',
      isAppError(error) && error.details.isOutcomeUnknown === true,
    );
  }
  return null;
}

// Graph's wording for the two documented refusals (user-update; concept-password-ban-bad), so the page
// can explain them in the user's language; anything else is shown as a generic refusal.
function entraRejectionReason(message: string): 'entraBanned' | 'entraComplexity' | 'entraRejected' {
  if (/commonly used|easy to guess|banned/i.test(message)) return 'entraBanned';
  if (/complexity|length|characters/i.test(message)) return 'entraComplexity';
  return 'entraRejected';
}

function entraFailure(error: unknown, write: SelfServiceWrite): AppError {
  if (write.kind === 'password' && isAppError(error) && error.code === 'INVALID_INPUT')
    return new AppError('INVALID_INPUT', error.message, { reason: entraRejectionReason(error.message) });
  return new AppError(
    'UPSTREAM_ERROR',
    write.kind === 'password'
      ? 'Microsoft Entra ID did not accept the change right now. Try again in a moment.'
      : 'Microsoft Entra ID did not accept the unlock right now. Try again in a moment.',
    { reason: 'entraUnavailable' },
  );
}
