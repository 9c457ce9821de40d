// The text and voice call factors: a six-digit one-time code to the outbox, then at most three tries in ten minutes.
import crypto from 'node:crypto';
import { redirect } from '../../http/http';
import { phoneOf } from '../../methods/sign-in-methods';
import { signInErrorCodes } from '../../store/sign-in-logs';
import { factorSucceeded } from '../advance';
import { failureReasons, inlineErrors, oneTimeCodeMessage } from '../entra-messages';
import { expectStep } from '../expect-step';
import type { Interaction } from '../interaction-context';
import { logFailure } from '../log-failure';
import { renderMethod } from '../render-method';

function hashCode(code: string): string {
  return crypto.createHash('sha256').update(code).digest('base64');
}

export async function sendCode(it: Interaction, channel: 'sms' | 'voice'): Promise<void> {
  const user = expectStep(it, channel);
  if (!user) return;
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const now = it.mock.now();
  it.state.oneTimeCode = { channel, hash: hashCode(code), expiresAt: now + 10 * 60_000, attempts: 0 };
  const { sendToOutbox } = await import('../../store/outbox');
  sendToOutbox(
    it.mock.store,
    {
      channel,
      to: phoneOf(it.mock.credentials, user) ?? 'unknown',
      userPrincipalName: user.userPrincipalName,
      code,
      body: oneTimeCodeMessage(channel, code),
    },
    now,
  );
  redirect(it.res, `${it.base}?method=${channel}`);
}

export async function submitCode(it: Interaction, code: string): Promise<void> {
  const pending = it.state.oneTimeCode;
  const user = pending ? expectStep(it, pending.channel) : undefined;
  if (!user || !pending) return pending ? undefined : redirect(it.res, it.base);
  const now = it.mock.now();
  pending.attempts += 1;
  const actual = Buffer.from(hashCode(code.trim()));
  const expected = Buffer.from(pending.hash);
  const isMatch = actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
  if (!isMatch || pending.expiresAt <= now || pending.attempts > 3) {
    if (pending.attempts >= 3 || pending.expiresAt <= now) it.state.oneTimeCode = undefined;
    logFailure(it, user, signInErrorCodes.invalidCode, failureReasons.invalidCode);
    return renderMethod(it, user, pending.channel, inlineErrors.wrongCode);
  }
  it.state.oneTimeCode = undefined;
  return factorSucceeded(it, user, pending.channel);
}
