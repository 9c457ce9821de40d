// Test support: a logger whose JSON lines land in an array, for tests that check what is logged.
import { Writable } from 'node:stream';
import { createLogger } from './logger';

export function memoryLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ destination }) };
}
