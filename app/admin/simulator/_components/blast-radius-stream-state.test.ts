// The blast-radius page's state over its stream: lines cut across chunks, error events and refusals, a cancel, and
// a restart whose old run keeps sending (its chunks must not reach the new run).
import { describe, expect, it } from 'vitest';
import {
  initialBlastRadiusStreamState,
  reduceBlastRadiusStream,
  type BlastRadiusStreamAction,
  type BlastRadiusStreamState,
} from './blast-radius-stream-state';

const counts = { granted: 3, interrupted: 1, blocked: 0, unavailable: 0 };
const start = { type: 'start', userCount: 4, phases: ['current'], flows: [{ flowId: 'password', label: 'Password' }] };
const progress = { type: 'progress', phase: 'current', done: 4, total: 4, counts: [counts] };
const heat = {
  type: 'heatMap',
  phase: 'current',
  rows: [{ groupId: 'g1', displayName: 'All Staff', memberCount: 4, cells: [{ notGranted: 1, share: 0.25 }] }],
};
const done = { type: 'done', elapsedMs: 42 };
const stream = [start, progress, heat, done].map((event) => `${JSON.stringify(event)}\n`).join('');

function play(actions: BlastRadiusStreamAction[], from = initialBlastRadiusStreamState): BlastRadiusStreamState {
  return actions.reduce(reduceBlastRadiusStream, from);
}

