// next-auth's pages.signOut: where its sign-out lands when the form came without a valid CSRF token (a browser
// whose token cookie had expired). next-auth has just set a fresh cookie, so this form carries it.
import Link from 'next/link';
import { currentSession } from '@/server/auth/current-session';
import { requestMessages } from '@/server/i18n/request-messages';
import { SignOutForm } from '../components/sign-out-form';

export const dynamic = 'force-dynamic';

export default async function SignOutPage() {
  const { t } = await requestMessages();
  const session = await currentSession();
  return (
    <section className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-2xl font-semibold">{t('signOut.title')}</h1>
      {session ? (
        <>
          <p className="mt-2 text-slate-700">{t('signOut.body')}</p>
          <div className="mt-6">
            <SignOutForm label={t('nav.signOut')} prominent />
          </div>
        </>
      ) : (
        <p className="mt-2 text-slate-700">
          {t('signOut.signedOut')} <Link href="/">{t('app.name')}</Link>
        </p>
      )}
    </section>
  );
}
