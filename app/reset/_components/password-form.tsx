'use client';
// The new-password form with live, per-rule feedback from the same rules the server applies
// (lib/reset/password-policy.ts). Paste and password managers work (autocomplete="new-password", no
// paste blocking); a toggle shows both fields. Without JavaScript the form still posts and the server
// answers with the same rules.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  evaluatePassword,
  type PasswordContext,
  type PasswordPolicy,
  type PasswordRuleId,
} from '@/lib/reset/password-policy';
import { AdPolicyRules, type AdPolicyRulesProps } from './ad-policy-rules';

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
  failedHeading: string;
  failed: string;
};

export function PasswordForm({
  csrf,
  policy,
  context,
  breachedSubstrings,
  labels,
  failedRules = [],
  activeDirectory,
}: {
  csrf: string;
  policy: PasswordPolicy;
  /** The common breached passwords refused inside a password; the server also checks the whole corpus. */
  breachedSubstrings: readonly string[];
  context: PasswordContext;
  labels: PasswordFormLabels;
  /** Rules the server refused on the last submission: listed next to the fields until the user types again. */
  failedRules?: readonly PasswordRuleId[];
  /** A synced user's effective AD policy, shown live next to Entra's rules. */
  activeDirectory?: AdPolicyRulesProps;
}) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [isShown, setIsShown] = useState(false);
  const [hasTyped, setHasTyped] = useState(false);
  const id = useId();
  // Uncontrolled inputs: what a password manager or a fast typist entered before hydration stays in the
  // field (a controlled input would be reset to ''), and the live feedback picks it up on mount.
  const newRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setPassword(newRef.current?.value ?? '');
    setConfirmation(confirmRef.current?.value ?? '');
  }, []);
  const breached = useMemo(() => ({ substrings: breachedSubstrings }), [breachedSubstrings]);
  const evaluation = evaluatePassword(policy, { password, confirmation }, context, breached);
  const type = isShown ? 'text' : 'password';
  // Nothing typed yet: no rule is ticked (an empty field is not "at most 256 characters" in any useful sense).
  const isEmpty = password.length === 0 && confirmation.length === 0;
  const refused = hasTyped ? [] : failedRules;
  const describedBy = refused.length > 0 ? `${id}-refused ${id}-rules` : `${id}-rules`;
  return (
    <form
      method="post"
      action="/reset/actions/password"
      className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <input type="hidden" name="csrf" value={csrf} />
      {refused.length > 0 && (
        <div
          id={`${id}-refused`}
          data-testid="refused-rules"
          className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900"
        >
          <p className="font-medium">{labels.failedHeading}</p>
          <ul className="mt-1 list-disc pl-5">
            {refused.map((rule) => (
              <li key={rule}>{labels.rules[rule]}</li>
            ))}
          </ul>
        </div>
      )}
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
        onChange={(e) => {
          setPassword(e.target.value);
          setHasTyped(true);
        }}
        aria-invalid={refused.length > 0 ? true : undefined}
        aria-describedby={describedBy}
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
        onChange={(e) => {
          setConfirmation(e.target.value);
          setHasTyped(true);
        }}
        aria-invalid={refused.includes('confirmationMatches') ? true : undefined}
        aria-describedby={refused.length > 0 ? `${id}-refused` : undefined}
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
          {evaluation.rules.map((rule) => {
            const passed = rule.passed && !isEmpty;
            const isRefused = refused.includes(rule.id);
            return (
              <li
                key={rule.id}
                data-rule={rule.id}
                data-passed={passed}
                data-refused={isRefused || undefined}
                className={passed ? 'text-green-800' : isRefused ? 'font-medium text-red-800' : 'text-slate-800'}
              >
                <span aria-hidden="true">{passed ? '✓ ' : isRefused ? '✗ ' : '○ '}</span>
                {labels.rules[rule.id]}
                {rule.match && !rule.passed ? ` (${labels.found.replace('{word}', rule.match)})` : ''}
                <span className="sr-only"> — {passed ? labels.met : isRefused ? labels.failed : labels.notMet}</span>
              </li>
            );
          })}
        </ul>
      </div>
      {activeDirectory && <AdPolicyRules {...activeDirectory} password={password} />}
      <button
        type="submit"
        className="mt-5 inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900"
      >
        {labels.submit}
      </button>
    </form>
  );
}
