// No open redirect after a reset (issue 11, finding 2; ASVS5 3.7.2): a return URL that a browser would read as
// protocol-relative, sent to the real start of a reset and stored by it, never reaches the done page's link.
// The page (app/reset/_components/done-page.tsx) is rendered for real; only its request-bound readers
// (cookie → progress, locale) are replaced with the stored session and the English catalogue.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { catalogues } from '../../lib/i18n/catalogues';
import { translate } from '../../lib/i18n/translate';
import { setUpTestDatabase } from '../database/set-up-test-database';
import type { ResetProgress } from './reset-progress';
import {
  adele,
  memoryDirectory,
  passwordAndPush,
  settleBackgroundTasks,
  testResetDependencies,
} from './reset-test-support';
import { loadResetSession } from './reset-session-store';
import { startResetSession } from './start-reset-session';

const page = vi.hoisted(() => ({ progress: undefined as ResetProgress | undefined }));
vi.mock('@/server/reset/reset-progress', () => ({ resetProgressForPage: async () => page.progress }));
vi.mock('@/server/i18n/request-messages', () => ({
  requestMessages: async () => ({
    locale: 'en',
    t: (key: string, values?: Record<string, string | number>) => translate(catalogues.en, key, values, 'en'),
  }),
}));
vi.mock('next/link', () => ({ default: (props: { href: string; children: unknown }) => props.children }));

const testDb = setUpTestDatabase();

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '');

describe('no open redirect after reset', () => {
  it.each([
    '/.//evil.example/phish',
    '/..//evil.example/phish',
    'http://localhost:3000//evil.example/phish',
    '/\\evil.example',
  ])('the done page links to no other host for the return URL %j', async (candidate) => {
    const deps = testResetDependencies(testDb.db, memoryDirectory([{ user: adele, methods: passwordAndPush }]));
    deps.settings.returnUrlAllowList = ['/'];
    const { token } = await startResetSession(deps, {
      purpose: 'reset',
      username: adele.userPrincipalName,
      origin: { ip: '203.0.113.7', userAgent: 'vitest' },
      returnUrl: candidate,
    });
    const stored = (await loadResetSession(deps, token)).row.returnUrl;
    await settleBackgroundTasks();
    page.progress = {
      purpose: 'reset',
      status: 'completed',
      returnUrl: stored,
      csrf: 'csrf',
      otherSessionsRevoked: false,
    } as ResetProgress;
    const { DonePage } = await import('@/app/reset/_components/done-page');
    const html = renderToStaticMarkup(await DonePage({ purpose: 'reset', query: {} }));
    expect(html).toContain('<h1');
    for (const href of hrefs(html)) {
      expect(href).not.toMatch(/^(\/\/|\/\\|\\)/);
      expect(new URL(href, deps.settings.appOrigin).host).toBe(new URL(deps.settings.appOrigin).host);
    }
  });

  it('keeps an allowed same-origin return URL as the link', async () => {
    const deps = testResetDependencies(testDb.db, memoryDirectory([{ user: adele, methods: passwordAndPush }]));
    deps.settings.returnUrlAllowList = ['/'];
    const { token } = await startResetSession(deps, {
      purpose: 'reset',
      username: adele.userPrincipalName,
      origin: { ip: '203.0.113.7', userAgent: 'vitest' },
      returnUrl: '/account?tab=security',
    });
    page.progress = {
      purpose: 'reset',
      status: 'completed',
      returnUrl: (await loadResetSession(deps, token)).row.returnUrl,
      csrf: 'csrf',
      otherSessionsRevoked: false,
    } as ResetProgress;
    await settleBackgroundTasks();
    const { DonePage } = await import('@/app/reset/_components/done-page');
    expect(hrefs(renderToStaticMarkup(await DonePage({ purpose: 'reset', query: {} })))).toContain(
      '/account?tab=security',
    );
  });
});
