import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { requestMessages } from '../server/i18n/request-messages';
import './globals.css';

export const metadata: Metadata = { title: 'Verity', description: 'Self-service password reset and service desk for Microsoft Entra ID' };
export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, t } = await requestMessages();
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2">
          {t('app.skipToContent')}
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-5xl items-center gap-3 px-4 py-3">
            <span aria-hidden="true" className="grid h-8 w-8 place-items-center rounded-lg bg-brand-700 font-bold text-white">V</span>
            <span className="text-lg font-semibold">{t('app.name')}</span>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-5xl px-4 py-8">{children}</main>
      </body>
    </html>
  );
}
