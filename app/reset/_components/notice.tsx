// Announced messages: errors use role="alert" (read at once), confirmations role="status".
import type { ReactNode } from 'react';

export function ErrorNotice({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="mt-4 rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
      {children}
    </div>
  );
}

export function SuccessNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="mt-4 rounded-lg border border-green-300 bg-green-50 p-4 text-green-900">
      {children}
    </div>
  );
}

export function InfoNotice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="mt-4 rounded-lg border border-brand-600/30 bg-brand-50 p-4 text-brand-900">
      {children}
    </div>
  );
}

// `!` because app/globals.css styles every <a> outside Tailwind's layers; these classes also style links.
export const buttonClass =
  'inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white! hover:bg-brand-900 hover:no-underline!';
export const secondaryButtonClass =
  'inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-5 py-2 font-semibold text-slate-900! hover:bg-slate-100 hover:no-underline!';
export const inputClass = 'mt-1 block w-full rounded-lg border border-slate-400 bg-white px-3 py-2 text-base';
