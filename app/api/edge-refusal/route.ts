// What proxy.ts refuses (a malformed path, a server action from another origin), answered and audited.
import { edgeRefusalRoute } from '@/server/http/edge-refusal-route';

export const dynamic = 'force-dynamic';

export const GET = edgeRefusalRoute;
export const POST = edgeRefusalRoute;
export const PUT = edgeRefusalRoute;
export const PATCH = edgeRefusalRoute;
export const DELETE = edgeRefusalRoute;
