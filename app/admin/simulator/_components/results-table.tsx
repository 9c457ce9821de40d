// A results table as every simulator page shows one: in a keyboard-reachable horizontal scroll container named
// for screen readers (scroll-region.tsx), so a phone scrolls it instead of cutting off its last columns; a
// caption for screen readers, one row of column headers, the page's own rows (each led by a ResultsRowHeader).
// A table with few numeric columns can instead stack its rows on a phone (as /admin/readiness does), so
// nothing needs scrolling at 390 px.
import type { ReactNode } from 'react';
import { ScrollRegion } from './scroll-region';

export type ResultsColumn = { key: string; label: ReactNode; isNumeric?: boolean };

export function ResultsTable({
  label,
  columns,
  testId,
  className,
  stacksOnPhone = false,
  children,
}: {
  /** Names the scroll container and is the table's caption. */
  label: string;
  columns: readonly ResultsColumn[];
  testId?: string;
  className?: string;
  /** Below the sm breakpoint the header row is for screen readers only and each row stacks (see stackedRowClass). */
  stacksOnPhone?: boolean;
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={label} className={className}>
      <table
        className={`w-full border-collapse bg-white text-left text-sm ${stacksOnPhone ? 'max-sm:block' : ''}`}
        data-testid={testId}
      >
        <caption className="sr-only">{label}</caption>
        <thead className={stacksOnPhone ? 'max-sm:sr-only' : undefined}>
          <tr className="border-b border-slate-300">
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.isNumeric ? 'p-2 text-right' : 'p-2'}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={stacksOnPhone ? 'max-sm:block' : undefined}>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}

/** A row of a stacksOnPhone table: on a phone, its header on a line of its own and its cells two by two. */
export const stackedRowClass = 'max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-3 max-sm:gap-y-1 max-sm:py-2';
/**
 * A cell of a stacksOnPhone table: on a phone it shows its column's name (its data-label) above its value, as
 * generated content, so the cell's text stays the value alone.
 */
export const stackedCellClass =
  'max-sm:p-0 max-sm:text-left max-sm:before:block max-sm:before:text-xs max-sm:before:font-semibold max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)]';

export function ResultsRowHeader({ className = '', children }: { className?: string; children: ReactNode }) {
  return (
    <th scope="row" className={`p-2 font-medium ${className}`}>
      {children}
    </th>
  );
}