describe('reduceBlastRadiusStream', () => {
  it('a whole stream in one chunk shows the flows, counts, heat map and the done line', () => {
    const state = play([
      { type: 'started', run: 1 },
      { type: 'chunk', run: 1, text: stream },
      { type: 'ended', run: 1 },
    ]);
    expect(state).toMatchObject({
      running: false,
      status: { kind: 'done', elapsedMs: 42 },
      problem: null,
      phases: ['current'],
      flows: [{ flowId: 'password', label: 'Password' }],
      progress: { phase: 'current', done: 4, total: 4 },
      counts: { current: [counts] },
      heat: { current: heat.rows },
      buffered: '',
    });
  });

  it('the stream cut at every character into two chunks gives the same state as one chunk', () => {
    const whole = play([
      { type: 'started', run: 1 },
      { type: 'chunk', run: 1, text: stream },
      { type: 'ended', run: 1 },
    ]);
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const split = play([
        { type: 'started', run: 1 },
        { type: 'chunk', run: 1, text: stream.slice(0, cut) },
        { type: 'chunk', run: 1, text: stream.slice(cut) },
        { type: 'ended', run: 1 },
      ]);
      expect(split).toEqual(whole);
    }
  });

  it('a partial line waits for the rest; before it comes, nothing of it shows', () => {
    const line = JSON.stringify(progress);
    const half = play([
      { type: 'started', run: 1 },
      { type: 'chunk', run: 1, text: `${JSON.stringify(start)}\n${line.slice(0, 20)}` },
    ]);
    expect(half.progress).toBeNull();
    expect(half.buffered).toBe(line.slice(0, 20));
    expect(half.problem).toBeNull();
    const whole = play([{ type: 'chunk', run: 1, text: `${line.slice(20)}\n` }], half);
    expect(whole.progress).toEqual({ phase: 'current', done: 4, total: 4 });
    expect(whole.buffered).toBe('');
  });

  it('a last line without its newline still counts when the stream ends', () => {
    const state = play([
      { type: 'started', run: 1 },
      { type: 'chunk', run: 1, text: JSON.stringify(done) },
      { type: 'ended', run: 1 },
    ]);
    expect(state.status).toEqual({ kind: 'done', elapsedMs: 42 });
  });

  it('a stream cut off in the middle of a line ends with an error, not a half event', () => {
    const state = play([
      { type: 'started', run: 1 },
      { type: 'chunk', run: 1, text: `${JSON.stringify(start)}\n{"type":"prog` },
      { type: 'ended', run: 1 },
    ]);
    expect(state.running).toBe(false);
    expect(state.problem).toEqual({ kind: 'unreadableLine', reason: 'notJson' });
    expect(state.progress).toBeNull();
  });

  it('an error event shows its message and the run stops saying it is running', () => {
    const error = { type: 'error', code: 'INVALID_INPUT', message: 'No such app.' };
    const state = play([
      { type: 'started', run: 1 },
      { type: 'chunk', run: 1, text: `${JSON.stringify(start)}\n${JSON.stringify(error)}\n` },
      { type: 'ended', run: 1 },
    ]);
    expect(state.problem).toEqual({ kind: 'message', message: 'No such app.' });
    expect(state.status).toEqual({ kind: 'idle' });
    expect(state.running).toBe(false);
  });

  it('a line that is not a known event becomes an error, and later lines still apply', () => {
    const state = play([
      { type: 'started', run: 1 },
      { type: 'chunk', run: 1, text: `not json\n${JSON.stringify(progress)}\n` },
    ]);
    expect(state.problem).toEqual({ kind: 'unreadableLine', reason: 'notJson' });
    expect(state.counts.current).toEqual([counts]);
  });

  it('a refusal shows the server message, or the HTTP status when the body has none', () => {
    expect(
      play([
        { type: 'started', run: 1 },
        { type: 'refused', run: 1, status: 403, message: 'Not allowed.' },
      ]),
    ).toMatchObject({
      running: false,
      status: { kind: 'idle' },
      problem: { kind: 'message', message: 'Not allowed.' },
    });
    expect(
      play([
        { type: 'started', run: 1 },
        { type: 'refused', run: 1, status: 502, message: null },
      ]).problem,
    ).toEqual({ kind: 'httpStatus', status: 502 });
  });

  it('a network failure shows its message and stops the run', () => {
    const state = play([
      { type: 'started', run: 1 },
      { type: 'failed', run: 1, message: 'Failed to fetch' },
    ]);
    expect(state).toMatchObject({ running: false, problem: { kind: 'message', message: 'Failed to fetch' } });
  });

  it('a cancel keeps what was shown, says cancelled, and drops chunks that still arrive', () => {
    const cancelled = play([
      { type: 'started', run: 1 },
      { type: 'chunk', run: 1, text: `${JSON.stringify(start)}\n${JSON.stringify(progress)}\n{"ty` },
      { type: 'cancelled', run: 1 },
    ]);
    expect(cancelled).toMatchObject({ running: false, status: { kind: 'cancelled' }, buffered: '' });
    expect(cancelled.counts.current).toEqual([counts]);
    const late = play([{ type: 'chunk', run: 1, text: `${JSON.stringify(done)}\n` }], cancelled);
    expect(late).toBe(cancelled);
  });

  it('a restart clears the old results, and the old run’s late chunks, cancel and end are ignored', () => {
    const first = play([
      { type: 'started', run: 1 },
      { type: 'chunk', run: 1, text: `${JSON.stringify(start)}\n${JSON.stringify(progress)}\n` },
    ]);
    const restarted = play([{ type: 'started', run: 2 }], first);
    expect(restarted).toMatchObject({ run: 2, running: true, status: { kind: 'running' }, progress: null });
    expect(restarted.counts).toEqual({});
    const afterStale = play(
      [
        { type: 'chunk', run: 1, text: `${JSON.stringify(done)}\n` },
        { type: 'cancelled', run: 1 },
        { type: 'ended', run: 1 },
        { type: 'failed', run: 1, message: 'aborted' },
      ],
      restarted,
    );
    expect(afterStale).toBe(restarted);
    const second = play(
      [
        { type: 'chunk', run: 2, text: stream },
        { type: 'ended', run: 2 },
      ],
      afterStale,
    );
    expect(second.status).toEqual({ kind: 'done', elapsedMs: 42 });
  });

  it('a draft that is not JSON is said without touching the last results', () => {
    const finished = play([
      { type: 'started', run: 1 },
      { type: 'chunk', run: 1, text: stream },
      { type: 'ended', run: 1 },
    ]);
    const state = play([{ type: 'draftNotJson' }], finished);
    expect(state.problem).toEqual({ kind: 'draftNotJson' });
    expect(state.counts).toEqual(finished.counts);
  });
});
