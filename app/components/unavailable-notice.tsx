'use client';
// The branded "temporarily unavailable" content shared by app/error.tsx and app/global-error.tsx. It takes
// the five strings already in the user's language (no catalogue, no translator: it is bundled on every page),
// and shows only Next's digest: a hash the server log carries too, never the error's own message (it can be a
// driver's, naming hosts and databases). A plain link home: after a failure a full page load is what we want.
import type { ErrorPageMessages } from './error-page-messages';

export function UnavailableNotice({
  messages,
  digest,
  onRetry,
}: {
  messages: ErrorPageMessages;
  digest?: string;
  onRetry(): void;
}) {
  return (
    <section aria-labelledby="unavailable-title" className="max-w-2xl">
      <h1 id="unavailable-title" className="text-2xl font-semibold sm:text-3xl">
        {messages.title}
      </h1>
      <p role="alert" className="mt-4 rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
        {messages.body}
      </p>
      <div className="mt-6 flex flex-wrap gap-3">
        <button
          type="button"
          onClick={onRetry}
          className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-900"
        >
          {messages.retry}
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load after a failure */}
        <a
          href="/"
          className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-5 py-2 font-semibold text-slate-900! hover:bg-slate-100 hover:no-underline!"
        >
          {messages.home}
        </a>
      </div>
      {digest ? <p className="mt-6 text-sm text-slate-600">{messages.reference.replace('{digest}', digest)}</p> : null}
    </section>
  );
}
