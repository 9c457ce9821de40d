// Browser-side calls to the desk's route handlers: JSON in and out, errors turned into a message key
// (the policy's refusal when there is one) so the console shows them in the agent's language.
import deskMessages from '@/messages/en/desk.json';

// The policy's refusals are the reasons the console has a message for.
const deskRefusalKeys: Record<string, string> = deskMessages.refusals;

export type DeskCallError = { code: string; message: string; refusal: string | null };
export type DeskCallResult<T> = { ok: true; data: T } | { ok: false; error: DeskCallError };

export async function deskCall<T>(
  path: string,
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
    if (response.ok) return { ok: true, data: json as T };
    const error = (json as { error?: { code?: string; message?: string; reason?: string } }).error ?? {};
    const refusal = error.reason && error.reason in deskRefusalKeys ? error.reason : null;
    return { ok: false, error: { code: error.code ?? 'INTERNAL', message: error.message ?? '', refusal } };
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: '', refusal: null } };
  }
}

/** Message key for an error: the refusal when the policy refused, else the error code. */
export function errorKey(error: DeskCallError): string {
  return error.refusal ? `refusals.${error.refusal}` : `errors.${error.code}`;
}
