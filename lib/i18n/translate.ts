// Looks up a dotted key in a message tree and fills {placeholders}. A missing key returns the key
// itself so a gap is visible on screen and caught by the message-files test, never a crash.
export type Messages = { [key: string]: string | Messages };

export function translate(messages: Messages, key: string, values: Record<string, string | number> = {}): string {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}
