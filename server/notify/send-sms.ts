import 'server-only';
import { AppError } from '../../lib/app-error';
import { getConfig } from '../config';

// SMS leave through an HTTP gateway: POST {to, body} as JSON to SMS_GATEWAY_URL with an optional bearer
// token. The development sink implements this contract; production points it at the organisation's
// gateway (or an adapter in front of one). Why a generic webhook: every SMS provider's API differs and
// none is reachable offline; one small contract keeps the portal provider-neutral.
export type OutgoingSms = { to: string; body: string };

export async function sendSms(message: OutgoingSms): Promise<void> {
  const config = getConfig();
  let response: Response;
  try {
    response = await fetch(config.SMS_GATEWAY_URL, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(config.SMS_GATEWAY_TOKEN ? { authorization: `Bearer ${config.SMS_GATEWAY_TOKEN}` } : {}),
      },
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    throw new AppError('UPSTREAM_ERROR', 'The text message could not be sent.', { cause: String(error) });
  }
  if (!response.ok)
    throw new AppError('UPSTREAM_ERROR', 'The text message could not be sent.', { status: response.status });
}
