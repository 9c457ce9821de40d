'use client';
import { signIn } from 'next-auth/react';
import { useState } from 'react';

/** Starts the next-auth sign-in with Microsoft Entra ID; next-auth keeps callbackUrl on this origin. */
export function SignInButton({
  label,
  busyLabel,
  callbackUrl,
  prompt,
}: {
  label: string;
  busyLabel: string;
  callbackUrl: string;
  /** `login` makes Entra authenticate again even with a live session (a fresh auth_time for sensitive changes). */
  prompt?: 'login';
}) {
  const [isBusy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="rounded-lg bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-70"
      disabled={isBusy}
      aria-busy={isBusy}
      onClick={() => {
        setBusy(true);
        void signIn('entra', { callbackUrl }, prompt ? { prompt } : undefined);
      }}
    >
      {isBusy ? busyLabel : label}
    </button>
  );
}
