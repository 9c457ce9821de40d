'use client';
// The branded "temporarily unavailable" content shared by app/error.tsx and app/global-error.tsx. Only the
// common catalogue is bundled (not every namespace), and only Next's digest is shown: a hash the server
// log carries too, never the error's own message (it can be a driver's, naming hosts and databases).
import Link from 'next/link';
import en from '@/messages/en/common.json';
import fr from '@/messages/fr/common.json';
import type { Locale } from '@/lib/i18n/pick-locale';
import { translate } from '@/lib/i18n/translate';

const catalogues = { en, fr } as const;

export function UnavailableNotice({ locale, digest, onRetry }: { locale: Locale; digest?: string; onRetry(): void }) {
  const t = (key: string, values?: Record<string, string>) =>
    translate(catalogues[locale], `errorPage.${key}`, values, locale);
  return (
    <section aria-labelledby="unavailable-title" className="max-w-2xl">
      <h1 id="unavailable-title" className="text-2xl font-semibold sm:text-3xl">
        {t('title')}
      </h1>
      <p role="alert" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
        {t('body')}
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={onRetry}
          className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900"
        >
          {t('retry')}
        </button>
        <Link
          href="/"
          className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-5 py-2 font-semibold text-slate-900! hover:bg-slate-100 hover:no-underline!"
        >
          {t('home')}
        </Link>
      </div>
      {digest ? <p className="mt-6 text-sm text-slate-600">{t('reference', { digest })}</p> : null}
    </section>
  );
}
