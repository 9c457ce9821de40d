import type { NextConfig } from 'next';

// Security headers for every route; reset pages add Referrer-Policy: no-referrer (FPCS) and the CSP
// forbids framing and third-party origins. 'unsafe-inline' for styles only (Next injects style tags).
// Read at build time (headers are baked into the build): the Entra authority the sign-in forms redirect to.
const isDevelopment = process.env.NODE_ENV !== 'production';
const entraAuthority = new URL(process.env.ENTRA_AUTHORITY_HOST ?? 'https://localhost:4443').origin;
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  `form-action 'self' ${entraAuthority} https://login.microsoftonline.com`,
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The Playwright portal builds into its own folder so a developer's running `npm start` is never touched.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // `npm run typecheck` checks the whole repository (portal, CLI, mock Entra) once; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', 'oidc-provider'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: contentSecurityPolicy },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // same-origin: no Referer ever leaves the portal, while same-origin POSTs keep a real Origin
          // header (under no-referrer browsers send `Origin: null`, which Next's server-action check refuses).
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      // FPCS: reset and unlock pages send no referrer at all. Their state-changing requests therefore carry
      // `Origin: null` and are protected by CSRF tokens and Sec-Fetch-Site instead (docs/decisions/0004).
      { source: '/reset/:path*', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
      { source: '/reset', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
      { source: '/unlock/:path*', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
      { source: '/unlock', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
    ];
  },
};

export default nextConfig;
