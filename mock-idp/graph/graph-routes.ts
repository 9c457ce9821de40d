import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http';
import type { MockIdp } from '../mock-idp-context';

export async function handleGraphRoute(_mock: MockIdp, _req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  sendJson(res, 404, { error: { code: 'Request_ResourceNotFound', message: `Resource '${url.pathname}' does not exist.` } });
}
