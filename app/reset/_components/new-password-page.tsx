// /reset/new-password: reachable only with enough stars; rules from the configured policy.
import { newPasswordPageData } from '@/server/reset/reset-progress';
import { requestMessages } from '@/server/i18n/request-messages';
import { isOneOf } from '@/lib/is-one-of';
import { passwordRuleIds } from '@/lib/reset/password-policy';
import { recordFromKeys } from '@/lib/record-from-keys';
import { ErrorNotice } from './notice';
import { PasswordForm, type PasswordFormLabels } from './password-form';
import type { ResetQuery } from './query';
import { resetErrorKey } from '@/app/components/page-error-keys';
import { StartAgain } from './start-again';
import { adPolicyRulesProps } from './ad-policy-rules-props';

export async function NewPasswordPage({ query }: { query: ResetQuery }) {
  const { t } = await requestMessages();
  const data = await newPasswordPageData();
  if (!data) return <StartAgain purpose="reset" messageKey="reset.password.notVerified" />;
  // A synced account self-service may not serve (server/hybrid/): the desk sentence, no form.
  if (data.onPremises.kind === 'refused')
    return (
      <div className="mx-auto max-w-xl">
        <h1 className="text-2xl font-semibold sm:text-3xl">{t('reset.password.title')}</h1>
        <ErrorNotice>{t('reset.errors.selfServiceRefused')}</ErrorNotice>
      </div>
    );
  const activeDirectory = adPolicyRulesProps(data.onPremises, t);
  const failedRules = (query.error === 'passwordRules' ? (query.failed ?? '').split(',') : []).filter((rule) =>
    isOneOf(passwordRuleIds, rule),
  );
  // The refused rules are listed at the fields; the banner stays for every other error.
  const errorKey = failedRules.length > 0 ? null : resetErrorKey(query.error);
  const labels: PasswordFormLabels = {
    newLabel: t('reset.password.newLabel'),
    confirmLabel: t('reset.password.confirmLabel'),
    show: t('reset.password.show'),
    submit: t('reset.password.submit'),
    rulesHeading: t('reset.password.rulesHeading'),
    met: t('reset.password.met'),
    notMet: t('reset.password.notMet'),
    found: t('reset.password.found'),
    failedHeading: t('reset.password.failedHeading'),
    failed: t('reset.password.failed'),
    rules: recordFromKeys(passwordRuleIds, (id) =>
      t(`reset.password.rules.${id}`, { min: data.policy.minLength, max: data.policy.maxLength }),
    ),
  };
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t('reset.password.title')}</h1>
      <p className="mt-3 text-slate-700">
        {t(data.onPremises.kind === 'entra' ? 'reset.password.intro' : 'reset.password.introActiveDirectory')}
      </p>
      {errorKey && <ErrorNotice>{t(errorKey)}</ErrorNotice>}
      {data.onPremises.kind === 'unavailable' && <ErrorNotice>{t('reset.errors.adUnavailable')}</ErrorNotice>}
      <PasswordForm
        {...(activeDirectory ? { activeDirectory } : {})}
        csrf={data.csrf}
        policy={data.policy}
        context={data.context}
        breachedSubstrings={data.breachedSubstrings}
        labels={labels}
        failedRules={failedRules}
      />
    </div>
  );
}
