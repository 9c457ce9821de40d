// Runs once when a Next.js server starts, before it serves requests
// (https://nextjs.org/docs/app/api-reference/file-conventions/instrumentation). A production server with an
// unsafe configuration (no AUTH_SECRET, a published secret, the mock Entra: server/production/) stops here
// with one line naming the variable, instead of reporting Ready and answering 500. `next build` is skipped: a
// build needs no secrets. scripts/portal-server.ts checks the same before Next loads.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getConfig } = await import('./server/config');
  try {
    getConfig();
  } catch (error) {
    console.error(`[verity] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  // Load the breached-password corpus now (about 0.5 s), not on the first user's new-password page.
  const { loadBreachedPasswordCorpus } = await import('./server/reset/breached-password-corpus');
  void loadBreachedPasswordCorpus();
}
