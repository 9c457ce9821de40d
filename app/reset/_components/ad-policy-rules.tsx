'use client';
// The synced user's Active Directory rules next to Entra's, live as they type: length and complexity
// checked here with AD's own definition (lib/ad/ad-password-rules.ts), history and minimum age shown and
// left to the DC (only it knows the previous passwords), which decides on submit.
import type { AdPasswordPolicy } from '@/lib/ad/ad-password-policy';
import { checkableAdRules, type AdAccountNames } from '@/lib/ad/ad-password-rules';

export type AdPolicyRulesProps = {
  policy: AdPasswordPolicy;
  names: AdAccountNames;
  labels: {
    heading: string;
    adMinLength: string;
    adComplexity: string;
    adHistory: string;
    adMinimumAge: string;
    met: string;
    notMet: string;
    checkedOnSubmit: string;
  };
};

export function AdPolicyRules({ policy, names, labels, password }: AdPolicyRulesProps & { password: string }) {
  const checked = checkableAdRules(policy, password, names);
  const isEmpty = password.length === 0;
  const deferred = [
    ...(policy.historyLength > 0 ? (['adHistory'] as const) : []),
    ...(policy.minAgeDays > 0 ? (['adMinimumAge'] as const) : []),
  ];
  return (
    <div className="mt-4" data-testid="ad-rules" data-policy={policy.source}>
      <p className="font-medium">{labels.heading}</p>
      <ul className="mt-2 space-y-1" aria-live="polite">
        {checked.map((rule) => {
          const passed = rule.passed && !isEmpty;
          return (
            <li
              key={rule.id}
              data-rule={rule.id}
              data-passed={passed}
              className={passed ? 'text-green-800' : 'text-slate-800'}
            >
              <span aria-hidden="true">{passed ? '✓ ' : '○ '}</span>
              {labels[rule.id]}
              <span className="sr-only"> — {passed ? labels.met : labels.notMet}</span>
            </li>
          );
        })}
        {deferred.map((id) => (
          <li key={id} data-rule={id} className="text-slate-800">
            <span aria-hidden="true">○ </span>
            {labels[id]} <span className="text-slate-600">({labels.checkedOnSubmit})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
