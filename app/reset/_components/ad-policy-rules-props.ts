// The labels of a synced user's AD rules, in the page's language, with the effective policy's numbers.
import type { OnPremisesPasswordView } from '@/server/hybrid/on-premises-password-view';
import type { AdPolicyRulesProps } from './ad-policy-rules';

export function adPolicyRulesProps(
  view: OnPremisesPasswordView,
  t: (key: string, values?: Record<string, string | number>) => string,
): AdPolicyRulesProps | null {
  if (view.kind !== 'activeDirectory') return null;
  const { policy, names } = view;
  const source =
    policy.source === 'fineGrained'
      ? t('reset.password.ad.fineGrained', { name: policy.name })
      : t('reset.password.ad.domain', { name: policy.name });
  return {
    policy,
    names,
    labels: {
      heading: t('reset.password.ad.heading', { source }),
      adMinLength: t('reset.password.ad.adMinLength', { min: policy.minLength }),
      adComplexity: t('reset.password.ad.adComplexity', { account: names.samAccountName }),
      adHistory: t('reset.password.ad.adHistory', { count: policy.historyLength }),
      adMinimumAge: t('reset.password.ad.adMinimumAge', { days: policy.minAgeDays }),
      met: t('reset.password.met'),
      notMet: t('reset.password.notMet'),
      checkedOnSubmit: t('reset.password.ad.checkedOnSubmit'),
    },
  };
}
