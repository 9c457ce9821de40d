// Finds where a text stops being JSON (RFC 8259) and the JSON path being written there. V8's
// JSON.parse messages do not always carry a position ("Unexpected token 'x', ...") and quote raw
// input, which may span lines; the CLI promises one line naming the file and the place at fault.
// Only called after JSON.parse has failed, so speed does not matter; it keeps its own stack so a
// document nested a million levels deep cannot overflow the call stack.

import { formatJsonPath } from '../lib/conditional-access/parse-input';

type JsonPathSegment = string | number;

export type JsonSyntaxError = {
  /** Offset in UTF-16 code units, as JavaScript strings count. */
  offset: number;
  line: number;
  column: number;
  /** Path of the value being read when the error occurred, e.g. `$.users[2].displayName`. */
  path: string;
  reason: string;
};

type Frame = { kind: 'array'; index: number } | { kind: 'object'; key: string | undefined };

type State = 'value' | 'valueOrArrayEnd' | 'keyOrObjectEnd' | 'key' | 'colon' | 'afterValue';

const whitespace = new Set([' ', '\t', '\n', '\r']);
const escapable = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const hex4 = /^[0-9a-fA-F]{4}$/;

export function locateJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Frame[] = [];
  let state: State = 'value';
  let pos = 0;

  const fail = (reason: string, at = pos): JsonSyntaxError => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const segments: JsonPathSegment[] = [];
    for (const frame of stack) {
      if (frame.kind === 'array') segments.push(frame.index);
      else if (frame.key !== undefined) segments.push(frame.key);
    }
    return { offset: at, line, column, path: formatJsonPath(segments), reason };
  };
  const describe = (at: number): string => {
    const char = text[at];
    if (char === undefined) return 'unexpected end of input';
    const code = char.charCodeAt(0);
    const shown = code < 0x20 || code === 0x7f ? `U+${code.toString(16).padStart(4, '0')}` : char;
    return `unexpected character '${shown}'`;
  };

  // Reads a string starting at the opening quote; returns its value or an error.
  const readString = (): string | JsonSyntaxError => {
    const start = pos;
    pos += 1;
    for (;;) {
      const char = text[pos];
      if (char === undefined) return fail('unterminated string', start);
      if (char === '"') {
        pos += 1;
        return String(JSON.parse(text.slice(start, pos)));
      }
      if (char === '\\') {
        const next = text[pos + 1];
        if (next === 'u') {
          if (!hex4.test(text.slice(pos + 2, pos + 6))) return fail('invalid \\u escape in string');
          pos += 6;
          continue;
        }
        if (next === undefined || !escapable.has(next)) return fail('invalid escape in string');
        pos += 2;
        continue;
      }
      if (char.charCodeAt(0) < 0x20) return fail('control character in string (newlines must be written \\n)');
      pos += 1;
    }
  };

  for (;;) {
    while (pos < text.length && whitespace.has(text[pos] ?? '')) pos += 1;
    const char = text[pos];

    if (state === 'afterValue') {
      const top = stack.at(-1);
      if (top === undefined) {
        return char === undefined ? undefined : fail(`${describe(pos)} after the end of the document`);
      }
      if (char === ',') {
        pos += 1;
        if (top.kind === 'array') {
          top.index += 1;
          state = 'value';
        } else state = 'key';
        continue;
      }
      if (top.kind === 'array' && char === ']') {
        pos += 1;
        stack.pop();
        continue;
      }
      if (top.kind === 'object' && char === '}') {
        pos += 1;
        stack.pop();
        continue;
      }
      return fail(`${describe(pos)}; expected ',' or '${top.kind === 'array' ? ']' : '}'}'`);
    }

    if (state === 'key' || state === 'keyOrObjectEnd') {
      if (state === 'keyOrObjectEnd' && char === '}') {
        pos += 1;
        stack.pop();
        state = 'afterValue';
        continue;
      }
      if (char !== '"') return fail(`${describe(pos)}; expected a double-quoted property name`);
      const key = readString();
      if (typeof key !== 'string') return key;
      const top = stack.at(-1);
      if (top?.kind === 'object') top.key = key;
      state = 'colon';
      continue;
    }

    if (state === 'colon') {
      if (char !== ':') return fail(`${describe(pos)}; expected ':' after the property name`);
      pos += 1;
      state = 'value';
      continue;
    }

    // state is 'value' or 'valueOrArrayEnd'
    if (state === 'valueOrArrayEnd' && char === ']') {
      pos += 1;
      stack.pop();
      state = 'afterValue';
      continue;
    }
    if (char === '{') {
      pos += 1;
      stack.push({ kind: 'object', key: undefined });
      state = 'keyOrObjectEnd';
      continue;
    }
    if (char === '[') {
      pos += 1;
      stack.push({ kind: 'array', index: 0 });
      state = 'valueOrArrayEnd';
      continue;
    }
    if (char === '"') {
      const value = readString();
      if (typeof value !== 'string') return value;
      state = 'afterValue';
      continue;
    }
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      numberPattern.lastIndex = pos;
      const match = numberPattern.exec(text);
      if (match === null) return fail(`invalid number`);
      pos += match[0].length;
      state = 'afterValue';
      continue;
    }
    const literal = ['true', 'false', 'null'].find((word) => text.startsWith(word, pos));
    if (literal !== undefined) {
      pos += literal.length;
      state = 'afterValue';
      continue;
    }
    return fail(`${describe(pos)}; expected a value`);
  }
}
