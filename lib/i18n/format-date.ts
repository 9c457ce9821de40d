// Dates and times in the reader's locale ("2 déc. 2026" in French, "2 Dec 2026" in English), never the
// server's default US format. Times are shown in UTC and say so, since the server does not know the
// reader's time zone.
export function formatDate(date: Date | string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(date),
  );
}

export function formatDateTime(date: Date | string, locale: string): string {
  return `${new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(date))} UTC`;
}

export function formatTime(date: Date | string, locale: string): string {
  return `${new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { timeStyle: 'short', timeZone: 'UTC' }).format(
    new Date(date),
  )} UTC`;
}
