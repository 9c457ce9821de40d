// Splits a Temporary Access Pass into what an agent reads aloud, one character at a time, so the page can
// say "capital Bravo, four, hyphen" in the agent's language (ITU phonetic alphabet in English, the French
// telephone alphabet in French: the words live in messages/*/desk.json). Characters outside the named set
// are read as themselves.
import { isKeyOf } from '../is-key-of';

export type SpokenCharacter =
  | { kind: 'upper' | 'lower'; letter: string }
  | { kind: 'digit'; digit: string }
  | { kind: 'symbol'; name: SymbolName }
  | { kind: 'other'; character: string };

export const symbolNames = {
  '!': 'exclamation',
  '@': 'at',
  '#': 'hash',
  $: 'dollar',
  '%': 'percent',
  '^': 'caret',
  '&': 'ampersand',
  '*': 'asterisk',
  '-': 'hyphen',
  _: 'underscore',
  '+': 'plus',
  '=': 'equals',
  '?': 'question',
  '.': 'dot',
  ',': 'comma',
  ':': 'colon',
  ';': 'semicolon',
  '/': 'slash',
  '(': 'openParenthesis',
  ')': 'closeParenthesis',
  '~': 'tilde',
} as const;
export type SymbolName = (typeof symbolNames)[keyof typeof symbolNames];

export function spellOutPass(pass: string): SpokenCharacter[] {
  return [...pass].map((character): SpokenCharacter => {
    if (/^[A-Z]$/.test(character)) return { kind: 'upper', letter: character };
    if (/^[a-z]$/.test(character)) return { kind: 'lower', letter: character.toUpperCase() };
    if (/^[0-9]$/.test(character)) return { kind: 'digit', digit: character };
    const name = isKeyOf(symbolNames, character) ? symbolNames[character] : undefined;
    return name ? { kind: 'symbol', name } : { kind: 'other', character };
  });
}
