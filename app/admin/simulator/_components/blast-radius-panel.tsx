'use client';
// Blast radius in the browser: posts the form to the NDJSON endpoint, shows counts as they stream in with a
// progress bar, and cancels by aborting the request (the server stops at its next slice). Marks
// `verity:blast-radius:first-result` and `…:done` with the Performance API for bench/simulator-page.bench.ts.
import { useRef, useState, type FormEvent } from 'react';
import type { BlastRadiusEvent } from '@/lib/simulator/blast-radius-request';
import type { OutcomeCounts } from '@/lib/conditional-access/blast-radius';
import type { BlastRadiusLabels } from '@/lib/simulator/message-keys';
import { errorBodySchema } from '@/lib/http/error-body-schema';
import { parseEventLine, splitLines } from './blast-radius-lines';
import { OutcomeChart } from './outcome-chart';
import { ScrollRegion } from './scroll-region';

type Phase = 'current' | 'compared';
type HeatRows = Extract<BlastRadiusEvent, { type: 'heatMap' }>['rows'];
type Diff = Extract<BlastRadiusEvent, { type: 'diff' }>;
type Option = { value: string; label: string };

export type BlastRadiusPanelProps = {
  setId: string;
  version?: number;
  /** The page's "as of" date (URL `asOf`), sent with every run. */
  asOf?: string;
  apps: Option[];
  locations: Option[];
  versions: number[];
  flows: Option[];
  recommendedPolicyJson: string;
  initial: {
    app?: string;
    location?: string;
    ip?: string;
    forgotten: boolean;
    compare: 'none' | 'version' | 'draft';
    draft: string;
  };
  labels: BlastRadiusLabels;
};

const inputClass = 'mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2';

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

