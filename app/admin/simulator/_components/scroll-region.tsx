// A horizontally scrollable wrapper for wide tables and charts at phone width, reachable by keyboard
// (axe "scrollable-region-focusable"; WCAG 2.1.1) and named for screen readers: a named group, not a region
// landmark, which would duplicate the section it sits in.
import type { ReactNode } from 'react';

// tabIndex 0 on a scrollable region is what axe and WCAG 2.1.1 ask for: it is how a keyboard user scrolls it.
export function ScrollRegion({
  label,
  className = '',
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div role="group" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
