// Message catalogues, one file per surface so each surface's text is edited in one place:
// messages/<locale>/common.json holds top-level keys (app, home, nav, ...); every other file is
// mounted under its namespace, so `reset.title` is looked up in messages/<locale>/reset.json (and `errorPage.*`
// in error-page.json, small enough for the error boundaries to bundle on every page).
import enAccount from '../../messages/en/account.json';
import enCommon from '../../messages/en/common.json';
import enDesk from '../../messages/en/desk.json';
import enEngine from '../../messages/en/engine.json';
import enErrorPage from '../../messages/en/error-page.json';
import enReset from '../../messages/en/reset.json';
import enSimulator from '../../messages/en/simulator.json';
import frAccount from '../../messages/fr/account.json';
import frCommon from '../../messages/fr/common.json';
import frDesk from '../../messages/fr/desk.json';
import frEngine from '../../messages/fr/engine.json';
import frErrorPage from '../../messages/fr/error-page.json';
import frReset from '../../messages/fr/reset.json';
import frSimulator from '../../messages/fr/simulator.json';
import type { Locale } from './pick-locale';
import type { Messages } from './translate';

export const messageNamespaces = ['reset', 'account', 'desk', 'simulator', 'engine'] as const;
export type MessageNamespace = (typeof messageNamespaces)[number];

export const catalogues: Record<Locale, Messages> = {
  en: {
    ...enCommon,
    reset: enReset,
    account: enAccount,
    desk: enDesk,
    simulator: enSimulator,
    engine: enEngine,
    errorPage: enErrorPage,
  },
  fr: {
    ...frCommon,
    reset: frReset,
    account: frAccount,
    desk: frDesk,
    simulator: frSimulator,
    engine: frEngine,
    errorPage: frErrorPage,
  },
};

/** One namespace of a catalogue, e.g. to hand a client component only the strings it shows. */
export function namespaceMessages(locale: Locale, namespace: MessageNamespace): Messages {
  const node = catalogues[locale][namespace];
  return typeof node === 'object' ? node : {};
}
