import 'server-only';
// The browser binding of a desk sign-in link (verification id + random binding): HttpOnly, SameSite=Lax
// (Entra returns with a top-level GET), Secure over HTTPS, scoped to the verify routes, 10 minutes.
export const deskLinkCookie = {
  name: 'verity-desk-link',
  options: (appOrigin: string) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: appOrigin.startsWith('https://'),
    path: '/api/desk/verify',
    maxAge: 600,
  }),
};
