'use client';
import { useState, type FormEvent } from 'react';
import { hasStrongDeskMethod, type AvailableDeskMethod } from '@/lib/desk/available-desk-methods';
import type { DeskCaseView } from '@/server/desk/desk-case-view';
import type { z } from 'zod';
import { checkedCodeSchema, sentVerificationSchema, unreadAnswerSchema } from '@/lib/desk/desk-answer-schemas';
import { deskCall, errorKey } from './desk-fetch';
import { useDeskTranslate } from './use-desk-translate';

/** Push with number matching (live state) and read-back codes, for the methods this account has. */
export function VerificationControls({
  view,
  methods,
  isEnded,
  serverNow,
}: {
  view: DeskCaseView;
  methods: AvailableDeskMethod[];
  isEnded: boolean;
  serverNow: number;
}) {
  const t = useDeskTranslate();
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [codeVerificationId, setCodeVerificationId] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [isBusy, setBusy] = useState(false);
  const isAvailable = (method: string) => methods.some((m) => m.method === method && m.isAvailable);
  const pushes = view.verifications.filter((v) => v.method === 'authenticatorPush');
  const latestPush = pushes.at(-1);
  const isPushPending = latestPush?.status === 'pending';
  const pushSecondsLeft = latestPush
    ? Math.max(0, Math.ceil((Date.parse(latestPush.expiresAt) - serverNow) / 1000))
    : 0;

  async function run<T>(path: string, answerSchema: z.ZodType<T>, body?: unknown): Promise<T | null> {
    setBusy(true);
    setMessage(null);
    const result = await deskCall(path, answerSchema, { method: 'POST', body: body ?? {} });
    setBusy(false);
    if (!result.ok) {
      setMessage({ kind: 'error', text: t(errorKey(result.error)) });
      return null;
    }
    return result.data;
  }

  async function sendCode(method: 'smsCode' | 'emailCode') {
    const sent = await run(`/api/desk/cases/${view.id}/codes`, sentVerificationSchema, { method });
    if (sent) {
      setCodeVerificationId(sent.verificationId);
      setCode('');
      setMessage({ kind: 'info', text: t(`verify.codeSent.${method}`) });
    }
  }

  async function sendLink() {
    const sent = await run(`/api/desk/cases/${view.id}/link`, sentVerificationSchema);
    if (sent) setMessage({ kind: 'info', text: t(`verify.linkSent.${sent.sentTo}`) });
  }

  async function checkCode(event: FormEvent) {
    event.preventDefault();
    if (!codeVerificationId) return;
    const checked = await run(`/api/desk/cases/${view.id}/codes/${codeVerificationId}`, checkedCodeSchema, { code });
    if (!checked) return;
    if (checked.isVerified) {
      setCodeVerificationId(null);
      setMessage({ kind: 'info', text: t('verify.codeAccepted') });
    } else setMessage({ kind: 'error', text: t('verify.codeWrong', { left: checked.attemptsLeft }) });
  }

  return (
    <section aria-labelledby="verify-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="verify-title" className="text-lg font-semibold">
        {t('verify.title')}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{t('verify.intro')}</p>
      {hasStrongDeskMethod(methods) ? (
        isAvailable('smsCode') || isAvailable('emailCode') ? (
          <p className="mt-1 text-sm text-slate-700" data-testid="codes-add-only">
            {t('verify.codesAddOnly')}
          </p>
        ) : null
      ) : (
        <p role="alert" className="mt-2 rounded-lg border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950">
          {t('verify.noStrongMethod')}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {isAvailable('authenticatorPush') ? (
          <button
            type="button"
            disabled={isBusy || isEnded || isPushPending}
            onClick={() => void run(`/api/desk/cases/${view.id}/push`, unreadAnswerSchema)}
            className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
          >
            {t('verify.sendPush')}
          </button>
        ) : (
          <p className="text-sm text-slate-700">{t('verify.noPush')}</p>
        )}
        {isAvailable('entraSignInLink') ? (
          <button
            type="button"
            disabled={isBusy || isEnded}
            onClick={() => void sendLink()}
            className="rounded-lg border border-slate-400 px-4 py-2 font-medium disabled:opacity-60"
          >
            {t('verify.sendLink')}
          </button>
        ) : null}
        {isAvailable('smsCode') ? (
          <button
            type="button"
            disabled={isBusy || isEnded}
            onClick={() => void sendCode('smsCode')}
            className="rounded-lg border border-slate-400 px-4 py-2 font-medium disabled:opacity-60"
          >
            {t('verify.sendSms')}
          </button>
        ) : null}
        {isAvailable('emailCode') ? (
          <button
            type="button"
            disabled={isBusy || isEnded}
            onClick={() => void sendCode('emailCode')}
            className="rounded-lg border border-slate-400 px-4 py-2 font-medium disabled:opacity-60"
          >
            {t('verify.sendEmail')}
          </button>
        ) : null}
      </div>
      {latestPush ? (
        <div className="mt-4 rounded-lg border border-slate-300 p-3" data-testid="push-panel">
          {latestPush.number !== null ? (
            <p className="text-sm">
              {t('verify.readNumber')}{' '}
              <strong className="ml-2 text-4xl font-bold tracking-widest" data-testid="desk-push-number">
                {latestPush.number}
              </strong>
            </p>
          ) : null}
          <p role="status" aria-live="polite" className="mt-2 font-medium" data-testid="push-status">
            {t(`pushStates.${latestPush.detail}`)}
          </p>
          {isPushPending ? (
            // role="timer" is not announced on every tick (its aria-live is off), only when read.
            <p role="timer" className="mt-1 text-sm text-slate-700" data-testid="push-time-left">
              {t('pushTimeLeft', { seconds: pushSecondsLeft })}
            </p>
          ) : null}
        </div>
      ) : null}
      {codeVerificationId ? (
        <form onSubmit={checkCode} className="mt-4 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="desk-code" className="block text-sm font-medium">
              {t('verify.codeLabel')}
            </label>
            <input
              id="desk-code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              inputMode="numeric"
              autoComplete="off"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              className="mt-1 w-40 rounded-lg border border-slate-400 px-3 py-2 tracking-widest"
            />
          </div>
          <button
            type="submit"
            disabled={isBusy}
            className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
          >
            {t('verify.checkCode')}
          </button>
        </form>
      ) : null}
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={`mt-3 rounded-lg border p-2 text-sm ${message.kind === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-green-300 bg-green-50 text-green-900'}`}
        >
          {message.text}
        </p>
      ) : null}
      <h3 className="mt-4 text-sm font-semibold">{t('verify.history')}</h3>
      <ul className="mt-1 space-y-1 text-sm" data-testid="verification-history">
        {view.verifications.length === 0 ? (
          <li className="text-slate-600">{t('verify.noneYet')}</li>
        ) : (
          view.verifications.map((v) => (
            <li key={v.id}>
              {t(`methods.${v.method}`)} —{' '}
              <span
                className={
                  v.status === 'verified' ? 'font-medium text-green-800' : v.status === 'failed' ? 'text-red-800' : ''
                }
              >
                {t(`pushStates.${v.detail}`)}
              </span>
            </li>
          ))
        )}
      </ul>
    </section>
  );
}
