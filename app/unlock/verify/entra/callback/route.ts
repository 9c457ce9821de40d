// GET /unlock/verify/entra/callback — the reset app's registered redirect URI for unlock.
import type { NextRequest } from 'next/server';
import { handleEntraCallback } from '@/server/reset/http/entra-callback';

export async function GET(request: NextRequest) {
  return handleEntraCallback(request, 'unlock');
}
