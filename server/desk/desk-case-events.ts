import 'server-only';
// Live case state for the console as server-sent events (HTML Living Standard, "Server-sent events"):
// while a push is pending the channel is polled every 500 ms, otherwise every 2 s, and an event is sent
// only when something the agent sees changed, so pending → approved / denied / expired / wrong number
// appears without a refresh. Every poll re-runs the role and case-owner checks.
import { errorSummary, requestFailureOf } from '../http/request-failure';
import { portalLogger } from '../log/logger';
import type { DeskActor } from './desk-actor';
import type { DeskDependencies } from './desk-dependencies';
import { deskCaseView, type DeskCaseView } from './desk-case-view';

const encoder = new TextEncoder();
const maxStreamMs = 20 * 60_000;

function comparable(view: DeskCaseView): string {
  const { serverTime: _time, window, ...rest } = view;
  return JSON.stringify({ ...rest, window: { state: window.state, closesAt: window.closesAt } });
}

/**
 * Checks the role and the case owner with a first view before the stream starts, so a wrong role or another
 * agent's case is a 403 with the common body, not a 200 carrying an error event.
 */
export async function openDeskCaseEventStream(
  deps: DeskDependencies,
  actor: DeskActor,
  caseId: string,
  signal: AbortSignal,
): Promise<ReadableStream<Uint8Array>> {
  await deskCaseView(deps, actor, caseId);
  return deskCaseEventStream(deps, actor, caseId, signal);
}

function deskCaseEventStream(
  deps: DeskDependencies,
  actor: DeskActor,
  caseId: string,
  signal: AbortSignal,
): ReadableStream<Uint8Array> {
  let isClosed = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const started = Date.now();
      let last = '';
      let lastSent = 0;
      const send = (text: string) => {
        if (!isClosed) controller.enqueue(encoder.encode(text));
      };
      signal.addEventListener('abort', () => {
        isClosed = true;
      });
      send('retry: 2000\n\n');
      while (!isClosed && Date.now() - started < maxStreamMs) {
        let view: DeskCaseView;
        try {
          view = await deskCaseView(deps, actor, caseId);
        } catch (error) {
          // The same sanitised failure a JSON route answers: an AppError's own sentence, the outage sentence
          // for a dependency that is down, else a generic one. Never the driver's text (issue 12, finding 6).
          const { code, message, reason } = requestFailureOf(error);
          portalLogger().error({ stream: 'desk.case.events', caseId, error: errorSummary(error) }, 'stream failed');
          send(`event: failure\ndata: ${JSON.stringify({ code, message, ...(reason ? { reason } : {}) })}\n\n`);
          break;
        }
        const key = comparable(view);
        if (key !== last || Date.now() - lastSent > 15_000) {
          send(`data: ${JSON.stringify(view)}\n\n`);
          last = key;
          lastSent = Date.now();
        }
        const isPushPending = view.verifications.some(
          (v) => v.method === 'authenticatorPush' && v.status === 'pending',
        );
        await new Promise((resolve) => setTimeout(resolve, isPushPending ? 500 : 2000));
      }
      isClosed = true;
      controller.close();
    },
    cancel() {
      isClosed = true;
    },
  });
}
