// The simulator is admin-only inside the server layer: direct requests to its routes without a session get
// 401, with another role 403, and its pages say so instead of showing anything.
import { expect, test } from '@playwright/test';
import { resetTenant } from '../fixtures/authenticator';
import { portalUrl, signInToPortal } from '../fixtures/portal';

const blastBody = JSON.stringify({ policySetId: 'any', app: 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01' });

test.beforeEach(async ({ page }) => {
  await resetTenant(page);
});

test('signed out: the API answers 401 (even to a malformed body) and the page asks to sign in', async ({
  page,
  request,
}) => {
  const exported = await request.get(`${portalUrl}/api/admin/simulator/policy-sets/any/export?kind=policies`);
  expect(exported.status()).toBe(401);
  expect(await exported.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  expect(
    (
      await request.post(`${portalUrl}/api/admin/simulator/blast-radius`, {
        data: blastBody,
        headers: { 'content-type': 'application/json', origin: portalUrl },
      })
    ).status(),
  ).toBe(401);
  expect(
    (
      await request.post(`${portalUrl}/api/admin/simulator/blast-radius`, {
        data: 'not json',
        headers: { origin: portalUrl },
      })
    ).status(),
  ).toBe(401);
  // The pipeline checks the origin before the actor: a POST with no Origin is refused before anything else.
  expect(
    (
      await request.post(`${portalUrl}/api/admin/simulator/blast-radius`, {
        data: blastBody,
        headers: { 'content-type': 'application/json' },
      })
    ).status(),
  ).toBe(403);
  for (const path of [
    '/admin/simulator',
    '/admin/simulator/any',
    '/admin/simulator/any/what-if?user=x',
    '/admin/simulator/any/blast-radius',
  ]) {
    await page.goto(`${portalUrl}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to use the simulator');
    await expect(page.getByRole('table')).toHaveCount(0);
  }
});

test('a service-desk agent (Desk.Agent) gets 403 from the API and a refusal on the pages', async ({ page }) => {
  await signInToPortal(page, 'lynne.robbins@contoso.test');
  const exported = await page.request.get(`${portalUrl}/api/admin/simulator/policy-sets/any/export?kind=policies`);
  expect(exported.status()).toBe(403);
  const blast = await page.request.post(`${portalUrl}/api/admin/simulator/blast-radius`, {
    data: blastBody,
    headers: { 'content-type': 'application/json' },
  });
  expect(blast.status()).toBe(403);
  expect(await blast.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  for (const path of [
    '/admin/simulator',
    '/admin/simulator/any/matrix',
    '/admin/simulator/any/findings',
    '/admin/simulator/any/policies/new',
  ]) {
    await page.goto(`${portalUrl}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to the simulator');
  }
});
