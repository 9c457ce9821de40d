'use client';
// The blast-radius form: app, network, flows and what to compare against; it builds the request body and hands it
// to the page's stream (use-blast-radius-stream.ts), or says the draft is not JSON.
import { useState, type FormEvent } from 'react';
import type { BlastRadiusLabels } from '@/lib/simulator/message-keys';
import { controlClass } from './control-class';
import { LabelledInput } from './labelled-input';
import { LabelledSelect, type SelectOption } from './labelled-select';

export type BlastRadiusOption = SelectOption;
type CompareKind = 'none' | 'version' | 'draft';

export type BlastRadiusFormProps = {
  setId: string;
  version?: number;
  /** The page's "as of" date (URL `asOf`), sent with every run. */
  asOf?: string;
  apps: BlastRadiusOption[];
  locations: BlastRadiusOption[];
  versions: number[];
  flows: BlastRadiusOption[];
  recommendedPolicyJson: string;
  initial: {
    app?: string;
    location?: string;
    ip?: string;
    forgotten: boolean;
    compare: CompareKind;
    draft: string;
  };
  labels: BlastRadiusLabels;
  running: boolean;
  onRun: (body: unknown) => void;
  onCancel: () => void;
  onDraftNotJson: () => void;
};

/** The draft box's text as policies, or null when it is not JSON (one policy or a list of them). */
function draftPolicies(draft: string): unknown[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(draft);
  } catch {
    return null;
  }
  return Array.isArray(parsed) ? parsed : [parsed];
}

export function BlastRadiusForm(props: BlastRadiusFormProps) {
  const { labels: l } = props;
  const [compare, setCompare] = useState(props.initial.compare);
  const [draft, setDraft] = useState(props.initial.draft);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosenFlows = form.getAll('flows').map(String);
    let compareBody: unknown;
    if (compare === 'version') compareBody = { kind: 'version', version: Number(form.get('compareVersion')) };
    if (compare === 'draft') {
      const policies = draftPolicies(draft);
      if (policies === null) {
        props.onDraftNotJson();
        return;
      }
      compareBody = { kind: 'draft', policies };
    }
    const location = String(form.get('location') ?? '');
    const ip = String(form.get('ip') ?? '').trim();
    props.onRun({
      policySetId: props.setId,
      ...(props.version && { version: props.version }),
      ...(props.asOf && { asOf: props.asOf }),
      app: String(form.get('app') ?? ''),
      ...(location && { location }),
      ...(ip && { ip }),
      ...(chosenFlows.length > 0 && { flows: chosenFlows }),
      passwordForgotten: form.get('forgotten') === 'on',
      ...(compareBody !== undefined && { compare: compareBody }),
    });
  }

  return (
    <form
      onSubmit={submit}
      className="mt-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2"
      aria-label={l.formLabel}
    >
      <LabelledSelect
        id="app"
        label={l.app}
        options={props.apps}
        required
        defaultValue={props.initial.app ?? props.apps[0]?.value}
      />
      <LabelledSelect
        id="location"
        label={l.location}
        options={props.locations}
        emptyOption={l.useIp}
        defaultValue={props.initial.location ?? ''}
      />
      <LabelledInput
        id="ip"
        label={l.ip}
        defaultValue={props.initial.ip ?? ''}
        placeholder="192.0.2.44"
        autoComplete="off"
      />
      <div className="flex items-end">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" name="forgotten" defaultChecked={props.initial.forgotten} />
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
          <LabelledSelect
            id="compareVersion"
            label={l.compareVersion}
            options={props.versions.map((v) => ({ value: String(v), label: String(v) }))}
            className="mt-2 max-w-xs"
          />
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
              className={`${controlClass} font-mono text-xs`}
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
          disabled={props.running}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          {l.run}
        </button>
        <button
          type="button"
          disabled={!props.running}
          onClick={props.onCancel}
          className="rounded border border-slate-500 px-4 py-2 font-medium text-slate-800 disabled:opacity-50"
        >
          {l.cancel}
        </button>
      </div>
    </form>
  );
}
