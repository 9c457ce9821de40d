// Browser-side calls to the desk's route handlers: JSON in and out, the answer checked with its schema
// (lib/desk/desk-answer-schemas.ts), errors turned into a message key (the policy's refusal when there is one)
// so the console shows them in the agent's language.
import type { z } from 'zod';
import type { AppErrorCode } from '@/lib/app-error';
import { errorBodySchema } from '@/lib/http/error-body-schema';
import type { ApprovalRefusal } from '@/lib/desk/decide-approval';
import { isKeyOf } from '@/lib/is-key-of';
import deskMessages from '@/messages/en/desk.json';

// Keyed by the closed unions: a new policy refusal (lib/desk) or error code (lib/app-error.ts) does not compile
// until desk.json has its sentence.
const deskRefusals = deskMessages.refusals satisfies Record<ApprovalRefusal, string>;
deskMessages.errors satisfies Record<DeskErrorCode, string>;

type DeskErrorCode = AppErrorCode | 'NETWORK';
type DeskRefusalKey = keyof typeof deskRefusals;

export type DeskCallError = { code: DeskErrorCode; message: string; refusal: DeskRefusalKey | null };
export type DeskCallResult<T> = { ok: true; data: T } | { ok: false; error: DeskCallError };

const unexpected: DeskCallError = { code: 'INTERNAL', message: '', refusal: null };

export async function deskCall<T>(
  path: string,
  answerSchema: z.ZodType<T>,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<DeskCallResult<T>> {
  try {
    const response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store',
    });
    const json: unknown = await response.json().catch(() => ({}));
    if (response.ok) {
      // An answer that is not what the route sends is an unexpected failure, like an error body that is not ours.
      const answer = answerSchema.safeParse(json);
      return answer.success ? { ok: true, data: answer.data } : { ok: false, error: unexpected };
    }
    const body = errorBodySchema.safeParse(json);
    if (!body.success) return { ok: false, error: unexpected };
    const { code, message, reason } = body.data.error;
    return { ok: false, error: { code, message, refusal: reason && isKeyOf(deskRefusals, reason) ? reason : null } };
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: '', refusal: null } };
  }
}

/** Message key for an error: the refusal when the policy refused, else the error code. */
export function errorKey(error: DeskCallError): string {
  return error.refusal ? `refusals.${error.refusal}` : `errors.${error.code}`;
}
