// The login prompt's actions: one GET page or JSON endpoint, or one POSTed form, per action segment.
import { readForm, sendJson } from '../http/http';
import { fido2Options, submitFido2 } from './factors/fido2';
import { submitTotp } from './factors/oath-code';
import { submitPassword } from './factors/password';
import { sendCode, submitCode } from './factors/phone-code';
import { pushResult, pushStatus, sendPush } from './factors/push';
import { submitTap } from './factors/temporary-access-pass';
import { submitUsername } from './factors/username';
import { submitWindowsHello } from './factors/windows-hello';
import type { Interaction } from './interaction-context';
import { passkeyRegistrationOptions, registerPasskeyNow, registerSimulatedMethod } from './registration-interrupt';
import { restart } from './restart';
import { showLogin } from './show-login';

export async function handleLogin(it: Interaction, action: string): Promise<void> {
  const { req } = it;
  if (req.method === 'GET' && action === '') return showLogin(it);
  if (req.method === 'GET' && action === 'push-status') return pushStatus(it);
  if (req.method === 'GET' && action === 'fido2-options') return fido2Options(it);
  if (req.method === 'GET' && action === 'register-options') return passkeyRegistrationOptions(it);
  if (req.method !== 'POST') return sendJson(it.res, 405, { error: 'method_not_allowed' });
  const form = await readForm(req);
  switch (action) {
    case 'username':
      return submitUsername(it, form.username ?? '');
    case 'password':
      return submitPassword(it, form.password ?? '');
    case 'push':
      return sendPush(it);
    case 'push-result':
      return pushResult(it);
    case 'totp':
      return submitTotp(it, form.code ?? '');
    case 'send-code':
      return sendCode(it, form.channel === 'voice' ? 'voice' : 'sms');
    case 'code':
      return submitCode(it, form.code ?? '');
    case 'tap':
      return submitTap(it, form.pass ?? '');
    case 'whfb':
      return submitWindowsHello(it, form.pin ?? '');
    case 'fido2':
      return submitFido2(it, form.response ?? '');
    case 'restart':
      return restart(it);
    case 'register':
      return registerSimulatedMethod(it, form.method ?? '');
    case 'register-passkey':
      return registerPasskeyNow(it, form.response ?? '');
    default:
      return sendJson(it.res, 404, { error: 'not_found' });
  }
}
