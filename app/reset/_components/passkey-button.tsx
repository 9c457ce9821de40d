'use client';
// Runs a WebAuthn ceremony (@simplewebauthn/browser) against the portal's JSON endpoints and then goes
// where the server says. Errors are announced (role="alert"); the button stays usable to try again.
import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { useState } from 'react';
import { z } from 'zod';
import { creationOptionsSchema, requestOptionsSchema } from './passkey-options-schema';

export type PasskeyButtonProps = {
  mode: 'register' | 'authenticate';
  optionsUrl: string;
  verifyUrl: string;
  /** Sent with both requests (CSRF token, purpose). */
  extra: Record<string, string>;
  label: string;
  busyLabel: string;
  errorMessage: string;
};

export function PasskeyButton({
  mode,
  optionsUrl,
  verifyUrl,
  extra,
  label,
  busyLabel,
  errorMessage,
}: PasskeyButtonProps) {
  const [isBusy, setIsBusy] = useState(false);
  const [hasFailed, setHasFailed] = useState(false);
  async function run() {
    setIsBusy(true);
    setHasFailed(false);
    try {
      const post = async (url: string, body: unknown) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
          credentials: 'same-origin',
        });
        if (!response.ok) throw new Error(String(response.status));
        return z.record(z.string(), z.unknown()).parse(await response.json());
      };
      const answer = await post(optionsUrl, extra);
      const response =
        mode === 'register'
          ? await startRegistration({ optionsJSON: creationOptionsSchema.parse(answer.options) })
          : await startAuthentication({ optionsJSON: requestOptionsSchema.parse(answer) });
      const result = await post(verifyUrl, {
        ...extra,
        ...(mode === 'register' ? { sealed: answer.sealed } : {}),
        response,
      });
      window.location.assign(String(result.redirectTo ?? '/'));
    } catch (error) {
      // The browser's reason (NotAllowedError, InvalidStateError, ...) helps support; no secret in it.
      console.error(
        '[verity] passkey ceremony failed:',
        error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      );
      setHasFailed(true);
      setIsBusy(false);
    }
  }
  return (
    <div>
      <button
        type="button"
        onClick={run}
        disabled={isBusy}
        className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60"
      >
        {isBusy ? busyLabel : label}
      </button>
      <div role="alert" className={hasFailed ? 'mt-4 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900' : ''}>
        {hasFailed ? errorMessage : ''}
      </div>
    </div>
  );
}
