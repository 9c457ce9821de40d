'use client';
// "Send a registration reminder" for one user of /admin/readiness: the first click asks to confirm (naming who gets
// the e-mail), the second posts the server action; a refusal shows in the row's alert.
import { useActionState, useRef, useState } from 'react';
import type { ActionState } from '@/server/http/define-server-action';
import { FormAlert } from '@/app/components/form-alert';
import { sendRegistrationReminderAction } from '../actions';

export type ReminderLabels = { remind: string; confirm: string; send: string; cancel: string; signInAgain: string };

const small =
  'inline-flex min-h-11 items-center rounded-lg px-3 py-2 text-sm font-semibold disabled:opacity-70 sm:min-h-9';

export function ReminderButton({ userId, labels }: { userId: string; labels: ReminderLabels }) {
  const [state, action, isSending] = useActionState<ActionState, FormData>(sendRegistrationReminderAction, {});
  const [isConfirming, setConfirming] = useState(false);
  const sendRef = useRef<HTMLButtonElement>(null);
  if (!isConfirming)
    return (
      <>
        <button
          type="button"
          className={`${small} border border-slate-300 bg-white text-slate-900 hover:bg-slate-100`}
          onClick={() => {
            setConfirming(true);
            requestAnimationFrame(() => sendRef.current?.focus());
          }}
        >
          {labels.remind}
        </button>
        <FormAlert state={state} signInAgain={labels.signInAgain} />
      </>
    );
  return (
    <form action={action} className="rounded-lg border border-amber-300 bg-amber-50 p-3">
      <input type="hidden" name="userId" value={userId} />
      <p className="text-sm text-amber-950">{labels.confirm}</p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button ref={sendRef} type="submit" disabled={isSending} className={`${small} bg-brand-700 text-white`}>
          {labels.send}
        </button>
        <button
          type="button"
          className={`${small} border border-slate-300 bg-white text-slate-900`}
          onClick={() => setConfirming(false)}
        >
          {labels.cancel}
        </button>
      </div>
      <FormAlert state={state} signInAgain={labels.signInAgain} />
    </form>
  );
}
