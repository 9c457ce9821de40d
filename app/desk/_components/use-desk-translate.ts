'use client';
import { createContext, useContext } from 'react';
import { translate, type Messages } from '@/lib/i18n/translate';

// The desk namespace of the agent's message file and its locale (for plurals and dates), from the server page.
export const DeskMessagesContext = createContext<{ messages: Messages; locale: string }>({
  messages: {},
  locale: 'en',
});

export function useDeskTranslate(): (key: string, values?: Record<string, string | number>) => string {
  const { messages, locale } = useContext(DeskMessagesContext);
  return (key, values) => translate(messages, key, values, locale);
}

export function useDeskLocale(): string {
  return useContext(DeskMessagesContext).locale;
}
