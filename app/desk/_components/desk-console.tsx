'use client';
// The agent console: search, user card, caller verification with live push states, the countdown and
// the actions, with the call script beside the controls on a laptop screen (stacked on a phone).
import { useState } from 'react';
import type { Messages } from '@/lib/i18n/translate';
import { openedCaseSchema, userCardSchema, type UserCardAnswer } from '@/lib/desk/desk-answer-schemas';
import { CallScript, type CallStep } from './call-script';
import { DeskActions } from './desk-actions';
import { deskCall, errorKey } from './desk-fetch';
import { useDeskCase } from './use-desk-case';
import { DeskMessagesContext, useDeskTranslate } from './use-desk-translate';
import { UserCard } from './user-card';
import { UserSearch } from './user-search';
import { VerificationControls } from './verification-controls';

/** Entra's smart lockout, or for a synced user AD's lockoutTime; when AD cannot be read, Unlock stays offered. */
function mayBeLockedOut(card: UserCardAnswer): boolean {
  if (card.lockout.isLockedOut) return true;
  if (card.onPremises.source === 'activeDirectory') return card.onPremises.lockout.isLocked;
  return card.onPremises.source === 'unavailable';
}

export function DeskConsole({ messages, locale }: { messages: Messages; locale: string }) {
  return (
    <DeskMessagesContext.Provider value={{ messages, locale }}>
      <ConsoleBody />
    </DeskMessagesContext.Provider>
  );
}

function ConsoleBody() {
  const t = useDeskTranslate();
  const [card, setCard] = useState<UserCardAnswer | null>(null);
  const [cardError, setCardError] = useState<string | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [isStarting, setStarting] = useState(false);
  const { view, secondsLeft, isLive, serverNow } = useDeskCase(caseId);

  async function select(userId: string) {
    setCaseId(null);
    setCardError(null);
    setStartError(null);
    const result = await deskCall(`/api/desk/users/${encodeURIComponent(userId)}`, userCardSchema);
    if (result.ok) setCard(result.data);
    else {
      setCard(null);
      setCardError(t(errorKey(result.error)));
    }
  }

  async function start() {
    if (!card) return;
    setStarting(true);
    setStartError(null);
    const result = await deskCall('/api/desk/cases', openedCaseSchema, {
      method: 'POST',
      body: { userId: card.user.id },
    });
    setStarting(false);
    if (result.ok) setCaseId(result.data.caseId);
    else setStartError(t(errorKey(result.error)));
  }

  function endCall() {
    setCaseId(null);
    setCard(null);
  }

  const step: CallStep = !caseId
    ? 'identify'
    : view?.window.state === 'open'
      ? 'act'
      : view?.endedAt || view?.window.state === 'closed'
        ? 'close'
        : 'verify';
  return (
    <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-4">
        {!caseId ? <UserSearch onSelect={(id) => void select(id)} /> : null}
        {cardError ? (
          <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-2 text-sm text-red-900">
            {cardError}
          </p>
        ) : null}
        {card && !caseId ? (
          <UserCard card={card} onStart={() => void start()} isStarting={isStarting} startError={startError} />
        ) : null}
        {card && caseId ? (
          <>
            <div className="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div>
                <h2 className="text-lg font-semibold">{t('case.title', { name: card.user.displayName })}</h2>
                <p className="text-sm text-slate-600">
                  {card.user.userPrincipalName}
                  {card.privilege.isPrivileged ? ` · ${t('case.privileged')}` : ''}
                </p>
              </div>
              <div className="flex items-center gap-3">
                <span className="text-xs text-slate-600" aria-live="polite">
                  {isLive ? t('case.live') : t('case.connecting')}
                </span>
                <button
                  type="button"
                  onClick={endCall}
                  className="rounded-lg border border-slate-400 px-3 py-1.5 text-sm font-medium"
                >
                  {t('case.endCall')}
                </button>
              </div>
            </div>
            {view?.endedAt ? (
              <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
                {t(`case.ended.${view.endedReason ?? 'closedByAgent'}`)}
              </p>
            ) : null}
            {view ? (
              <>
                <VerificationControls
                  view={view}
                  methods={card.availableMethods}
                  isEnded={Boolean(view.endedAt)}
                  serverNow={serverNow}
                />
                <DeskActions
                  view={view}
                  secondsLeft={secondsLeft}
                  isLockedOut={mayBeLockedOut(card)}
                  targetName={card.user.displayName}
                />
              </>
            ) : (
              <p role="status">{t('case.loading')}</p>
            )}
          </>
        ) : null}
      </div>
      <CallScript current={step} />
    </div>
  );
}
