'use client';
// The blast-radius run as a React hook: posts the request to the NDJSON endpoint, feeds each chunk to the pure
// reducer (blast-radius-stream-state.ts) and cancels by aborting the request (the server stops at its next slice).
// Marks `verity:blast-radius:start`, `…:first-result` (first counts rendered) and `…:done` with the Performance
// API for bench/simulator-page.bench.ts.
import { useEffect, useReducer, useRef } from 'react';
import { errorBodySchema } from '@/lib/http/error-body-schema';
import { initialBlastRadiusStreamState, reduceBlastRadiusStream } from './blast-radius-stream-state';

const endpoint = '/api/admin/simulator/blast-radius';

export function useBlastRadiusStream() {
  const [state, dispatch] = useReducer(reduceBlastRadiusStream, initialBlastRadiusStreamState);
  const controller = useRef<AbortController | null>(null);
  const lastRun = useRef(0);
  const markedRun = useRef(0);

  useEffect(() => {
    if (state.progress !== null && markedRun.current !== state.run) {
      markedRun.current = state.run;
      performance.mark('verity:blast-radius:first-result');
    }
  }, [state.progress, state.run]);
  useEffect(() => {
    if (state.status.kind === 'done') performance.mark('verity:blast-radius:done');
  }, [state.status]);

  async function start(body: unknown) {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    lastRun.current += 1;
    const run = lastRun.current;
    dispatch({ type: 'started', run });
    performance.clearMarks();
    performance.mark('verity:blast-radius:start');
    try {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        const problem = errorBodySchema.safeParse(await response.json().catch(() => null));
        const message = problem.success ? problem.data.error.message : null;
        dispatch({ type: 'refused', run, status: response.status, message });
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        dispatch({ type: 'chunk', run, text: value });
      }
      dispatch({ type: 'ended', run });
    } catch (caught) {
      if (abort.signal.aborted) dispatch({ type: 'cancelled', run });
      else dispatch({ type: 'failed', run, message: caught instanceof Error ? caught.message : String(caught) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  return {
    state,
    start,
    cancel: () => controller.current?.abort(),
    refuseDraft: () => dispatch({ type: 'draftNotJson' }),
  };
}
