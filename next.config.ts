import type { NextConfig } from 'next';
import { serverActionBodyLimitBytes } from './server/http/server-action-limit';

// Static security headers for every route; reset pages add Referrer-Policy: no-referrer (FPCS). The Content
// Security Policy (with a nonce per request) and HSTS are set by proxy.ts (server/http/security-headers.ts).
const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The Playwright portal builds into its own folder so a developer's running `npm start` is never touched.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // `npm run typecheck` checks the whole repository (portal, CLI, mock Entra) once; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // Next's own limit on a server action's body (its default is 1 MB), the same number proxy.ts refuses over.
  experimental: { serverActions: { bodySizeLimit: serverActionBodyLimitBytes } },
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', 'pg', 'pg-boss', 'oidc-provider'],
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
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
