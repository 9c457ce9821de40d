import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { supportedLocales } from '../lib/i18n/pick-locale';
import { currentSession } from '../server/auth/current-session';
import { getConfig } from '../server/config';
import { requestMessages } from '../server/i18n/request-messages';
import { LanguageSwitcher } from './components/language-switcher';
import { ErrorPageMessagesProvider } from './components/error-page-messages';
import { SignOutForm } from './components/sign-out-form';
import enErrorPage from '@/messages/en/error-page.json';
import frErrorPage from '@/messages/fr/error-page.json';
import './globals.css';

export const metadata: Metadata = {
  title: 'Verity',
  description: 'Self-service password reset and service desk for Microsoft Entra ID',
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

const navigation = [
  { href: '/reset', key: 'nav.reset' },
  { href: '/unlock', key: 'nav.unlock' },
  { href: '/account', key: 'nav.account' },
  { href: '/desk', key: 'nav.desk', roles: ['Desk.Agent', 'Desk.Supervisor', 'Desk.Auditor'] },
  { href: '/admin', key: 'nav.admin', roles: ['Portal.Admin'] },
  { href: '/admin/simulator', key: 'nav.simulator', roles: ['Portal.Admin'] },
] as const;

// The error boundary's strings in the request's language (app/components/error-page-messages.tsx).
const errorPageMessages = { en: enErrorPage, fr: frErrorPage } as const;

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await requestMessages();
  const session = await currentSession();
  const roles: readonly string[] = session?.roles ?? [];
  const links = navigation.filter((item) => !('roles' in item) || item.roles.some((role) => roles.includes(role)));
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          {t('app.skipToContent')}
        </a>
        {/* Plain links, not next/link: its client router code would be bundled on /reset, which must stay small
            and work without script (issue 14); every page here is server-rendered, so a full load costs little. */}
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a plain link on purpose (above) */}
            <a
              href="/"
              className="flex items-center gap-2 rounded focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700"
            >
              <span
                aria-hidden="true"
                className="grid h-8 w-8 place-items-center rounded-lg bg-brand-700 font-bold text-white"
              >
                V
              </span>
              <span className="text-lg font-semibold">{t('app.name')}</span>
            </a>
            <nav aria-label={t('nav.label')} className="order-last w-full sm:order-none sm:w-auto">
              <ul className="flex flex-wrap gap-x-1 gap-y-1 text-sm">
                {links.map((item) => (
                  <li key={item.href}>
                    <a
                      href={item.href}
                      className="rounded px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700"
                    >
                      {t(item.key)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="ml-auto flex items-center gap-3">
              <LanguageSwitcher
                locale={locale}
                label={t('nav.language')}
                options={supportedLocales.map((value) => ({ value, name: t(`nav.languages.${value}`) }))}
              />
              {session ? (
                <span className="flex items-center gap-2 text-sm">
                  <span className="hidden text-slate-600 md:inline">{session.user?.name}</span>
                  <SignOutForm label={t('nav.signOut')} />
                </span>
              ) : (
                <a
                  href="/signin"
                  className="rounded px-2 py-1 text-sm font-medium text-brand-700 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-700"
                >
                  {t('nav.signIn')}
                </a>
              )}
            </div>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          <ErrorPageMessagesProvider messages={errorPageMessages[locale]}>{children}</ErrorPageMessagesProvider>
        </main>
        {getConfig().VERITY_DEMO_MODE && (
          // VERITY_DEMO_MODE=1 lets production run on published secrets and the mock Entra: users must know.
          <footer className="border-t border-amber-300 bg-amber-50">
            <p className="mx-auto max-w-6xl px-4 py-3 text-sm text-amber-900" data-testid="demo-notice">
              {t('app.demoNotice')}
            </p>
          </footer>
        )}
      </body>
    </html>
  );
}
