// Issue 11, finding 9: a desk action, a supervisor approval or a policy import refused with mfaStepUpRequired
// offers to sign in again with prompt=login (through /signin, as /account does) and come back to the same page.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mfaFreshness } from '../../lib/auth/mfa-freshness';
import { actionAnswerSchema } from '../../lib/desk/desk-answer-schemas';
import { mfaStepUpError } from './step-up';

const navigation = vi.hoisted(() => ({ pathname: '/' }));
vi.mock('next/navigation', () => ({ usePathname: () => navigation.pathname }));
const { StepUpLink } = await import('@/app/components/step-up-link');
const { FormAlert } = await import('@/app/components/form-alert');
const { deskCall } = await import('@/app/desk/_components/desk-fetch');

const staleRefusal = mfaStepUpError(
  mfaFreshness({ amr: ['pwd', 'mfa'], authTime: 0 }, new Date('2026-12-03T10:00:00Z'), 15 * 60),
);
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((match) => (match[1] ?? '').replace(/&amp;/g, '&'));

afterEach(() => vi.unstubAllGlobals());

describe('ASVS5 6.8.4: a refusal for a stale MFA sign-in offers to sign in again with prompt=login', () => {
  it('a desk action refused by the API carries the refusal the console shows the link for', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json(
        { error: { code: staleRefusal.code, message: staleRefusal.message, reason: staleRefusal.reason } },
        {
          status: 401,
        },
      ),
    );
    const result = await deskCall('/api/desk/cases/case-1/actions', actionAnswerSchema, {
      method: 'POST',
      body: { action: 'unlock' },
    });
    expect(result).toMatchObject({ ok: false, error: { refusal: 'mfaStepUpRequired' } });
    navigation.pathname = '/desk';
    const html = renderToStaticMarkup(
      createElement(StepUpLink, { reason: result.ok ? null : result.error.refusal, label: 'Sign in again with MFA' }),
    );
    expect(hrefs(html)).toEqual(['/signin?callbackUrl=%2Fdesk&prompt=login']);
    expect(html).toContain('Sign in again with MFA');
  });

  it('a supervisor approval comes back to the approvals page', () => {
    navigation.pathname = '/desk/approvals';
    const html = renderToStaticMarkup(
      createElement(StepUpLink, { reason: staleRefusal.reason, label: 'Sign in again' }),
    );
    expect(hrefs(html)).toEqual(['/signin?callbackUrl=%2Fdesk%2Fapprovals&prompt=login']);
  });

  it('a refused policy import shows its sentence and the link back to the simulator', () => {
    navigation.pathname = '/admin/simulator';
    const html = renderToStaticMarkup(
      createElement(FormAlert, {
        state: { error: staleRefusal.message, reason: staleRefusal.reason },
        signInAgain: 'Sign in again with MFA',
      }),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain(staleRefusal.message);
    expect(hrefs(html)).toEqual(['/signin?callbackUrl=%2Fadmin%2Fsimulator&prompt=login']);
  });

  it('other refusals offer no sign-in link', () => {
    navigation.pathname = '/admin/simulator';
    for (const reason of [undefined, null, 'forbidden', 'notVerified'])
      expect(renderToStaticMarkup(createElement(StepUpLink, { reason, label: 'Sign in again' }))).toBe('');
    const html = renderToStaticMarkup(
      createElement(FormAlert, { state: { error: 'Not allowed.', reason: 'forbidden' }, signInAgain: 'Sign in again' }),
    );
    expect(hrefs(html)).toEqual([]);
  });
});
