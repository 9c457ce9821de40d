// Counts per outcome for each flow as an accessible SVG (role="img" with <title> and <desc>), always paired
// with the same figures in a table (WCAG 1.1.1). Colours are backed by the legend text and the table.
import { stackedBars } from '@/lib/simulator/outcome-chart';
import type { OutcomeCounts } from '@/lib/conditional-access/blast-radius';
import { outcomeFill } from './outcome-badge';
import { ScrollRegion } from './scroll-region';

const outcomes = ['granted', 'interrupted', 'blocked', 'unavailable'] as const;
const labelWidth = 250;
const barWidth = 560;
const barHeight = 22;
const gap = 10;

export function OutcomeChart({
  id,
  title,
  flows,
  labels,
}: {
  id: string;
  title: string;
  flows: { flowId: string; label: string; counts: OutcomeCounts }[];
  labels: Record<(typeof outcomes)[number] | 'flow' | 'description' | 'table', string>;
}) {
  const bars = stackedBars(flows, barWidth, barHeight, gap);
  const height = Math.max(1, bars.length) * (barHeight + gap) + 30;
  const description = flows
    .map((f) => `${f.label}: ${outcomes.map((o) => `${labels[o]} ${f.counts[o]}`).join(', ')}`)
    .join('. ');
  return (
    <figure className="mt-3">
      <ScrollRegion label={title}>
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${labelWidth + barWidth + 10} ${height}`}
          className="w-full min-w-[560px] max-w-3xl"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{`${labels.description} ${description}`}</desc>
          {bars.map((bar) => (
            <g key={bar.flowId} transform={`translate(0 ${bar.y})`}>
              <text x={0} y={barHeight * 0.7} fontSize={12} fill="#0f172a">
                {bar.label}
              </text>
              {bar.segments.map(
                (segment) =>
                  segment.width > 0 && (
                    <rect
                      key={segment.outcome}
                      x={labelWidth + segment.x}
                      y={0}
                      width={segment.width}
                      height={barHeight}
                      fill={outcomeFill[segment.outcome]}
                    >
                      <title>{`${labels[segment.outcome]}: ${segment.count}`}</title>
                    </rect>
                  ),
              )}
            </g>
          ))}
          <g transform={`translate(${labelWidth} ${height - 18})`}>
            {outcomes.map((o, i) => (
              <g key={o} transform={`translate(${i * 130} 0)`}>
                <rect width={12} height={12} fill={outcomeFill[o]} />
                <text x={16} y={10} fontSize={12} fill="#0f172a">
                  {labels[o]}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </ScrollRegion>
      <ScrollRegion label={`${title} (${labels.table})`} className="mt-2">
        <table className="w-full border-collapse bg-white text-left text-sm" data-testid={`${id}-table`}>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                {labels.flow}
              </th>
              {outcomes.map((o) => (
                <th key={o} scope="col" className="p-2 text-right">
                  {labels[o]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {flows.map((f) => (
              <tr key={f.flowId} className="border-b border-slate-200" data-flow={f.flowId}>
                <th scope="row" className="p-2 font-medium">
                  {f.label}
                </th>
                {outcomes.map((o) => (
                  <td key={o} className="p-2 text-right tabular-nums" data-outcome={o}>
                    {f.counts[o].toLocaleString()}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}
