'use client';
import { useEffect, useRef, useState } from 'react';
import { deskActions, type DeskAction } from '@/lib/desk/desk-policy';
import type { DeskCaseView } from '@/server/desk/desk-case-view';
import { actionAnswerSchema, unreadAnswerSchema } from '@/lib/desk/desk-answer-schemas';
import { deskCall, errorKey } from './desk-fetch';
import { StepUpLink } from '@/app/components/step-up-link';
import { TemporaryAccessPass } from './temporary-access-pass';
import { useDeskTranslate } from './use-desk-translate';

// Actions that hand over or take away access ask for a second click (WCAG 3.3.4, error prevention).
const confirmedActions: ReadonlySet<DeskAction> = new Set(['issueTemporaryAccessPass', 'requirePasswordChange']);

function formatCountdown(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/** The four actions, each enabled only when the policy allows it now, with the reason when not; "Unlock" also
 * only when the user card shows a lockout (unlocking an unlocked account only e-mails the user for nothing). */
export function DeskActions({
  view,
  secondsLeft,
  isLockedOut,
  targetName,
}: {
  view: DeskCaseView;
  secondsLeft: number;
  isLockedOut: boolean;
  targetName: string;
}) {
  const t = useDeskTranslate();
  const [busy, setBusy] = useState<DeskAction | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string; refusal?: string | null } | null>(
    null,
  );
  const [pass, setPass] = useState<{ value: string; minutes: number; isUsableOnce: boolean } | null>(null);
  const [isRequesting, setRequesting] = useState(false);
  const [confirming, setConfirming] = useState<DeskAction | null>(null);
  // Cancelling the confirmation puts focus back on the button that opened it (WAI-ARIA APG, dialog pattern:
  // "when a dialog closes, focus returns to the element that invoked it"); it is re-enabled first, hence the effect.
  const [cancelled, setCancelled] = useState<DeskAction | null>(null);
  const actionButtons = useRef(new Map<DeskAction, HTMLButtonElement>());
  useEffect(() => {
    if (cancelled && !confirming) actionButtons.current.get(cancelled)?.focus();
  }, [cancelled, confirming]);
  const [hasUnlocked, setHasUnlocked] = useState(false);
  const isOpen = view.window.state === 'open' && secondsLeft > 0;

  async function act(action: DeskAction) {
    setConfirming(null);
    setBusy(action);
    setMessage(null);
    const result = await deskCall(`/api/desk/cases/${view.id}/actions`, actionAnswerSchema, {
      method: 'POST',
      body: { action },
    });
    setBusy(null);
    if (!result.ok)
      return setMessage({ kind: 'error', text: t(errorKey(result.error)), refusal: result.error.refusal });
    const data = result.data;
    if (data.action === 'unlock') setHasUnlocked(true);
    // The pass lives only in this component's memory until the agent confirms it was read out.
    if (data.action === 'issueTemporaryAccessPass')
      setPass({ value: data.temporaryAccessPass, minutes: data.lifetimeInMinutes, isUsableOnce: data.isUsableOnce });
    setMessage({
      kind: 'info',
      text:
        data.action === 'unlock'
          ? t(data.wasLocked ? 'actions.done.unlocked' : 'actions.done.notLocked')
          : data.action === 'sendResetLink'
            ? t(`actions.done.link.${data.sentTo}`)
            : t(`actions.done.${data.action}`),
    });
  }

  async function requestApproval() {
    setRequesting(true);
    const result = await deskCall(`/api/desk/cases/${view.id}/approval-request`, unreadAnswerSchema, {
      method: 'POST',
      body: {},
    });
    setRequesting(false);
    setMessage(
      result.ok
        ? { kind: 'info', text: t('approval.requested') }
        : { kind: 'error', text: t(errorKey(result.error)), refusal: result.error.refusal },
    );
  }

  return (
    <section aria-labelledby="actions-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="actions-title" className="text-lg font-semibold">
          {t('actions.title')}
        </h2>
        <p className="text-sm" data-testid="window-countdown">
          {view.window.state === 'notStarted' ? (
            t('window.notStarted')
          ) : isOpen ? (
            <>
              {t('window.open')}{' '}
              <span role="timer" aria-label={t('window.timerLabel')} className="font-mono text-lg font-semibold">
                {formatCountdown(secondsLeft)}
              </span>
            </>
          ) : (
            <span className="font-medium text-red-800">{t('window.closed')}</span>
          )}
        </p>
      </div>
      {view.target.isPrivileged ? (
        <div className="mt-3 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          <p>{t('approval.privilegedIntro')}</p>
          <p className="mt-1 font-medium" role="status">
            {view.approval.approvedByName
              ? t('approval.approvedBy', { name: view.approval.approvedByName })
              : view.approval.requestedAt
                ? t('approval.waiting')
                : t('approval.notRequested')}
          </p>
          {view.approval.canRequest ? (
            <button
              type="button"
              onClick={() => void requestApproval()}
              disabled={isRequesting}
              className="mt-2 rounded-lg bg-brand-700 px-3 py-1.5 font-medium text-white disabled:opacity-60"
            >
              {t('approval.request')}
            </button>
          ) : null}
        </div>
      ) : null}
      <ul className="mt-3 grid gap-2 sm:grid-cols-2">
        {deskActions.map((action) => {
          const state = view.actions[action];
          const reasonId = `reason-${action}`;
          const isNotLocked = action === 'unlock' && (!isLockedOut || hasUnlocked);
          const isAllowed = state.isAllowed && !isNotLocked;
          return (
            <li key={action} className="rounded-lg border border-slate-200 p-3">
              <button
                ref={(button) => {
                  if (button) actionButtons.current.set(action, button);
                  else actionButtons.current.delete(action);
                }}
                type="button"
                disabled={!isAllowed || busy !== null || confirming !== null}
                aria-describedby={reasonId}
                onClick={() => {
                  setCancelled(null);
                  if (confirmedActions.has(action)) setConfirming(action);
                  else void act(action);
                }}
                className="w-full rounded-lg bg-brand-700 px-3 py-2 font-medium text-white disabled:bg-slate-300 disabled:text-slate-700"
              >
                {t(`actions.${action}.label`)}
              </button>
              <p id={reasonId} className="mt-1 text-xs text-slate-700">
                {!state.isAllowed
                  ? t(`refusals.${state.refusal}`)
                  : isNotLocked
                    ? t('actions.unlock.notLockedOut')
                    : t(`actions.${action}.hint`)}
              </p>
            </li>
          );
        })}
      </ul>
      {confirming ? (
        <ConfirmAction
          text={t(`actions.confirm.${confirming}`, { name: targetName })}
          yes={t('actions.confirm.yes')}
          no={t('actions.confirm.no')}
          onYes={() => void act(confirming)}
          onNo={() => {
            setCancelled(confirming);
            setConfirming(null);
          }}
        />
      ) : null}
      {message ? (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={`mt-3 rounded-lg border p-2 text-sm ${message.kind === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-green-300 bg-green-50 text-green-900'}`}
        >
          {message.text}
        </p>
      ) : null}
      <StepUpLink reason={message?.refusal} label={t('actions.signInAgain')} />
      {pass ? <TemporaryAccessPass pass={pass} onDone={() => setPass(null)} /> : null}
    </section>
  );
}

function ConfirmAction({
  text,
  yes,
  no,
  onYes,
  onNo,
}: {
  text: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      role="group"
      aria-labelledby="confirm-action-text"
      data-testid="confirm-action"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onNo();
      }}
      className="mt-3 rounded-lg border-2 border-amber-400 bg-amber-50 p-3"
    >
      <p id="confirm-action-text" className="font-medium text-amber-950">
        {text}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          ref={confirm}
          type="button"
          onClick={onYes}
          className="rounded-lg bg-brand-700 px-3 py-1.5 font-medium text-white"
        >
          {yes}
        </button>
        <button
          type="button"
          onClick={onNo}
          className="rounded-lg border border-slate-400 bg-white px-3 py-1.5 font-medium"
        >
          {no}
        </button>
      </div>
    </div>
  );
}
