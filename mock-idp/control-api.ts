import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http';
import type { MockIdp } from './mock-idp-context';

export async function handleControlRoute(_mock: MockIdp, _req: IncomingMessage, res: ServerResponse, _url: URL, _segments: string[]): Promise<void> {
  sendJson(res, 404, { error: 'not_found' });
}
