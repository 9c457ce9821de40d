// Where the route handlers live (every app/**/route.ts is under one of these; scripts/pipeline-coverage.test.ts
// proves it). Everything else is a page, and an unsafe-method request to a page is a server action.
export const routePathPrefixes = [
  '/api/',
  '/reset/actions/',
  '/account/actions/',
  '/reset/verify/entra/callback',
  '/unlock/verify/entra/callback',
] as const;

export function isRoutePath(pathname: string): boolean {
  return routePathPrefixes.some((prefix) => pathname === prefix.replace(/\/$/, '') || pathname.startsWith(prefix));
}
