// The `v` query parameter (a policy-set version); anything that is not a positive integer means "latest".
export function versionOf(query: Record<string, string | string[] | undefined>): number | undefined {
  const raw = Array.isArray(query.v) ? query.v[0] : query.v;
  const value = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
