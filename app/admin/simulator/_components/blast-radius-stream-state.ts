// What the blast-radius page knows about its run, as a pure reducer over the stream: NDJSON chunks are joined into
// whole lines (blast-radius-lines.ts), each line becomes an event, and actions from a run that was cancelled or
// restarted are ignored, so a late chunk of an old run never mixes with the new one.
import type { OutcomeCounts } from '@/lib/conditional-access/blast-radius';
import type { BlastRadiusEvent } from '@/lib/simulator/blast-radius-request';
import { parseEventLine, splitLines, type StreamLine, type UnreadableLineReason } from './blast-radius-lines';

export type BlastRadiusPhase = 'current' | 'compared';
export type BlastRadiusHeatRows = Extract<BlastRadiusEvent, { type: 'heatMap' }>['rows'];
export type BlastRadiusDiff = Extract<BlastRadiusEvent, { type: 'diff' }>;

/** The line under the form; the view turns it into the page's words. */
export type BlastRadiusStatus =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; elapsedMs: number } | { kind: 'cancelled' };

/**
 * Why the run shows an error: the server's message, an HTTP status without one, a draft that is not JSON, or a
 * stream line the page cannot read.
 */
export type BlastRadiusProblem =
  | { kind: 'message'; message: string }
  | { kind: 'httpStatus'; status: number }
  | { kind: 'draftNotJson' }
  | { kind: 'unreadableLine'; reason: UnreadableLineReason };

export type BlastRadiusStreamState = {
  /** The run the state belongs to; actions naming another run are stale and ignored. */
  run: number;
  running: boolean;
  /** The unfinished last line of the stream, kept for the next chunk. */
  buffered: string;
  status: BlastRadiusStatus;
  problem: BlastRadiusProblem | null;
  phases: BlastRadiusPhase[];
  /** The engine's flows, in the order of every `counts` array (labels are the engine's English ones). */
  flows: { flowId: string; label: string }[];
  progress: { phase: BlastRadiusPhase; done: number; total: number } | null;
  counts: Partial<Record<BlastRadiusPhase, OutcomeCounts[]>>;
  heat: Partial<Record<BlastRadiusPhase, BlastRadiusHeatRows>>;
  diff: BlastRadiusDiff | null;
};

export type BlastRadiusStreamAction =
  | { type: 'started'; run: number }
  | { type: 'chunk'; run: number; text: string }
  | { type: 'ended'; run: number }
  | { type: 'refused'; run: number; status: number; message: string | null }
  | { type: 'failed'; run: number; message: string }
  | { type: 'cancelled'; run: number }
  | { type: 'draftNotJson' };

export const initialBlastRadiusStreamState: BlastRadiusStreamState = {
  run: 0,
  running: false,
  buffered: '',
  status: { kind: 'idle' },
  problem: null,
  phases: [],
  flows: [],
  progress: null,
  counts: {},
  heat: {},
  diff: null,
};

function applyEvent(state: BlastRadiusStreamState, event: StreamLine): BlastRadiusStreamState {
  switch (event.type) {
    case 'start':
      return { ...state, flows: event.flows, phases: event.phases };
    case 'progress':
      return {
        ...state,
        progress: { phase: event.phase, done: event.done, total: event.total },
        counts: { ...state.counts, [event.phase]: event.counts },
      };
    case 'heatMap':
      return { ...state, heat: { ...state.heat, [event.phase]: event.rows } };
    case 'diff':
      return { ...state, diff: event };
    case 'done':
      return { ...state, status: { kind: 'done', elapsedMs: event.elapsedMs } };
    case 'error':
      return { ...state, status: { kind: 'idle' }, problem: { kind: 'message', message: event.message } };
    case 'unreadable':
      return { ...state, status: { kind: 'idle' }, problem: { kind: 'unreadableLine', reason: event.reason } };
  }
}

function applyLines(state: BlastRadiusStreamState, lines: string[]): BlastRadiusStreamState {
  return lines.reduce((next, line) => applyEvent(next, parseEventLine(line)), state);
}

export function reduceBlastRadiusStream(
  state: BlastRadiusStreamState,
  action: BlastRadiusStreamAction,
): BlastRadiusStreamState {
  if (action.type === 'draftNotJson') return { ...state, problem: { kind: 'draftNotJson' } };
  if (action.type === 'started') {
    return { ...initialBlastRadiusStreamState, run: action.run, running: true, status: { kind: 'running' } };
  }
  if (action.run !== state.run) return state;
  switch (action.type) {
    case 'chunk': {
      if (!state.running) return state;
      const { lines, rest } = splitLines(state.buffered + action.text);
      return applyLines({ ...state, buffered: rest }, lines);
    }
    case 'ended': {
      // A last line without its newline is still a line.
      const last = state.buffered.trim() === '' ? [] : [state.buffered];
      return { ...applyLines(state, last), buffered: '', running: false };
    }
    case 'refused':
      return {
        ...state,
        running: false,
        status: { kind: 'idle' },
        problem:
          action.message === null
            ? { kind: 'httpStatus', status: action.status }
            : { kind: 'message', message: action.message },
      };
    case 'failed':
      return {
        ...state,
        running: false,
        status: { kind: 'idle' },
        problem: { kind: 'message', message: action.message },
      };
    case 'cancelled':
      return { ...state, running: false, buffered: '', status: { kind: 'cancelled' } };
  }
}
