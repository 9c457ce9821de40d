// A horizontally scrollable wrapper for wide tables and charts at phone width, reachable by keyboard
// (a named group, not a region landmark: landmarks would duplicate the sections they sit in)
// (axe "scrollable-region-focusable"; WCAG 2.1.1) and named for screen readers.
import type { ReactNode } from 'react';

// tabIndex 0 on a scrollable region is what axe and WCAG 2.1.1 ask for: it is how a keyboard user scrolls it.
export function ScrollRegion({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label} tabIndex={0} className={`overflow-x-auto ${className}`}>
      {children}
    </div>
  );
}
