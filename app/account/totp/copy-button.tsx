'use client';
// Copies a value to the clipboard and says so (role="status"). Without script the button is not shown:
// the value stays on the page to select by hand.
import { useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

export function CopyButton({ value, label, doneLabel }: { value: string; label: string; doneLabel: string }) {
  // False while rendering on the server, true in a browser with a clipboard.
  const isReady = useSyncExternalStore(
    noSubscription,
    () => Boolean(navigator.clipboard),
    () => false,
  );
  const [isDone, setIsDone] = useState(false);
  if (!isReady) return null;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100"
        onClick={() => {
          void navigator.clipboard.writeText(value).then(() => setIsDone(true));
        }}
      >
        {label}
      </button>
      <span role="status" className="text-sm text-green-800">
        {isDone ? doneLabel : ''}
      </span>
    </span>
  );
}
