// GET /reset/verify/entra/callback — the reset app's registered redirect URI.
import { entraCallbackRoute } from '@/server/reset/http/entra-callback-route';

export const GET = entraCallbackRoute('reset');
