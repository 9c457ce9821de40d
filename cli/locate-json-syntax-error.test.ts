import { describe, expect, it } from 'vitest';
import { locateJsonSyntaxError } from './locate-json-syntax-error';

describe('locateJsonSyntaxError', () => {
  it('accepts valid JSON', () => {
    expect(locateJsonSyntaxError('{"a":[1,-2.5e3,"x\\u00e9",true,false,null,{}]}')).toBeUndefined();
  });

  it.each([
    ['{"a": x}', 1, 7, '$.a', /unexpected character 'x'/],
    ['{"a":1,}', 1, 8, '$.a', /property name/],
    ['{"users":[{"id":"1"},\n{"id":2,"n":tru}]}', 2, 13, '$.users[1].n', /expected a value/],
    ['[1,2,\n\n 3 4]', 3, 4, '$[2]', /expected ',' or '\]'/],
    ['{"a":"b\nc"}', 1, 8, '$.a', /control character/],
    ['{"a":{"b":[1,{"c":"\\q"}]}}', 1, 20, '$.a.b[1].c', /invalid escape/],
    ['{}x', 1, 3, '$', /after the end of the document/],
    ['', 1, 1, '$', /unexpected end of input/],
  ])('locates the error in %j', (text, line, column, path, reason) => {
    const error = locateJsonSyntaxError(text);
    expect(error).toMatchObject({ line, column, path });
    expect(error?.reason).toMatch(reason);
  });

  it('does not overflow the stack on a million nested arrays', () => {
    const depth = 1_000_000;
    expect(locateJsonSyntaxError('['.repeat(depth) + ']'.repeat(depth - 1))?.reason).toMatch(/end of input/);
  });
});
