// Runs once when a Next.js server starts, before it serves requests
// (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation). A production server with an
// unsafe configuration (no AUTH_SECRET, a published secret, the mock Entra: server/production/) stops in
// server/boot-check.ts with one line naming the variable, instead of reporting Ready and answering 500.
// `next build` is skipped: a build needs no secrets. scripts/portal-server.ts checks the same before Next loads.
export async function register(): Promise<void> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  if (process.env.NEXT_RUNTIME === 'nodejs') await import('./server/boot-check');
}
