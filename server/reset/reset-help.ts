import 'server-only';
// Page data for the help the reset and unlock pages offer: how to reach the service desk and the domain the
// username hint shows (README, "Configuration"). Read from the validated configuration, never from the request.
import { getConfig } from '../config';

export type ServiceDeskContact = { phone: string; hours: string | null; text: string | null };

export function serviceDeskContact(): ServiceDeskContact {
  const config = getConfig();
  return {
    phone: config.SERVICE_DESK_PHONE,
    hours: config.SERVICE_DESK_HOURS ?? null,
    text: config.SERVICE_DESK_TEXT ?? null,
  };
}

export function usernameDomain(): string {
  return getConfig().RESET_USERNAME_DOMAIN;
}
