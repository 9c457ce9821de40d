'use client';
// The request's language for client components that cannot ask the server (the error boundary in
// app/error.tsx renders after the page failed). The root layout provides the locale it picked.
import { createContext, useContext, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/pick-locale';

const LocaleContext = createContext<Locale>('en');

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
