// In-memory store of what the development sink received: e-mails (SMTP) and SMS (HTTP gateway).
// Development and tests only; kept in memory so a restart starts clean, capped so a runaway
// sender cannot exhaust memory.
export type SunkEmail = {
  id: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
};
export type SunkSms = { id: string; to: string; body: string; receivedAt: string };

const maximumKept = 2000;

export type DevSinkStore = { emails: SunkEmail[]; sms: SunkSms[] };

export function createDevSinkStore(): DevSinkStore {
  return { emails: [], sms: [] };
}

export function keepNewest<T>(list: T[], item: T): void {
  list.unshift(item);
  if (list.length > maximumKept) list.length = maximumKept;
}

/** Phone numbers are compared on their digits so "+1 555 0101" and "+15550101" match. */
export function samePhoneNumber(a: string, b: string): boolean {
  return a.replace(/\D/g, '') === b.replace(/\D/g, '');
}
