import { describe, expect, it } from 'vitest';
import { spellOutPass } from './spell-out-pass';

describe('spelling out a Temporary Access Pass', () => {
  it('tells capitals, lowercase letters, digits and named symbols apart, in order', () => {
    expect(spellOutPass('Bl0-O1é')).toEqual([
      { kind: 'upper', letter: 'B' },
      { kind: 'lower', letter: 'L' },
      { kind: 'digit', digit: '0' },
      { kind: 'symbol', name: 'hyphen' },
      { kind: 'upper', letter: 'O' },
      { kind: 'digit', digit: '1' },
      { kind: 'other', character: 'é' },
    ]);
  });
});
