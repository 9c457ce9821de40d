'use client';
// The error boundary's text in the request's language (app/error.tsx renders after the page failed, so it cannot
// ask the server). The root layout hands over the five strings it translated, not a catalogue: this module and the
// boundary are bundled on every page, /reset included (issue 14's JavaScript budget).
import { createContext, useContext, type ReactNode } from 'react';
import type enErrorPage from '@/messages/en/error-page.json';

export type ErrorPageMessages = typeof enErrorPage;

const ErrorPageMessagesContext = createContext<ErrorPageMessages | null>(null);

export function ErrorPageMessagesProvider({
  messages,
  children,
}: {
  messages: ErrorPageMessages;
  children: ReactNode;
}) {
  return <ErrorPageMessagesContext value={messages}>{children}</ErrorPageMessagesContext>;
}

export function useErrorPageMessages(): ErrorPageMessages | null {
  return useContext(ErrorPageMessagesContext);
}
