// The blast-radius stream as the page reads it: NDJSON split into whole lines as chunks arrive, each line checked
// against the stream's schema (lib/simulator/blast-radius-request.ts). A line that is not an event becomes an
// unreadable line with its reason, so a broken stream shows a message (translated by the results view from
// messages/<locale>/simulator.json) instead of throwing inside the reader.
import { blastRadiusEventSchema, type BlastRadiusEvent } from '@/lib/simulator/blast-radius-request';

/** Why a line of the stream is not an event the page can use. */
export type UnreadableLineReason = 'notJson' | 'unknownEvent';
export type StreamLine = BlastRadiusEvent | { type: 'unreadable'; reason: UnreadableLineReason };

/** The whole lines in `buffered` (blank ones dropped) and the unfinished rest to keep for the next chunk. */
export function splitLines(buffered: string): { lines: string[]; rest: string } {
  const end = buffered.lastIndexOf('\n');
  if (end < 0) return { lines: [], rest: buffered };
  const lines = buffered
    .slice(0, end)
    .split('\n')
    .filter((line) => line.trim() !== '');
  return { lines, rest: buffered.slice(end + 1) };
}

export function parseEventLine(line: string): StreamLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { type: 'unreadable', reason: 'notJson' };
  }
  const parsed = blastRadiusEventSchema.safeParse(value);
  return parsed.success ? parsed.data : { type: 'unreadable', reason: 'unknownEvent' };
}
