// Signs in as Patti (Portal.Admin) and imports the demo export as a new policy set; returns the set's URL.
import { expect, type Page } from '@playwright/test';
import { resetTenant } from '../fixtures/authenticator';
import { portalUrl, signInToPortal } from '../fixtures/portal';

export async function importDemoPolicySet(page: Page, name: string): Promise<string> {
  await resetTenant(page);
  await signInToPortal(page, 'patti.fernandez@contoso.test', '/admin/simulator');
  await page.goto(`${portalUrl}/admin/simulator`);
  const form = page.getByRole('form', { name: 'Import a Graph export' });
  await form.getByLabel('Name of the policy set').fill(`${name} ${Date.now()}`);
  await form
    .getByLabel('Or upload a JSON file (Conditional Access policies)')
    .setInputFiles('fixtures/demo-policies-export.json');
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Version 1 · 8 policies')).toBeVisible();
  return page.url();
}
