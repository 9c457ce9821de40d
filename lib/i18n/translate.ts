// Looks up a dotted key in a message tree and fills {placeholders}. A missing key returns the key
// itself so a gap is visible on screen and caught by the message-files test, never a crash.
// Plurals use the ICU MessageFormat subset `{count, plural, =0 {…} one {…} other {…}}`, chosen with the
// locale's own rules (Intl.PluralRules: French "one" covers 0 and 1, English only 1); `#` is the number.
export type Messages = { [key: string]: string | Messages };

export function translate(
  messages: Messages,
  key: string,
  values: Record<string, string | number> = {},
  locale = 'en',
): string {
  let node: string | Messages | undefined = messages;
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return formatMessage(node, values, locale);
}

export function formatMessage(message: string, values: Record<string, string | number>, locale: string): string {
  return fillPlaceholders(expandPlurals(message, values, locale), values);
}

function fillPlaceholders(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

const pluralStart = /\{(\w+),\s*plural,/g;

function expandPlurals(message: string, values: Record<string, string | number>, locale: string): string {
  let result = '';
  let cursor = 0;
  pluralStart.lastIndex = 0;
  for (let match = pluralStart.exec(message); match; match = pluralStart.exec(message)) {
    const end = closingBrace(message, match.index);
    if (end < 0) break;
    const name = match[1] ?? '';
    const branches = parseBranches(message.slice(match.index + match[0].length, end));
    const count = Number(values[name]);
    const chosen = Number.isFinite(count)
      ? (branches.get(`=${count}`) ?? branches.get(new Intl.PluralRules(locale).select(count)) ?? branches.get('other'))
      : branches.get('other');
    const text = chosen === undefined ? message.slice(match.index, end + 1) : chosen;
    result +=
      message.slice(cursor, match.index) + expandPlurals(text, values, locale).replace(/#/g, String(values[name]));
    cursor = end + 1;
    pluralStart.lastIndex = cursor;
  }
  return result + message.slice(cursor);
}

/** Index of the brace that closes the one at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function parseBranches(body: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const selector = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!selector) break;
    const open = i + selector[0].length - 1;
    const close = closingBrace(body, open);
    if (close < 0) break;
    branches.set(selector[1] ?? 'other', body.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}
