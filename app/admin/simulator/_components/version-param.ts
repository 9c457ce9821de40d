// The `v` query parameter (a policy-set version); anything that is not a positive integer means "latest".
import { parseAsOfDate } from '@/lib/conditional-access/method-availability';

export function versionOf(query: Record<string, string | string[] | undefined>): number | undefined {
  const raw = Array.isArray(query.v) ? query.v[0] : query.v;
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

/**
 * The `asOf` query parameter (YYYY-MM-DD): known method retirements apply from that date, like the CLI's
 * `--as-of`. `invalid` carries a value that is not a calendar date, so the page can say it was ignored.
 */
export function asOfOf(query: Record<string, string | string[] | undefined>): { asOf?: string; invalid?: string } {
  const raw = (Array.isArray(query.asOf) ? query.asOf[0] : query.asOf)?.trim();
  if (!raw) return {};
  const asOf = parseAsOfDate(raw);
  return asOf ? { asOf } : { invalid: raw.slice(0, 40) };
}
