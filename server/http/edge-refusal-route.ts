import 'server-only';
// Where proxy.ts sends what it refuses, so the refusal is audited like every other (ASVS5 16.3.2): the proxy
// stays free of the database, rewrites the request here with the refusal's reason and the original path in
// two headers it sets itself (and strips from every incoming request), and this route answers the 4xx with the
// common body after the pipeline's own denial audit. Reached without those headers, it is a 404.
import { AppError } from '@/lib/app-error';
import { isKeyOf } from '@/lib/is-key-of';
import { auditDenial } from './audit-denial';
import { defineRoute } from './define-route';
import { edgeRefusalHeaders, edgeRefusalsByReason } from './edge-guard';
import { failureResponse, requestFailureOf } from './request-failure';

export const edgeRefusalRoute = defineRoute({
  name: 'edge',
  access: 'public',
  // The refused request may be cross-site (that is why it was refused); it is answered here, never served.
  origin: 'crossSiteAllowed',
  handle: async (context, _input, request) => {
    const reason = request.headers.get(edgeRefusalHeaders.reason) ?? '';
    if (!isKeyOf(edgeRefusalsByReason, reason)) throw new AppError('NOT_FOUND', 'Not found.', { reason: 'notFound' });
    const failure = requestFailureOf(edgeRefusalsByReason[reason]());
    const path = request.headers.get(edgeRefusalHeaders.path) ?? '/';
    await auditDenial(context, 'edge', failure, { method: request.method, url: new URL(path, request.url).toString() });
    return failureResponse(failure);
  },
});
