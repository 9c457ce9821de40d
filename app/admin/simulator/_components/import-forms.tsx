'use client';
// Import a Graph export by paste or upload, or fetch it live from Graph. Errors from the server (with the JSON
// path at fault) are announced in a role="alert" region.
import { useActionState, useState } from 'react';
import type { ActionState as FormState } from '@/server/http/define-server-action';
import { FormAlert } from '@/app/components/form-alert';
import { LabelledInput } from './labelled-input';
import { fetchFromGraphAction, importPolicySetAction, loadDemoPoliciesAction } from '../actions';

type Typed = Partial<Record<'name' | 'policies' | 'namedLocations' | 'authenticationStrengths', string>>;

/** The text fields as typed: React resets a form after its action, so a refused import would lose them. */
function typedValues(form: FormData): Typed {
  const value = (field: string) => {
    const typed = form.get(field);
    return typeof typed === 'string' ? typed : '';
  };
  return {
    name: value('name'),
    policies: value('policies'),
    namedLocations: value('namedLocations'),
    authenticationStrengths: value('authenticationStrengths'),
  };
}

export type ImportLabels = Record<
  | 'importTitle'
  | 'name'
  | 'policies'
  | 'policiesHelp'
  | 'namedLocations'
  | 'authenticationStrengths'
  | 'optional'
  | 'orUpload'
  | 'import'
  | 'importing'
  | 'graphTitle'
  | 'graphHelp'
  | 'fetch'
  | 'fetching'
  | 'signInAgain',
  string
>;

const fieldClass = 'mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 font-mono text-sm';

function DocumentField({
  id,
  label,
  help,
  uploadLabel,
  required,
  value,
}: {
  id: string;
  label: string;
  help?: string;
  uploadLabel: string;
  required?: boolean;
  value?: string;
}) {
  return (
    <div className="mt-4">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {help && (
        <p id={`${id}-help`} className="text-sm text-slate-700">
          {help}
        </p>
      )}
      <textarea
        id={id}
        name={id}
        rows={required ? 6 : 3}
        className={fieldClass}
        aria-describedby={help ? `${id}-help` : undefined}
        spellCheck={false}
        defaultValue={value ?? ''}
      />
      <label htmlFor={`${id}File`} className="mt-1 block text-sm text-slate-700">
        {uploadLabel}
      </label>
      <input
        id={`${id}File`}
        name={`${id}File`}
        type="file"
        accept="application/json,.json"
        className="mt-1 block text-sm"
      />
    </div>
  );
}

export function ImportForms({ labels }: { labels: ImportLabels }) {
  // What was typed comes back as each field's default value, so the reset after a refused action keeps it.
  const [typed, setTyped] = useState<Typed>({});
  const [graphName, setGraphName] = useState('');
  const [importState, importAction, isImporting] = useActionState<FormState, FormData>((previous, form) => {
    setTyped(typedValues(form));
    return importPolicySetAction(previous, form);
  }, {});
  const [graphState, graphAction, isFetching] = useActionState<FormState, FormData>((previous, form) => {
    setGraphName(typedValues(form).name ?? '');
    return fetchFromGraphAction(previous, form);
  }, {});
  return (
    <div className="mt-6 grid gap-6 lg:grid-cols-3">
      <form
        action={importAction}
        className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm lg:col-span-2"
        aria-labelledby="import-title"
      >
        <h2 id="import-title" className="text-lg font-semibold">
          {labels.importTitle}
        </h2>
        <LabelledInput
          id="import-name"
          name="name"
          label={labels.name}
          defaultValue={typed.name ?? ''}
          required
          maxLength={120}
          className="mt-4"
        />
        <DocumentField
          id="policies"
          label={labels.policies}
          help={labels.policiesHelp}
          uploadLabel={`${labels.orUpload} (${labels.policies})`}
          value={typed.policies}
          required
        />
        <DocumentField
          id="namedLocations"
          label={`${labels.namedLocations} ${labels.optional}`}
          uploadLabel={`${labels.orUpload} (${labels.namedLocations})`}
          value={typed.namedLocations}
        />
        <DocumentField
          id="authenticationStrengths"
          label={`${labels.authenticationStrengths} ${labels.optional}`}
          uploadLabel={`${labels.orUpload} (${labels.authenticationStrengths})`}
          value={typed.authenticationStrengths}
        />
        <div aria-live="polite">
          <FormAlert state={importState} signInAgain={labels.signInAgain} />
        </div>
        <button
          type="submit"
          disabled={isImporting}
          className="mt-4 rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          {isImporting ? labels.importing : labels.import}
        </button>
      </form>
      <form
        action={graphAction}
        className="self-start rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        aria-labelledby="graph-title"
      >
        <h2 id="graph-title" className="text-lg font-semibold">
          {labels.graphTitle}
        </h2>
        <p className="mt-2 text-sm text-slate-700">{labels.graphHelp}</p>
        <LabelledInput
          id="graph-name"
          name="name"
          label={labels.name}
          defaultValue={graphName}
          required
          maxLength={120}
          className="mt-4"
        />
        <div aria-live="polite">
          <FormAlert state={graphState} signInAgain={labels.signInAgain} />
        </div>
        <button
          type="submit"
          disabled={isFetching}
          className="mt-4 rounded border border-brand-700 px-4 py-2 font-medium text-brand-700 disabled:opacity-60"
        >
          {isFetching ? labels.fetching : labels.fetch}
        </button>
      </form>
    </div>
  );
}

/** One click from an empty simulator to the demo tenant's policies. */
export function LoadDemoForm({
  label,
  busyLabel,
  isPrimary,
  signInAgain,
}: {
  label: string;
  busyLabel: string;
  isPrimary: boolean;
  signInAgain: string;
}) {
  const [state, action, isLoading] = useActionState<FormState, FormData>(loadDemoPoliciesAction, {});
  return (
    <form action={action} className="mt-3">
      <button
        type="submit"
        disabled={isLoading}
        className={
          isPrimary
            ? 'rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60'
            : 'rounded border border-slate-400 bg-white px-4 py-2 font-medium disabled:opacity-60'
        }
      >
        {isLoading ? busyLabel : label}
      </button>
      <FormAlert state={state} signInAgain={signInAgain} />
    </form>
  );
}
