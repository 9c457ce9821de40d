// GET /unlock/verify/entra/callback — the reset app's registered redirect URI for unlock.
import { entraCallbackRoute } from '@/server/reset/http/entra-callback-route';

export const GET = entraCallbackRoute('unlock');
