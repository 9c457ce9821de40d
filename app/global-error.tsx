'use client';
// The last-resort boundary, used when the root layout itself fails
// (https://nextjs.org/docs/app/api-reference/file-conventions/error#global-error). It replaces the layout,
// so it brings its own <html>, styles and language: the user's cookie, else the browser's languages. Only the
// error page's own message files are bundled (it loads on every page).
import { useSyncExternalStore } from 'react';
import { pickLocale, type Locale } from '@/lib/i18n/pick-locale';
import en from '@/messages/en/error-page.json';
import fr from '@/messages/fr/error-page.json';
import { UnavailableNotice } from './components/unavailable-notice';
import './globals.css';

const subscribe = () => () => undefined;
const messages = { en, fr } as const;

function browserLocale(): Locale {
  const chosen = /(?:^|;\s*)verity-locale=([^;]+)/.exec(document.cookie)?.[1];
  return pickLocale(chosen ? decodeURIComponent(chosen) : undefined, navigator.languages.join(','));
}

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useSyncExternalStore(subscribe, browserLocale, () => 'en' as const);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-3">
            <span
              aria-hidden="true"
              className="grid h-8 w-8 place-items-center rounded-lg bg-brand-700 font-bold text-white"
            >
              V
            </span>
            <span className="text-lg font-semibold">Verity</span>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          <UnavailableNotice messages={messages[locale]} digest={error.digest} onRetry={reset} />
        </main>
      </body>
    </html>
  );
}
