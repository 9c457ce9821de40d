// The page's NDJSON reader: lines split across chunks are joined, blank lines dropped, and a line that is not a
// known event becomes an error event instead of a crash inside the reader.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { unreadableLineLabel } from './blast-radius-results';
import { parseEventLine, splitLines } from './blast-radius-lines';

describe('splitLines', () => {
  it('keeps the unfinished tail for the next chunk and drops blank lines', () => {
    expect(splitLines('{"a":1}\n\n{"b"')).toEqual({ lines: ['{"a":1}'], rest: '{"b"' });
    expect(splitLines('{"b"')).toEqual({ lines: [], rest: '{"b"' });
    const second = splitLines(`{"b"${':2}\n'}`);
    expect(second).toEqual({ lines: ['{"b":2}'], rest: '' });
  });

  it('a stream cut into every possible pair of chunks gives the same lines', () => {
    const stream = '{"type":"done","elapsedMs":5}\n{"type":"error","code":"X","message":"m"}\n';
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const first = splitLines(stream.slice(0, cut));
      const second = splitLines(first.rest + stream.slice(cut));
      expect([...first.lines, ...second.lines]).toEqual(stream.trim().split('\n'));
      expect(second.rest).toBe('');
    }
  });
});

describe('parseEventLine', () => {
  it('a known event is returned as is', () => {
    expect(parseEventLine('{"type":"done","elapsedMs":12}')).toEqual({ type: 'done', elapsedMs: 12 });
  });

  it.each([
    ['not json', 'notJson'],
    ['{"type":"progress","phase":"current"}', 'unknownEvent'],
    ['{"type":"unknown"}', 'unknownEvent'],
    ['[]', 'unknownEvent'],
  ] as const)('%s becomes an unreadable line (%s), not an English sentence', (line, reason) => {
    expect(parseEventLine(line)).toEqual({ type: 'unreadable', reason });
  });
});

describe('the words for an unreadable line', () => {
  const blastWords = (locale: 'en' | 'fr') =>
    z
      .object({ blast: z.record(z.string(), z.string()) })
      .parse(JSON.parse(readFileSync(`messages/${locale}/simulator.json`, 'utf8'))).blast;

  it.each(['notJson', 'unknownEvent'] as const)('%s has its own message in English and in French', (reason) => {
    const key = unreadableLineLabel[reason];
    const [en, fr] = [blastWords('en')[key], blastWords('fr')[key]];
    expect(en).toMatch(/\w/);
    expect(fr).toMatch(/\w/);
    expect(fr).not.toBe(en);
  });

  it('the two reasons read differently', () => {
    expect(blastWords('en')[unreadableLineLabel.notJson]).not.toBe(blastWords('en')[unreadableLineLabel.unknownEvent]);
  });
});
