// FIDO2 passkey sign-in with real WebAuthn, driven by Chromium's CDP virtual authenticator.
import { expect, test } from '@playwright/test';
import {
  addVirtualAuthenticator,
  enterUsername,
  expectSignedIn,
  registerPasskey,
  resetTenant,
  startSignIn,
} from '../fixtures/authenticator';

test('FIDO2: register a passkey with a virtual authenticator, then sign in with it and no password', async ({
  page,
}) => {
  await resetTenant(page);
  await addVirtualAuthenticator(page);
  await registerPasskey(page, 'lidia.holloway@contoso.test');
  await startSignIn(page);
  await enterUsername(page, 'lidia.holloway@contoso.test');
  await expect(page.getByRole('heading', { name: 'Sign in with a passkey or security key' })).toBeVisible();
  await page.getByRole('button', { name: 'Use a passkey' }).click();
  await expectSignedIn(page);
  const logs = await (await page.request.get('/control/sign-in-logs')).json();
  expect(logs.value[0]).toMatchObject({
    userPrincipalName: 'lidia.holloway@contoso.test',
    authenticationMethodsUsed: ['fido2'],
    status: { errorCode: 0 },
  });
});
