// Helpers for the reset portal specs: axe checks, the start of a reset, scripted sign-ins at the mock
// Entra to prove which password works, and reading codes from the development sink.
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { z } from 'zod';
import { tenantId, testClient } from '../fixtures/authenticator';
import { waitForEmails, waitForSms } from '../fixtures/dev-sink';
import { mockIdpUrl, portalUrl } from '../fixtures/portal';

export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

export async function startReset(page: Page, upn: string, purpose: 'reset' | 'unlock' = 'reset'): Promise<void> {
  await page.goto(`${portalUrl}/${purpose}`);
  await page.getByLabel('Work username or email').fill(upn);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(`${portalUrl}/${purpose}/services`);
}

/**
 * A sign-in at the mock Entra over HTTP (control API). With `password` only, a wrong password ends as
 * "failed" (the page shows the error); with `password` + push, a right one ends as "granted".
 */
export async function passwordSignsIn(
  request: APIRequestContext,
  upn: string,
  password: string,
  methods: string[] = ['password', 'microsoftAuthenticatorPush'],
): Promise<string> {
  const response = await request.post(`${mockIdpUrl}/control/scripted-sign-in`, {
    data: {
      tenant: tenantId,
      clientId: testClient.clientId,
      clientSecret: 'dev-secret-test',
      redirectUri: testClient.redirectUri,
      userPrincipalName: upn,
      password,
      methods,
      prompt: 'login',
    },
  });
  expect(response.ok()).toBe(true);
  return z.looseObject({ outcome: z.string() }).parse(await response.json()).outcome;
}

export async function latestSmsCode(number: string, count = 1): Promise<string> {
  const [latest] = await waitForSms(number, count);
  const code = /\b(\d{8})\b/.exec(latest?.body ?? '')?.[1];
  if (!code) throw new Error(`no code in SMS to ${number}`);
  return code;
}

export async function latestEmailCode(to: string, count = 1): Promise<string> {
  const emails = await waitForEmails(to, count);
  const code = emails.map((e) => /\b(\d{8})\b/.exec(e.text)?.[1]).find(Boolean);
  if (!code) throw new Error(`no code in email to ${to}`);
  return code;
}

/** Picks a code service on the services page, sends a code, reads it from the sink and types it in. */
export async function verifyByCode(
  page: Page,
  service: 'Text message code' | 'Email code',
  code: () => Promise<string>,
): Promise<void> {
  await page.getByRole('link', { name: `Use this: ${service}` }).click();
  await page.getByRole('button', { name: 'Send a code' }).click();
  await page.getByLabel('Code', { exact: true }).fill(await code());
  await page.getByRole('button', { name: 'Verify' }).click();
}

/** Both code services in turn, back on the unlock services page after each: unlock's 2 stars. */
export async function unlockStarsByCodes(page: Page, contact: { phone: string; email: string }): Promise<void> {
  await verifyByCode(page, 'Text message code', () => latestSmsCode(contact.phone));
  await expect(page).toHaveURL(/\/unlock\/services/);
  await verifyByCode(page, 'Email code', () => latestEmailCode(contact.email));
  await expect(page).toHaveURL(/\/unlock\/services/);
}

export const newPassword = 'Blue-Harbour-Lantern-82';
