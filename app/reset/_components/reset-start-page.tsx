// /reset and /unlock: the user says who they are. Same page, same answer for every username.
import { requestMessages } from '@/server/i18n/request-messages';
import { usernameDomain } from '@/server/reset/reset-help';
import type { ResetPurpose } from '@/lib/reset/identity-services';
import { usernameProblem } from '@/lib/reset/username-problem';
import { ErrorNotice, buttonClass, inputClass } from './notice';
import type { ResetQuery } from './query';
import { resetErrorKey } from '@/app/components/page-error-keys';

export async function ResetStartPage({ purpose, query }: { purpose: ResetPurpose; query: ResetQuery }) {
  const { t } = await requestMessages();
  const domain = usernameDomain();
  const kept = query.username ?? '';
  // A refused username: the message sits under the field and is tied to it; no generic banner as well.
  const problem = query.error === 'invalidInput' ? (usernameProblem(kept) ?? 'format') : null;
  const errorKey = problem ? null : resetErrorKey(query.error);
  const other = purpose === 'reset' ? 'unlock' : 'reset';
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t(`reset.start.${purpose}Title`)}</h1>
      <p className="mt-3 text-slate-700">{t(`reset.start.${purpose}Intro`)}</p>
      {errorKey && <ErrorNotice>{t(errorKey)}</ErrorNotice>}
      <form
        method="post"
        action="/reset/actions/start"
        className="mt-6 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      >
        <input type="hidden" name="purpose" value={purpose} />
        {query.return && <input type="hidden" name="returnUrl" value={query.return} />}
        <label htmlFor="username" className="block font-medium">
          {t('reset.start.usernameLabel')}
        </label>
        <p id="username-hint" className="text-sm text-slate-600">
          {t('reset.start.usernameHint', { domain })}
        </p>
        {problem && (
          <p id="username-error" className="mt-1 font-medium text-red-800">
            <span aria-hidden="true">⚠ </span>
            {t(`reset.start.usernameErrors.${problem}`, { domain })}
          </p>
        )}
        <input
          id="username"
          name="username"
          type="text"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={256}
          defaultValue={kept}
          // The page's one task; a user who arrives here came to type this (WCAG 3.2.1: focus, no change of context).
          autoFocus
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'username-error username-hint' : 'username-hint'}
          className={`${inputClass} ${problem ? 'border-red-700' : ''}`}
        />
        <button type="submit" className={`${buttonClass} mt-4 w-full sm:w-auto`}>
          {t('reset.start.submit')}
        </button>
      </form>
      <p className="mt-4 text-sm text-slate-600">{t('reset.start.privacy')}</p>
      <p className="mt-4">
        <a href={`/${other}`}>{t(`reset.start.otherAction.${purpose}`)}</a>
      </p>
    </div>
  );
}
