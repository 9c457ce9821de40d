// The console's error sentences: every code (and a lost connection) has one in both languages, a policy
// refusal is shown by name, and an answer that is neither the pipeline's error body nor the route's answer is an
// unexpected failure.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { appErrorCodes } from '@/lib/app-error';
import { catalogues } from '@/lib/i18n/catalogues';
import { openedCaseSchema, unreadAnswerSchema } from '@/lib/desk/desk-answer-schemas';
import { deskCall, errorKey } from './desk-fetch';

function answer(status: number, body: unknown) {
  vi.stubGlobal('fetch', async () => Response.json(body, { status }));
}

afterEach(() => vi.unstubAllGlobals());

describe('deskCall errors', () => {
  it.each(['en', 'fr'] as const)('every code has a sentence (%s)', (locale) => {
    const desk = catalogues[locale].desk;
    const errors = typeof desk === 'object' ? desk.errors : undefined;
    for (const code of [...appErrorCodes, 'NETWORK'])
      expect(typeof errors === 'object' ? errors[code] : undefined, code).toBeTypeOf('string');
  });

  it('a policy refusal is shown by name; any other reason by its code', async () => {
    answer(403, { error: { code: 'FORBIDDEN', message: 'no', reason: 'ownAccount' } });
    const refused = await deskCall('/api/desk/x', unreadAnswerSchema);
    expect(!refused.ok && errorKey(refused.error)).toBe('refusals.ownAccount');
    answer(403, { error: { code: 'FORBIDDEN', message: 'no', reason: 'toString' } });
    const other = await deskCall('/api/desk/x', unreadAnswerSchema);
    expect(!other.ok && errorKey(other.error)).toBe('errors.FORBIDDEN');
  });

  it('an answer that is not the error body is an unexpected failure, not a crash', async () => {
    answer(502, { error: { code: 'TEAPOT' } });
    const result = await deskCall('/api/desk/x', unreadAnswerSchema);
    expect(!result.ok && errorKey(result.error)).toBe('errors.INTERNAL');
  });

  it('a success answer is checked with its schema: the wrong shape is an unexpected failure', async () => {
    answer(200, { caseId: 'case-1', extra: true });
    expect(await deskCall('/api/desk/cases', openedCaseSchema)).toEqual({ ok: true, data: { caseId: 'case-1' } });
    answer(200, { case: 'case-1' });
    const result = await deskCall('/api/desk/cases', openedCaseSchema);
    expect(!result.ok && errorKey(result.error)).toBe('errors.INTERNAL');
  });
});
