// Client components get their text as props, translated on the server (one message catalogue per request).
export function labelsFrom<K extends string>(
  t: (key: string) => string,
  prefix: string,
  keys: readonly K[],
): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}`)])) as Record<K, string>;
}
