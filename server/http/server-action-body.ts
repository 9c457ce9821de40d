// Whether a server action's body is one Next can decode, asked by the edge (edge-guard.ts) before Next does: Next
// answers an undecodable body with a 500 (a multipart body that does not parse, a reply that is not JSON or not an
// argument list, a reference to a part the body does not have). The check follows React's reply format
// (react-server-dom-webpack, ReactFlightReplyServer: the root model is the text body or the form's field "0"; a
// string starting with "$" is a reference or an escape). The portal's clients only ever send an argument list of
// plain values and FormData ("$K"), so every other reference kind (promises, maps, sets, server references, blobs,
// typed arrays, streams) is refused too: none of them can reach one of the portal's actions legitimately.
import { isRecord } from '@/lib/is-record';

/** Next's own limit on an action's arguments (action-handler.ts, SERVER_ACTION_ARGS_LIMIT). */
const maximumArguments = 1000;

/** The "$" strings a portal client may send: an escaped "$", FormData, and the plain values without a literal. */
const acceptedReference = /^\$(?:\$.*|K[0-9a-f]+|undefined|NaN|Infinity|-Infinity|-0|n-?\d{1,300}|D.+)$/s;

function isMultipart(contentType: string): boolean {
  return contentType.toLowerCase().startsWith('multipart/form-data');
}

/** Every value of a parsed JSON tree without recursion (a body may nest deeply), each string checked. */
function hasOnlyAcceptedReferences(root: unknown): boolean {
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.startsWith('$') && !acceptedReference.test(value)) return false;
    } else if (Array.isArray(value)) pending.push(...value);
    else if (isRecord(value)) pending.push(...Object.values(value));
  }
  return true;
}

function isArgumentList(model: string): boolean {
  let root: unknown;
  try {
    root = JSON.parse(model);
  } catch {
    return false;
  }
  return Array.isArray(root) && root.length <= maximumArguments && hasOnlyAcceptedReferences(root);
}

async function formOf(request: Request): Promise<FormData | null> {
  try {
    return await request.clone().formData();
  } catch {
    return null;
  }
}

/**
 * Whether Next can decode this POST to a page as a server action (or, without a Next-Action header, as a plain form
 * post). Reads a copy of the body: the page gets the original. Called after the size check, so the copy is bounded.
 */
export async function isDecodableServerActionBody(request: Request): Promise<boolean> {
  const contentType = request.headers.get('content-type') ?? '';
  const isFetchAction = request.headers.get('next-action') !== null;
  if (!isFetchAction) return isMultipart(contentType) ? (await formOf(request)) !== null : true;
  // Next answers an urlencoded action with its 404 page: not a server action it would decode.
  if (contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) return true;
  if (isMultipart(contentType)) {
    const root = (await formOf(request))?.get('0');
    return typeof root === 'string' && isArgumentList(root);
  }
  return isArgumentList(await request.clone().text());
}
