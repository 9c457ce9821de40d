'use client';
// The new-password form with live, per-rule feedback from the same rules the server applies
// (lib/reset/password-policy.ts). Paste and password managers work (autocomplete="new-password", no
// paste blocking); a toggle shows both fields. Without JavaScript the form still posts and the server
// answers with the same rules.
import { useEffect, useId, useRef, useState } from 'react';
import {
  evaluatePassword,
  type PasswordContext,
  type PasswordPolicy,
  type PasswordRuleId,
} from '@/lib/reset/password-policy';

export type PasswordFormLabels = {
  newLabel: string;
  confirmLabel: string;
  show: string;
  submit: string;
  rulesHeading: string;
  met: string;
  notMet: string;
  rules: Record<PasswordRuleId, string>;
  found: string;
};

export function PasswordForm({
  csrf,
  policy,
  context,
  labels,
}: {
  csrf: string;
  policy: PasswordPolicy;
  context: PasswordContext;
  labels: PasswordFormLabels;
}) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [isShown, setIsShown] = useState(false);
  const id = useId();
  // Uncontrolled inputs: what a password manager or a fast typist entered before hydration stays in the
  // field (a controlled input would be reset to ''), and the live feedback picks it up on mount.
  const newRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setPassword(newRef.current?.value ?? '');
    setConfirmation(confirmRef.current?.value ?? '');
  }, []);
  const evaluation = evaluatePassword(policy, { password, confirmation }, context);
  const type = isShown ? 'text' : 'password';
  return (
    <form
      method="post"
      action="/reset/actions/password"
      className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <input type="hidden" name="csrf" value={csrf} />
      <label htmlFor={`${id}-new`} className="block font-medium">
        {labels.newLabel}
      </label>
      <input
        id={`${id}-new`}
        name="password"
        type={type}
        autoComplete="new-password"
        required
        maxLength={1024}
        ref={newRef}
        defaultValue=""
        onChange={(e) => setPassword(e.target.value)}
        aria-describedby={`${id}-rules`}
        className="mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base"
      />
      <label htmlFor={`${id}-confirm`} className="mt-4 block font-medium">
        {labels.confirmLabel}
      </label>
      <input
        id={`${id}-confirm`}
        name="confirmation"
        type={type}
        autoComplete="new-password"
        required
        maxLength={1024}
        ref={confirmRef}
        defaultValue=""
        onChange={(e) => setConfirmation(e.target.value)}
        className="mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base"
      />
      <div className="mt-3 flex items-center gap-2">
        <input
          id={`${id}-show`}
          type="checkbox"
          checked={isShown}
          onChange={(e) => setIsShown(e.target.checked)}
          className="h-5 w-5"
        />
        <label htmlFor={`${id}-show`}>{labels.show}</label>
      </div>
      <div id={`${id}-rules`} className="mt-4">
        <p className="font-medium">{labels.rulesHeading}</p>
        <ul className="mt-2 space-y-1" aria-live="polite">
          {evaluation.rules.map((rule) => (
            <li
              key={rule.id}
              data-rule={rule.id}
              data-passed={rule.passed}
              className={rule.passed ? 'text-green-800' : 'text-slate-800'}
            >
              <span aria-hidden="true">{rule.passed ? '✓ ' : '○ '}</span>
              {labels.rules[rule.id]}
              {rule.match && !rule.passed ? ` (${labels.found.replace('{word}', rule.match)})` : ''}
              <span className="sr-only"> — {rule.passed ? labels.met : labels.notMet}</span>
            </li>
          ))}
        </ul>
      </div>
      <button
        type="submit"
        className="mt-5 inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900"
      >
        {labels.submit}
      </button>
    </form>
  );
}
