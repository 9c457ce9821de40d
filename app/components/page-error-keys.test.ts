// The pages' message tables are keyed by the closed reason union: every reason and every code has a sentence in
// both languages, and a crafted value only ever shows one of our own.
import { describe, expect, it } from 'vitest';
import { appErrorCodeReasons, appErrorReasons } from '@/lib/app-error';
import { catalogues } from '@/lib/i18n/catalogues';
import type { Messages } from '@/lib/i18n/translate';
import { entraNoticeKey } from '@/app/reset/_components/entra-notice-key';
import { accountErrorKey, resetErrorKey } from './page-error-keys';

function lookup(messages: Messages, key: string | null): unknown {
  let node: Messages | string | undefined = messages;
  for (const part of (key ?? '').split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return node;
}

const pageReasons = [...Object.values(appErrorReasons).flat(), ...Object.values(appErrorCodeReasons)];

describe('page error keys', () => {
  it.each(['en', 'fr'] as const)('every reason and code has a reset and an account sentence (%s)', (locale) => {
    for (const reason of pageReasons) {
      expect(lookup(catalogues[locale], resetErrorKey(reason)), reason).toBeTypeOf('string');
      expect(lookup(catalogues[locale], accountErrorKey(reason)), reason).toBeTypeOf('string');
    }
  });

  it('a reason the page explains keeps its own sentence; others get their code or the generic one', () => {
    expect(resetErrorKey('adHistory')).toBe('reset.errors.adHistory');
    expect(resetErrorKey('missingRole')).toBe('reset.errors.forbidden');
    expect(resetErrorKey('unavailable')).toBe('reset.errors.temporarilyUnavailable');
    expect(accountErrorKey('signedOut')).toBe('account.errors.unauthorized');
    expect(accountErrorKey('reauthenticationRequired')).toBe('account.errors.reauthenticationRequired');
  });

  it('a crafted value gets the generic sentence, never a key of its own', () => {
    for (const crafted of ['toString', '__proto__', 'constructor', 'nothing', 'generic.x'])
      expect([resetErrorKey(crafted), accountErrorKey(crafted)]).toEqual([
        'reset.errors.generic',
        'account.errors.generic',
      ]);
    expect(resetErrorKey(undefined)).toBeNull();
  });

  it('the Entra round trip: its own outcomes by name, any other reason the general failure', () => {
    expect(entraNoticeKey('oidMismatch')).toBe('reset.services.entra.oidMismatch');
    expect(entraNoticeKey('wrongIssuer')).toBe('reset.services.entra.failed');
    expect(entraNoticeKey('rateLimited')).toBe('reset.services.entra.failed');
    expect(entraNoticeKey('hasOwnProperty')).toBe('reset.services.entra.failed');
  });
});
