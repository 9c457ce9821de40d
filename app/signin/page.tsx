import { z } from 'zod';
import { safeReturnPath } from '../../lib/http/safe-return-path';
import { requestMessages } from '../../server/i18n/request-messages';
import { SignInButton } from '../components/sign-in-button';

const searchSchema = z.object({
  callbackUrl: z.string().optional(),
  error: z.string().optional(),
  /** `login`: re-authenticate before a sensitive change (the caller asked for a recent sign-in). */
  prompt: z.literal('login').optional().catch(undefined),
});

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { t } = await requestMessages();
  const search = searchSchema.safeParse(await searchParams);
  const callbackUrl = safeReturnPath(search.success ? search.data.callbackUrl : undefined);
  const hasError = search.success && Boolean(search.data.error);
  return (
    <section className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t('signIn.title')}</h1>
      <p className="mt-2 text-slate-700">{t('signIn.body')}</p>
      {hasError ? (
        <p role="alert" className="mt-4 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
          {t('signIn.failed')}
        </p>
      ) : null}
      <div className="mt-6">
        <SignInButton
          label={t('signIn.button')}
          busyLabel={t('signIn.busy')}
          callbackUrl={callbackUrl}
          prompt={search.success ? search.data.prompt : undefined}
        />
      </div>
      <p className="mt-4 text-sm text-slate-600">{t('signIn.resetHint')}</p>
    </section>
  );
}
