'use client';
// Subscribes to the case's server-sent events (EventSource reconnects by itself) and keeps a local
// clock offset so the countdown ticks every second without asking the server.
import { useEffect, useState } from 'react';
import { deskCaseViewSchema, type DeskCaseView } from '@/lib/desk/desk-case-view-schema';

function parsedCaseView(data: string): DeskCaseView | null {
  try {
    const parsed = deskCaseViewSchema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function useDeskCase(caseId: string | null): {
  view: DeskCaseView | null;
  secondsLeft: number;
  isLive: boolean;
  /** The server's clock now (milliseconds), ticking every second: for the countdowns. */
  serverNow: number;
  setView: (view: DeskCaseView) => void;
} {
  const [view, setView] = useState<DeskCaseView | null>(null);
  const [offsetMs, setOffsetMs] = useState(0);
  const [tick, setTick] = useState(() => Date.now());
  const [isLive, setLive] = useState(false);

  useEffect(() => {
    if (!caseId) return;
    const source = new EventSource(`/api/desk/cases/${caseId}/events`);
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.onmessage = (event: MessageEvent<string>) => {
      // An event that is not a case view (a truncated line, an error event) leaves the last good view shown.
      const next = parsedCaseView(event.data);
      if (!next) return;
      setOffsetMs(Date.parse(next.serverTime) - Date.now());
      setView(next);
    };
    return () => source.close();
  }, [caseId]);

  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const closesAt = view?.window.closesAt ? Date.parse(view.window.closesAt) : null;
  const secondsLeft = closesAt === null ? 0 : Math.max(0, Math.ceil((closesAt - (tick + offsetMs)) / 1000));
  return {
    view: caseId && view?.id === caseId ? view : null,
    secondsLeft,
    isLive,
    serverNow: tick + offsetMs,
    setView,
  };
}
