import 'server-only';
// Turns the bytes read under the limit into fields: JSON (an empty body is `{}`), an HTML form (string
// fields only; files are not accepted on route handlers), or the text itself. Malformed JSON or a wrong
// content type is INVALID_INPUT, never a 500.
import { AppError } from '@/lib/app-error';
import { isRecord } from '@/lib/is-record';

export type BodyKind = 'json' | 'form' | 'text';

const decoder = new TextDecoder('utf-8', { fatal: false });

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message, { reason: 'invalidInput' });
}

export async function parseBody(
  kind: BodyKind,
  bytes: Uint8Array<ArrayBuffer>,
  headers: Headers,
): Promise<Record<string, unknown>> {
  const text = decoder.decode(bytes);
  if (kind === 'text') return { text };
  const contentType = (headers.get('content-type') ?? '').toLowerCase();
  if (kind === 'json') {
    if (text.trim() === '') return {};
    if (!contentType.includes('application/json')) throw invalid('Send the body as application/json.');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw invalid('The body is not valid JSON.');
    }
    if (!isRecord(value)) throw invalid('The body must be a JSON object.');
    return value;
  }
  if (contentType.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
    } catch {
      throw invalid('The form could not be read.');
    }
    return Object.fromEntries([...form.entries()].filter(([, value]) => typeof value === 'string'));
  }
  if (text !== '' && !contentType.startsWith('application/x-www-form-urlencoded'))
    throw invalid('Send the form as application/x-www-form-urlencoded.');
  return Object.fromEntries(new URLSearchParams(text));
}
