// Client components get their text as props, translated on the server (one message catalogue per request).
import { recordFromKeys } from '@/lib/record-from-keys';

export function labelsFrom<K extends string>(
  t: (key: string) => string,
  prefix: string,
  keys: readonly K[],
): Record<K, string> {
  return recordFromKeys(keys, (key) => t(`${prefix}.${key}`));
}
