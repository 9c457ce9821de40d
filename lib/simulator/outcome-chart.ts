// Bar chart geometry for blast radius counts per flow and outcome (issue 6, item 6). Pure numbers; the page
// draws them as SVG with <title>/<desc> and offers the same figures as a table (WCAG 1.1.1 text alternative).
import type { SignInOutcome } from '../conditional-access/sign-in-flow';
import type { OutcomeCounts } from '../conditional-access/blast-radius';

// The engine's signInOutcomes order, repeated here so the browser bundle does not pull in the engine.
const signInOutcomes: readonly SignInOutcome[] = ['granted', 'interrupted', 'blocked', 'unavailable'];

export type ChartSegment = { outcome: SignInOutcome; count: number; x: number; width: number };
export type ChartBar = { flowId: string; label: string; y: number; total: number; segments: ChartSegment[] };

/** One horizontal stacked bar per flow; widths are fractions of `width` by the share of users. */
export function stackedBars(
  flows: readonly { flowId: string; label: string; counts: OutcomeCounts }[],
  width: number,
  barHeight: number,
  gap: number,
): ChartBar[] {
  return flows.map((flow, i) => {
    const total = signInOutcomes.reduce((sum, outcome) => sum + flow.counts[outcome], 0);
    let x = 0;
    const segments = signInOutcomes.map((outcome) => {
      const count = flow.counts[outcome];
      const segmentWidth = total === 0 ? 0 : (count / total) * width;
      const segment = { outcome, count, x, width: segmentWidth };
      x += segmentWidth;
      return segment;
    });
    return { flowId: flow.flowId, label: flow.label, y: i * (barHeight + gap), total, segments };
  });
}
