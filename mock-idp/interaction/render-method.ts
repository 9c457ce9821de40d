// One method's page (password, push, code, Temporary Access Pass, Windows Hello, passkey), with an error above it.
import type { AuthenticationMethodMode } from '../../lib/conditional-access/authentication-method-mode';
import { pushRequestById } from '../methods/push-requests';
import { maskPhone, phoneOf } from '../methods/sign-in-methods';
import type { TenantUser } from '../store/tenant';
import * as pages from '../views/sign-in-pages';
import { codePrompts, methodNotSimulatedPage, smsCodePrompt } from './entra-messages';
import { html, optionsHref, type Interaction } from './interaction-context';

export function renderMethod(it: Interaction, user: TenantUser, mode: AuthenticationMethodMode, error?: string): void {
  const common = { upn: user.userPrincipalName, optionsHref: optionsHref(it), error };
  const now = it.mock.now();
  switch (mode) {
    case 'password':
      return html(it, pages.passwordPage({ ...common, action: `${it.base}/password` }), error ? 400 : 200);
    case 'deviceBasedPush':
    case 'microsoftAuthenticatorPush': {
      const push = it.state.pushId ? pushRequestById(it.mock.pushes, it.state.pushId, now) : undefined;
      if (push && (push.status === 'pending' || push.status === 'awaitingUnlock') && !error) {
        return html(
          it,
          pages.pushNumberPage({
            ...common,
            number: push.number,
            statusHref: `${it.base}/push-status`,
            continueAction: `${it.base}/push-result`,
            resendAction: `${it.base}/push`,
            isPasswordless: push.kind === 'passwordless',
          }),
        );
      }
      return html(
        it,
        pages.sendPushPage({ ...common, action: `${it.base}/push`, isPasswordless: mode === 'deviceBasedPush' }),
        error ? 400 : 200,
      );
    }
    case 'softwareOath':
    case 'hardwareOath':
      return html(
        it,
        pages.codePage({ ...common, ...codePrompts.oath, action: `${it.base}/totp`, name: 'code' }),
        error ? 400 : 200,
      );
    case 'sms':
    case 'voice': {
      const code = it.state.oneTimeCode;
      if (code && code.channel === mode && code.expiresAt > now) {
        const prompt =
          mode === 'sms' ? smsCodePrompt(maskPhone(phoneOf(it.mock.credentials, user))) : codePrompts.voice;
        return html(
          it,
          pages.codePage({ ...common, ...prompt, action: `${it.base}/code`, name: 'code' }),
          error ? 400 : 200,
        );
      }
      return html(
        it,
        pages.sendCodePage({
          ...common,
          action: `${it.base}/send-code`,
          channel: mode,
          maskedPhone: maskPhone(phoneOf(it.mock.credentials, user)),
        }),
        error ? 400 : 200,
      );
    }
    case 'temporaryAccessPassOneTime':
    case 'temporaryAccessPassMultiUse':
      return html(
        it,
        pages.codePage({
          ...common,
          ...codePrompts.temporaryAccessPass,
          action: `${it.base}/tap`,
          name: 'pass',
          inputMode: 'text',
          secret: true,
        }),
        error ? 400 : 200,
      );
    case 'windowsHelloForBusiness':
      return html(
        it,
        pages.codePage({
          ...common,
          ...codePrompts.windowsHello,
          action: `${it.base}/whfb`,
          name: 'pin',
          secret: true,
        }),
        error ? 400 : 200,
      );
    case 'fido2':
      return html(
        it,
        pages.fido2Page({ ...common, optionsJsonHref: `${it.base}/fido2-options`, verifyAction: `${it.base}/fido2` }),
        error ? 400 : 200,
      );
    default:
      return html(it, pages.errorPage(methodNotSimulatedPage(mode)), 400);
  }
}
