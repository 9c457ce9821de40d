// One card of the /admin landing page: a section named by its heading (aria-labelledby), a summary line and
// whatever the card adds below it.
import Link from 'next/link';
import type { ReactNode } from 'react';

export function AdminCard({
  id,
  title,
  summary,
  testId,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  summary?: string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      data-testid={testId}
    >
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {summary && <p className="mt-1 text-slate-700">{summary}</p>}
      {children}
    </section>
  );
}

/** The card's way onward, on a line of its own under what the card shows. */
export function CardLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mt-3">
      <Link href={href}>{children}</Link>
    </p>
  );
}