export function BlastRadiusPanel(props: BlastRadiusPanelProps) {
  const { labels: l } = props;
  const [compare, setCompare] = useState(props.initial.compare);
  const [draft, setDraft] = useState(props.initial.draft);
  const [running, setRunning] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [progress, setProgress] = useState<{ phase: Phase; done: number; total: number } | null>(null);
  const [flows, setFlows] = useState<{ flowId: string; label: string }[]>([]);
  const [counts, setCounts] = useState<Partial<Record<Phase, OutcomeCounts[]>>>({});
  const [heat, setHeat] = useState<Partial<Record<Phase, HeatRows>>>({});
  const [diff, setDiff] = useState<Diff | null>(null);
  const [phases, setPhases] = useState<Phase[]>([]);
  const controller = useRef<AbortController | null>(null);

  function handle(event: BlastRadiusEvent, firstResult: { seen: boolean }) {
    if (event.type === 'start') {
      // Show the page's (translated) flow names rather than the engine's English labels.
      setFlows(
        event.flows.map((f) => ({
          flowId: f.flowId,
          label: props.flows.find((o) => o.value === f.flowId)?.label ?? f.label,
        })),
      );
      setPhases(event.phases);
    } else if (event.type === 'progress') {
      if (!firstResult.seen) {
        firstResult.seen = true;
        performance.mark('verity:blast-radius:first-result');
      }
      setProgress({ phase: event.phase, done: event.done, total: event.total });
      setCounts((previous) => ({ ...previous, [event.phase]: event.counts }));
    } else if (event.type === 'heatMap') {
      setHeat((previous) => ({ ...previous, [event.phase]: event.rows }));
    } else if (event.type === 'diff') {
      setDiff(event);
    } else if (event.type === 'done') {
      performance.mark('verity:blast-radius:done');
      setStatus(fill(l.done, { ms: event.elapsedMs }));
    } else if (event.type === 'error') {
      setError(event.message);
    }
  }

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosenFlows = form.getAll('flows').map(String);
    let compareBody: unknown;
    if (compare === 'version') compareBody = { kind: 'version', version: Number(form.get('compareVersion')) };
    if (compare === 'draft') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(draft);
      } catch {
        setError(l.draftNotJson);
        return;
      }
      compareBody = { kind: 'draft', policies: Array.isArray(parsed) ? parsed : [parsed] };
    }
    const location = String(form.get('location') ?? '');
    const ip = String(form.get('ip') ?? '').trim();
    const body = {
      policySetId: props.setId,
      ...(props.version && { version: props.version }),
      ...(props.asOf && { asOf: props.asOf }),
      app: String(form.get('app') ?? ''),
      ...(location && { location }),
      ...(ip && { ip }),
      ...(chosenFlows.length > 0 && { flows: chosenFlows }),
      passwordForgotten: form.get('forgotten') === 'on',
      ...(compareBody !== undefined && { compare: compareBody }),
    };
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRunning(true);
    setError('');
    setStatus(l.running);
    setCounts({});
    setHeat({});
    setDiff(null);
    setProgress(null);
    performance.clearMarks();
    performance.mark('verity:blast-radius:start');
    const firstResult = { seen: false };
    try {
      const response = await fetch('/api/admin/simulator/blast-radius', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: abort.signal,
      });
      if (!response.ok || !response.body) {
        const problem = errorBodySchema.safeParse(await response.json().catch(() => null));
        setError(problem.success ? problem.data.error.message : `HTTP ${response.status}`);
        setStatus('');
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const { lines, rest } = splitLines(buffered + value);
        buffered = rest;
        for (const line of lines) handle(parseEventLine(line), firstResult);
      }
    } catch (caught) {
      if (abort.signal.aborted) setStatus(l.cancelled);
      else setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setRunning(false);
      if (controller.current === abort) controller.current = null;
    }
  }

  const outcomeLabels = {
    granted: l.granted,
    interrupted: l.interrupted,
    blocked: l.blocked,
    unavailable: l.unavailable,
    flow: l.flow,
    description: l.chartDescription,
    table: l.chartTable,
  };
  const forgotten = props.initial.forgotten;
  return (
    <>
      <form
        onSubmit={run}
        className="mt-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2"
        aria-label={l.formLabel}
      >
        <div>
          <label htmlFor="app" className="block font-medium">
            {l.app}
          </label>
          <select
            id="app"
            name="app"
            required
            defaultValue={props.initial.app ?? props.apps[0]?.value}
            className={inputClass}
          >
            {props.apps.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="location" className="block font-medium">
            {l.location}
          </label>
          <select id="location" name="location" defaultValue={props.initial.location ?? ''} className={inputClass}>
            <option value="">{l.useIp}</option>
            {props.locations.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="ip" className="block font-medium">
            {l.ip}
          </label>
          <input
            id="ip"
            name="ip"
            defaultValue={props.initial.ip ?? ''}
            placeholder="192.0.2.44"
            autoComplete="off"
            className={inputClass}
          />
        </div>
        <div className="flex items-end">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="forgotten" defaultChecked={forgotten} />
            {l.forgotten}
          </label>
        </div>
        <fieldset className="sm:col-span-2">
          <legend className="font-medium">{l.flows}</legend>
          <div className="mt-1 grid gap-1 sm:grid-cols-2">
            {props.flows.map((f) => (
              <label key={f.value} className="inline-flex items-center gap-2">
                <input type="checkbox" name="flows" value={f.value} defaultChecked />
                {f.label}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="sm:col-span-2">
          <legend className="font-medium">{l.compare}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {(['none', 'version', 'draft'] as const).map((kind) => (
              <label key={kind} className="inline-flex items-center gap-2">
                <input
                  type="radio"
                  name="compare"
                  value={kind}
                  checked={compare === kind}
                  onChange={() => setCompare(kind)}
                />
                {l[`compare_${kind}`]}
              </label>
            ))}
          </div>
          {compare === 'version' && (
            <div className="mt-2 max-w-xs">
              <label htmlFor="compareVersion" className="block font-medium">
                {l.compareVersion}
              </label>
              <select id="compareVersion" name="compareVersion" className={inputClass}>
                {props.versions.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
          )}
          {compare === 'draft' && (
            <div className="mt-2">
              <label htmlFor="draft" className="block font-medium">
                {l.draft}
              </label>
              <p id="draft-help" className="text-sm text-slate-700">
                {l.draftHelp}
              </p>
              <textarea
                id="draft"
                rows={8}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                aria-describedby="draft-help"
                spellCheck={false}
                className={`${inputClass} font-mono text-xs`}
              />
              <button
                type="button"
                onClick={() => setDraft(props.recommendedPolicyJson)}
                className="mt-2 rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-700"
              >
                {l.useRecommended}
              </button>
            </div>
          )}
        </fieldset>
        <div className="flex flex-wrap gap-3 sm:col-span-2">
          <button
            type="submit"
            disabled={running}
            className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
          >
            {l.run}
          </button>
          <button
            type="button"
            disabled={!running}
            onClick={() => controller.current?.abort()}
            className="rounded border border-slate-500 px-4 py-2 font-medium text-slate-800 disabled:opacity-50"
          >
            {l.cancel}
          </button>
        </div>
      </form>

      <div className="mt-4" aria-live="polite" data-testid="blast-status">
        {status && <p>{status}</p>}
      </div>
      {error && (
        <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      )}
      {progress && (
        <div className="mt-3">
          <label htmlFor="blast-progress" className="block text-sm font-medium">
            {fill(l.progress ?? '', {
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
            {fill(l.diffTitle ?? '', { count: diff.changedUserCount })}
          </h2>
          <ScrollRegion label={fill(l.diffTitle, { count: diff.changedUserCount })} className="mt-3">
            <table className="w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">
                    {l.flow}
                  </th>
                  <th scope="col" className="p-2">
                    {l.newlyBlocked}
                  </th>
                  <th scope="col" className="p-2">
                    {forgotten ? l.newlyAbleToReset : l.newlyGranted}
                  </th>
                  <th scope="col" className="p-2">
                    {l.newlyInterrupted}
                  </th>
                </tr>
              </thead>
              <tbody>
                {diff.flows.map((f) => (
                  <tr key={f.flowId} className="border-b border-slate-200 align-top" data-flow={f.flowId}>
                    <th scope="row" className="p-2 font-medium">
                      {flows.find((x) => x.flowId === f.flowId)?.label ?? f.label}
                    </th>
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
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      )}

      {(() => {
        const rows = heat.compared ?? heat.current;
        if (!rows || rows.length === 0) return null;
        return (
          <section aria-labelledby="heat-title" className="mt-6" data-testid="blast-heat-map">
            <h2 id="heat-title" className="text-lg font-semibold">
              {l.heatTitle}
            </h2>
            <p className="text-sm text-slate-700">{l.heatHelp}</p>
            <ScrollRegion label={l.heatTitle} className="mt-2">
              <table className="w-full border-collapse text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="p-2">
                      {l.group}
                    </th>
                    {flows.map((f) => (
                      <th key={f.flowId} scope="col" className="p-2 text-right">
                        {f.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.groupId} className="border-b border-slate-200">
                      <th scope="row" className="p-2 font-medium">
                        {row.displayName} <span className="font-normal text-slate-600">({row.memberCount})</span>
                      </th>
                      {row.cells.map((cell, i) => (
                        <td key={i} className={`p-2 text-right tabular-nums ${heatClass(cell.share)}`}>
                          {Math.round(cell.share * 100)}%
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </section>
        );
      })()}
    </>
  );
}
