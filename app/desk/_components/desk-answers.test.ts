// The console checks every desk answer with a schema (lib/desk/desk-answer-schemas.ts); these keep each schema's
// type equal to what the server function returns, as JSON carries it, so a field added, renamed or retyped on one
// side fails typecheck here instead of being dropped or refused in the browser.
import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import {
  actionAnswerSchema,
  checkedCodeSchema,
  openedCaseSchema,
  searchAnswerSchema,
  sentVerificationSchema,
  userCardSchema,
} from '@/lib/desk/desk-answer-schemas';
import type { checkVerificationCode, sendVerificationCode } from '@/server/desk/code-verification';
import type { sendEntraSignInLink } from '@/server/desk/entra-link-verification';
import type { UserCard } from '@/server/desk/load-user-card';
import type { openDeskCase } from '@/server/desk/open-desk-case';
import type { DeskActionResult } from '@/server/desk/perform-desk-action';
import type { DeskSearchResult } from '@/server/desk/search-desk-users';

/** A value after JSON.stringify and JSON.parse: dates become ISO strings. */
type OverJson<T> = T extends Date
  ? string
  : T extends readonly (infer Item)[]
    ? OverJson<Item>[]
    : T extends object
      ? { [Key in keyof T]: OverJson<T[Key]> }
      : T;

type Answer<F extends (...args: never[]) => Promise<unknown>> = OverJson<Awaited<ReturnType<F>>>;

describe('desk answer schemas', () => {
  it('read what the server sends', () => {
    expectTypeOf<z.infer<typeof userCardSchema>>().toEqualTypeOf<OverJson<UserCard>>();
    expectTypeOf<z.infer<typeof searchAnswerSchema>>().toEqualTypeOf<OverJson<DeskSearchResult>>();
    expectTypeOf<z.infer<typeof openedCaseSchema>>().toEqualTypeOf<Answer<typeof openDeskCase>>();
    expectTypeOf<z.infer<typeof sentVerificationSchema>>().toEqualTypeOf<Answer<typeof sendVerificationCode>>();
    expectTypeOf<z.infer<typeof sentVerificationSchema>>().toEqualTypeOf<Answer<typeof sendEntraSignInLink>>();
    expectTypeOf<z.infer<typeof checkedCodeSchema>>().toEqualTypeOf<Answer<typeof checkVerificationCode>>();
    expectTypeOf<z.infer<typeof actionAnswerSchema>>().toEqualTypeOf<OverJson<DeskActionResult>>();
  });
});
