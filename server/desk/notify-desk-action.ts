import 'server-only';
// Tells the user, at their email of record, about every desk action on their account, without secrets
// (ASVS5 6.3.7): if they did not call the desk, they learn it at once.
import type { DeskAction } from '../../lib/desk/desk-policy';
import type { DeskDirectoryUser } from './desk-directory';

const sentences: Record<DeskAction, string> = {
  unlock: 'unlocked your account',
  sendResetLink: 'sent you a link to set a new password',
  issueTemporaryAccessPass: 'issued a Temporary Access Pass for your account',
  requirePasswordChange: 'required you to change your password at your next sign-in',
};

export function userNotificationAddresses(user: Pick<DeskDirectoryUser, 'mail' | 'otherMails'>): string[] {
  return [
    ...new Set([user.mail, ...user.otherMails].filter((a): a is string => Boolean(a)).map((a) => a.toLowerCase())),
  ];
}

/** The notices about one desk action, one per address of record (sent by the outbox: desk-notice-job.ts). */
export function deskActionNotices(
  user: DeskDirectoryUser,
  action: DeskAction,
  agentName: string,
  at: Date,
): { to: string; subject: string; text: string }[] {
  return userNotificationAddresses(user).map((to) => ({
    to,
    subject: 'A service desk agent made a change to your account',
    text: [
      `Hello ${user.displayName},`,
      `On ${at.toISOString()} the service desk agent ${agentName} ${sentences[action]} (${user.userPrincipalName}), after verifying you with your registered sign-in methods.`,
      'If you did not call the service desk, contact your IT security team immediately.',
    ].join('\n\n'),
  }));
}
