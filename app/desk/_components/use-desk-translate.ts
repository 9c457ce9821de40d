'use client';
import { createContext, useContext } from 'react';
import { translate, type Messages } from '@/lib/i18n/translate';

// The desk namespace of the agent's message file, handed down from the server page.
export const DeskMessagesContext = createContext<Messages>({});

export function useDeskTranslate(): (key: string, values?: Record<string, string | number>) => string {
  const messages = useContext(DeskMessagesContext);
  return (key, values) => translate(messages, key, values);
}
