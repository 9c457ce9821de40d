// The blast-radius results as they stream in: status line, error, progress bar, one outcome chart per phase, the
// diff against the compared set and the group heat map. Renders a state of blast-radius-stream-state.ts.
import type { BlastRadiusLabels } from '@/lib/simulator/message-keys';
import type { BlastRadiusProblem, BlastRadiusStatus, BlastRadiusStreamState } from './blast-radius-stream-state';
import type { BlastRadiusOption } from './blast-radius-form';
import type { UnreadableLineReason } from './blast-radius-lines';
import { OutcomeChart } from './outcome-chart';
import { ResultsRowHeader, ResultsTable } from './results-table';

type Labels = BlastRadiusLabels;

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match));
}

function heatClass(share: number): string {
  if (share <= 0) return 'bg-white';
  if (share < 0.1) return 'bg-amber-50';
  if (share < 0.35) return 'bg-amber-100';
  if (share < 0.7) return 'bg-orange-200';
  return 'bg-red-200';
}

function statusText(status: BlastRadiusStatus, l: Labels): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'running':
      return l.running;
    case 'done':
      return fill(l.done, { ms: status.elapsedMs });
    case 'cancelled':
      return l.cancelled;
  }
}

/** The label for each reason a stream line is unreadable: a new reason does not compile until it has one. */
export const unreadableLineLabel: Record<UnreadableLineReason, keyof Labels> = {
  notJson: 'streamNotJson',
  unknownEvent: 'streamUnknownEvent',
};

function problemText(problem: BlastRadiusProblem, l: Labels): string {
  switch (problem.kind) {
    case 'message':
      return problem.message;
    case 'httpStatus':
      return `HTTP ${problem.status}`;
    case 'draftNotJson':
      return l.draftNotJson;
    case 'unreadableLine':
      return l[unreadableLineLabel[problem.reason]];
  }
}

export type BlastRadiusResultsProps = {
  state: BlastRadiusStreamState;
  /** The page's (translated) flow names, shown instead of the engine's English labels. */
  flowNames: BlastRadiusOption[];
  /** "Password forgotten" was asked for on the page: the diff's granted column reads "newly able to reset". */
  forgotten: boolean;
  labels: Labels;
};

export function BlastRadiusResults({ state, flowNames, forgotten, labels: l }: BlastRadiusResultsProps) {
  const { progress, phases, counts, heat, diff } = state;
  const status = statusText(state.status, l);
  const flows = state.flows.map((f) => ({
    flowId: f.flowId,
    label: flowNames.find((o) => o.value === f.flowId)?.label ?? f.label,
  }));
  const outcomeLabels = {
    granted: l.granted,
    interrupted: l.interrupted,
    blocked: l.blocked,
    unavailable: l.unavailable,
    flow: l.flow,
    description: l.chartDescription,
    table: l.chartTable,
  };
  const heatRows = heat.compared ?? heat.current;
  return (
    <>
      <div className="mt-4" aria-live="polite" data-testid="blast-status">
        {status && <p>{status}</p>}
      </div>
      {state.problem && (
        <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {problemText(state.problem, l)}
        </p>
      )}
      {progress && (
        <div className="mt-3">
          <label htmlFor="blast-progress" className="block text-sm font-medium">
            {fill(l.progress, {
              done: progress.done.toLocaleString(),
              total: progress.total.toLocaleString(),
              phase: progress.phase === 'current' ? l.phase_current : l.phase_compared,
            })}
          </label>
          <progress
            id="blast-progress"
            className="mt-1 h-3 w-full"
            max={progress.total * Math.max(1, phases.length)}
            value={(progress.phase === 'compared' ? progress.total : 0) + progress.done}
          />
        </div>
      )}

      {phases.map((phase) => {
        const phaseCounts = counts[phase];
        if (!phaseCounts) return null;
        const title = phase === 'current' ? l.chartCurrent : l.chartCompared;
        return (
          <section key={phase} aria-label={title} className="mt-6" data-testid={`blast-${phase}`}>
            <h2 className="text-lg font-semibold">{title}</h2>
            <OutcomeChart
              id={`chart-${phase}`}
              title={title}
              flows={flows.map((f, i) => ({
                ...f,
                counts: phaseCounts[i] ?? { granted: 0, interrupted: 0, blocked: 0, unavailable: 0 },
              }))}
              labels={outcomeLabels}
            />
          </section>
        );
      })}

      {diff && (
        <section
          aria-labelledby="diff-title"
          className="mt-6 rounded-lg border border-slate-200 bg-white p-5"
          data-testid="blast-diff"
        >
          <h2 id="diff-title" className="text-lg font-semibold">
            {fill(l.diffTitle, { count: diff.changedUserCount })}
          </h2>
          <ResultsTable
            label={fill(l.diffTitle, { count: diff.changedUserCount })}
            columns={[
              { key: 'flow', label: l.flow },
              { key: 'blocked', label: l.newlyBlocked },
              { key: 'granted', label: forgotten ? l.newlyAbleToReset : l.newlyGranted },
              { key: 'interrupted', label: l.newlyInterrupted },
            ]}
            className="mt-3"
          >
            {diff.flows.map((f) => (
              <tr key={f.flowId} className="border-b border-slate-200 align-top" data-flow={f.flowId}>
                <ResultsRowHeader>{flows.find((x) => x.flowId === f.flowId)?.label ?? f.label}</ResultsRowHeader>
                {[f.newlyBlocked, f.newlyGranted, f.newlyInterrupted].map((list, i) => (
                  <td key={i} className="p-2" data-change={['blocked', 'granted', 'interrupted'][i]}>
                    <span className="font-semibold tabular-nums">{list.count}</span>
                    {list.users.length > 0 && (
                      <span className="block text-xs text-slate-700">
                        {list.users.join(', ')}
                        {list.count > list.users.length ? ' …' : ''}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </ResultsTable>
        </section>
      )}

      {heatRows && heatRows.length > 0 && (
        <section aria-labelledby="heat-title" className="mt-6" data-testid="blast-heat-map">
          <h2 id="heat-title" className="text-lg font-semibold">
            {l.heatTitle}
          </h2>
          <p className="text-sm text-slate-700">{l.heatHelp}</p>
          <ResultsTable
            label={l.heatTitle}
            columns={[
              { key: 'group', label: l.group },
              ...flows.map((f) => ({ key: f.flowId, label: f.label, isNumeric: true })),
            ]}
            className="mt-2"
          >
            {heatRows.map((row) => (
              <tr key={row.groupId} className="border-b border-slate-200">
                <ResultsRowHeader>
                  {row.displayName} <span className="font-normal text-slate-600">({row.memberCount})</span>
                </ResultsRowHeader>
                {row.cells.map((cell, i) => (
                  <td key={i} className={`p-2 text-right tabular-nums ${heatClass(cell.share)}`}>
                    {Math.round(cell.share * 100)}%
                  </td>
                ))}
              </tr>
            ))}
          </ResultsTable>
        </section>
      )}
    </>
  );
}
