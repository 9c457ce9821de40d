'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { StepUpLink } from '@/app/components/step-up-link';
import { unreadAnswerSchema } from '@/lib/desk/desk-answer-schemas';
import { deskCall } from './desk-fetch';

/** Approves one case; the message comes back in the supervisor's language from the server page. */
export function ApproveButton({
  caseId,
  label,
  errorLabel,
  signInAgain,
  describedBy,
}: {
  caseId: string;
  label: string;
  errorLabel: string;
  /** The link shown when the approval needs a fresh MFA sign-in (server/desk/desk-step-up.ts). */
  signInAgain: string;
  describedBy: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<{ text: string; refusal: string | null } | null>(null);
  const [isBusy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-describedby={describedBy}
        disabled={isBusy}
        onClick={async () => {
          setBusy(true);
          const result = await deskCall(`/api/desk/cases/${caseId}/approval`, unreadAnswerSchema, {
            method: 'POST',
            body: {},
          });
          setBusy(false);
          if (result.ok) router.refresh();
          else setError({ text: `${errorLabel} ${result.error.message}`, refusal: result.error.refusal });
        }}
        className="rounded-lg bg-brand-700 px-3 py-1.5 font-medium text-white disabled:opacity-60"
      >
        {label}
      </button>
      {error ? (
        <div role="alert" className="mt-1 text-sm text-red-900">
          <p>{error.text}</p>
          <StepUpLink reason={error.refusal} label={signInAgain} />
        </div>
      ) : null}
    </>
  );
}

/** Re-reads the queue every few seconds so new requests appear without a manual refresh. */
export function AutoRefresh({ seconds }: { seconds: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return null;
}
