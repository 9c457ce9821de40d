'use client';
// The policy editor: a form over the condition, grant and session types the engine supports, and a JSON view of
// the same object. Saving sends the JSON to the server, which validates it with the engine's parser and Entra's
// create rules (e.g. no "mfa" with an authentication strength) and answers with the JSON path at fault.
import { useActionState, useState } from 'react';
import type { ActionState as FormState } from '@/server/http/define-server-action';
import { editableValues } from '@/lib/conditional-access/policy-schema';
import { get, isJsonObject, lines, list, set, type Json } from './policy-paths';
import { deletePolicyAction, savePolicyAction } from '../actions';

type Option = { value: string; label: string };

export type PolicyEditorProps = {
  setId: string;
  baseVersion: number;
  /** The set's "as of" date (YYYY-MM-DD), carried back to the set after saving or deleting. */
  asOf?: string;
  isNew: boolean;
  initial: Json;
  strengths: Option[];
  hints: { users: Option[]; groups: Option[]; applications: Option[]; locations: Option[] };
  labels: Record<string, string>;
};

const inputClass = 'mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2';
const { platforms, clientAppTypes, riskLevels, grantControls, userActions: userActionUrns } = editableValues;

type FieldProps = {
  policy: Json;
  update: (path: readonly string[], value: unknown) => void;
  label: (key: string) => string;
};

function LinesField({
  id,
  path,
  help,
  policy,
  update,
  label,
}: FieldProps & { id: string; path: readonly string[]; help?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label(id)}
      </label>
      {help && (
        <p id={`${id}-help`} className="text-xs text-slate-700">
          {help}
        </p>
      )}
      <textarea
        id={id}
        rows={2}
        defaultValue={list(get(policy, path)).join('\n')}
        onBlur={(e) => update(path, lines(e.target.value))}
        aria-describedby={help ? `${id}-help` : undefined}
        spellCheck={false}
        className={`${inputClass} font-mono text-xs`}
      />
    </div>
  );
}

function Checkboxes({
  id,
  path,
  options,
  optionLabel,
  policy,
  update,
  label,
}: FieldProps & {
  id: string;
  path: readonly string[];
  options: readonly string[];
  optionLabel?: (o: string) => string;
}) {
  const chosen = list(get(policy, path));
  return (
    <fieldset>
      <legend className="font-medium">{label(id)}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option} className="inline-flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={chosen.includes(option)}
              onChange={(e) =>
                update(path, e.target.checked ? [...chosen, option] : chosen.filter((c) => c !== option))
              }
            />
            {optionLabel ? optionLabel(option) : option}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function PolicyEditor(props: PolicyEditorProps) {
  const { labels: l } = props;
  const label = (key: string) => l[key] ?? key;
  const [policy, setPolicy] = useState<Json>(props.initial);
  const [jsonText, setJsonText] = useState(() => JSON.stringify(props.initial, null, 2));
  const [jsonError, setJsonError] = useState('');
  // Bumped when the JSON view replaces the object, to remount the text fields (they are uncontrolled so typing
  // a list is not re-split on every key press).
  const [revision, setRevision] = useState(0);
  const [saveState, saveAction, isSaving] = useActionState<FormState, FormData>(savePolicyAction, {});
  const [deleteState, deleteAction, isDeleting] = useActionState<FormState, FormData>(deletePolicyAction, {});

  const update = (path: readonly string[], value: unknown) => {
    const next = set(policy, path, value);
    setPolicy(next);
    setJsonText(JSON.stringify(next, null, 2));
  };

  const field = { policy, update, label };

  const isBlock = list(get(policy, ['grantControls', 'builtInControls'])).includes('block');
  const strengthId = String(get(policy, ['grantControls', 'authenticationStrength', 'id']) ?? '');

  return (
    <div className="mt-6 grid gap-6 xl:grid-cols-3">
      <form
        action={saveAction}
        className="space-y-5 rounded-lg border border-slate-200 bg-white p-5 xl:col-span-2"
        aria-label={label('formLabel')}
      >
        <input type="hidden" name="setId" value={props.setId} />
        <input type="hidden" name="baseVersion" value={props.baseVersion} />
        {props.asOf && <input type="hidden" name="asOf" value={props.asOf} />}
        <input type="hidden" name="policyJson" value={JSON.stringify(policy)} />
        <div>
          <label htmlFor="displayName" className="block font-medium">
            {label('displayName')}
          </label>
          <input
            id="displayName"
            required
            value={String(policy.displayName ?? '')}
            onChange={(e) => update(['displayName'], e.target.value)}
            className={inputClass}
          />
        </div>
        <fieldset>
          <legend className="font-medium">{label('state')}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {['enabled', 'enabledForReportingButNotEnforced', 'disabled'].map((state) => (
              <label key={state} className="inline-flex items-center gap-2">
                <input
                  type="radio"
                  name="state"
                  value={state}
                  checked={policy.state === state}
                  onChange={() => update(['state'], state)}
                />
                {label(`state_${state}`)}
              </label>
            ))}
          </div>
        </fieldset>

        <section key={`users-${revision}`} aria-labelledby="users-title" className="grid gap-3 sm:grid-cols-2">
          <h2 id="users-title" className="text-lg font-semibold sm:col-span-2">
            {label('usersTitle')}
          </h2>
          <LinesField
            {...field}
            id="includeUsers"
            path={['conditions', 'users', 'includeUsers']}
            help={label('usersHelp')}
          />
          <LinesField {...field} id="excludeUsers" path={['conditions', 'users', 'excludeUsers']} />
          <LinesField {...field} id="includeGroups" path={['conditions', 'users', 'includeGroups']} />
          <LinesField {...field} id="excludeGroups" path={['conditions', 'users', 'excludeGroups']} />
          <LinesField {...field} id="includeRoles" path={['conditions', 'users', 'includeRoles']} />
          <LinesField {...field} id="excludeRoles" path={['conditions', 'users', 'excludeRoles']} />
        </section>

        <section key={`apps-${revision}`} aria-labelledby="apps-title" className="grid gap-3 sm:grid-cols-2">
          <h2 id="apps-title" className="text-lg font-semibold sm:col-span-2">
            {label('appsTitle')}
          </h2>
          <LinesField
            {...field}
            id="includeApplications"
            path={['conditions', 'applications', 'includeApplications']}
            help={label('appsHelp')}
          />
          <LinesField
            {...field}
            id="excludeApplications"
            path={['conditions', 'applications', 'excludeApplications']}
          />
          <Checkboxes
            {...field}
            id="includeUserActions"
            path={['conditions', 'applications', 'includeUserActions']}
            options={userActionUrns}
            optionLabel={(o) => label(o)}
          />
          <LinesField
            {...field}
            id="includeAuthenticationContextClassReferences"
            path={['conditions', 'applications', 'includeAuthenticationContextClassReferences']}
          />
        </section>

        <section
          key={`conditions-${revision}`}
          aria-labelledby="conditions-title"
          className="grid gap-3 sm:grid-cols-2"
        >
          <h2 id="conditions-title" className="text-lg font-semibold sm:col-span-2">
            {label('conditionsTitle')}
          </h2>
          <LinesField
            {...field}
            id="includeLocations"
            path={['conditions', 'locations', 'includeLocations']}
            help={label('locationsHelp')}
          />
          <LinesField {...field} id="excludeLocations" path={['conditions', 'locations', 'excludeLocations']} />
          <Checkboxes
            {...field}
            id="includePlatforms"
            path={['conditions', 'platforms', 'includePlatforms']}
            options={platforms}
          />
          <Checkboxes
            {...field}
            id="excludePlatforms"
            path={['conditions', 'platforms', 'excludePlatforms']}
            options={platforms.filter((p) => p !== 'all')}
          />
          <Checkboxes {...field} id="clientAppTypes" path={['conditions', 'clientAppTypes']} options={clientAppTypes} />
          <Checkboxes {...field} id="signInRiskLevels" path={['conditions', 'signInRiskLevels']} options={riskLevels} />
          <Checkboxes {...field} id="userRiskLevels" path={['conditions', 'userRiskLevels']} options={riskLevels} />
          <div className="sm:col-span-2">
            <label htmlFor="deviceFilter" className="block font-medium">
              {label('deviceFilter')}
            </label>
            <p id="deviceFilter-help" className="text-xs text-slate-700">
              {label('deviceFilterHelp')}
            </p>
            <div className="flex flex-wrap gap-2">
              <select
                aria-label={label('deviceFilterMode')}
                value={String(get(policy, ['conditions', 'devices', 'deviceFilter', 'mode']) ?? '')}
                onChange={(e) =>
                  update(
                    ['conditions', 'devices'],
                    e.target.value
                      ? {
                          deviceFilter: {
                            mode: e.target.value,
                            rule: String(get(policy, ['conditions', 'devices', 'deviceFilter', 'rule']) ?? ''),
                          },
                        }
                      : null,
                  )
                }
                className="mt-1 rounded border border-slate-400 px-2 py-2"
              >
                <option value="">{label('notConfigured')}</option>
                <option value="include">include</option>
                <option value="exclude">exclude</option>
              </select>
              <input
                id="deviceFilter"
                aria-describedby="deviceFilter-help"
                defaultValue={String(get(policy, ['conditions', 'devices', 'deviceFilter', 'rule']) ?? '')}
                onBlur={(e) =>
                  get(policy, ['conditions', 'devices', 'deviceFilter']) &&
                  update(['conditions', 'devices', 'deviceFilter', 'rule'], e.target.value)
                }
                className="mt-1 min-w-0 flex-1 rounded border border-slate-400 px-3 py-2 font-mono text-xs"
              />
            </div>
          </div>
        </section>

        <section aria-labelledby="grant-title" className="grid gap-3 sm:grid-cols-2">
          <h2 id="grant-title" className="text-lg font-semibold sm:col-span-2">
            {label('grantTitle')}
          </h2>
          <fieldset className="sm:col-span-2">
            <legend className="font-medium">{label('access')}</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              <label className="inline-flex items-center gap-2">
                <input
                  type="radio"
                  name="access"
                  checked={isBlock}
                  onChange={() =>
                    update(['grantControls'], {
                      operator: 'OR',
                      builtInControls: ['block'],
                      authenticationStrength: null,
                    })
                  }
                />
                {label('block')}
              </label>
              <label className="inline-flex items-center gap-2">
                <input
                  type="radio"
                  name="access"
                  checked={!isBlock}
                  onChange={() => update(['grantControls', 'builtInControls'], [])}
                />
                {label('grant')}
              </label>
            </div>
          </fieldset>
          {!isBlock && (
            <>
              <Checkboxes
                {...field}
                id="builtInControls"
                path={['grantControls', 'builtInControls']}
                options={grantControls}
                optionLabel={(o) => label(o)}
              />
              <div>
                <label htmlFor="strength" className="block font-medium">
                  {label('strength')}
                </label>
                <select
                  id="strength"
                  value={strengthId}
                  onChange={(e) =>
                    update(['grantControls', 'authenticationStrength'], e.target.value ? { id: e.target.value } : null)
                  }
                  className={inputClass}
                >
                  <option value="">{label('noStrength')}</option>
                  {props.strengths.map((s) => (
                    <option key={s.value} value={s.value}>
                      {s.label}
                    </option>
                  ))}
                </select>
                <p className="text-xs text-slate-700">{label('strengthHelp')}</p>
              </div>
              <fieldset>
                <legend className="font-medium">{label('operator')}</legend>
                <div className="mt-1 flex gap-4">
                  {['AND', 'OR'].map((op) => (
                    <label key={op} className="inline-flex items-center gap-2">
                      <input
                        type="radio"
                        name="operator"
                        checked={(get(policy, ['grantControls', 'operator']) ?? 'AND') === op}
                        onChange={() => update(['grantControls', 'operator'], op)}
                      />
                      {label(`operator_${op}`)}
                    </label>
                  ))}
                </div>
              </fieldset>
            </>
          )}
        </section>

        <section aria-labelledby="session-title" className="grid gap-3 sm:grid-cols-2">
          <h2 id="session-title" className="text-lg font-semibold sm:col-span-2">
            {label('sessionTitle')}
          </h2>
          <div>
            <label htmlFor="signInFrequency" className="block font-medium">
              {label('signInFrequency')}
            </label>
            <select
              id="signInFrequency"
              value={
                get(policy, ['sessionControls', 'signInFrequency', 'isEnabled'])
                  ? String(
                      get(policy, ['sessionControls', 'signInFrequency', 'frequencyInterval']) === 'everyTime'
                        ? 'everyTime'
                        : `${String(get(policy, ['sessionControls', 'signInFrequency', 'value']))}:${String(get(policy, ['sessionControls', 'signInFrequency', 'type']))}`,
                    )
                  : ''
              }
              onChange={(e) => {
                const value = e.target.value;
                if (!value) return update(['sessionControls', 'signInFrequency'], null);
                if (value === 'everyTime')
                  return update(['sessionControls', 'signInFrequency'], {
                    isEnabled: true,
                    frequencyInterval: 'everyTime',
                    authenticationType: 'primaryAndSecondaryAuthentication',
                  });
                const [amount, unit] = value.split(':');
                update(['sessionControls', 'signInFrequency'], {
                  isEnabled: true,
                  frequencyInterval: 'timeBased',
                  value: Number(amount),
                  type: unit,
                });
              }}
              className={inputClass}
            >
              <option value="">{label('notConfigured')}</option>
              <option value="everyTime">{label('everyTime')}</option>
              {['1:hours', '4:hours', '12:hours', '1:days', '7:days', '30:days'].map((v) => (
                <option key={v} value={v}>
                  {v.replace(':', ' ')}
                </option>
              ))}
              {(() => {
                const current = get(policy, ['sessionControls', 'signInFrequency']);
                const key =
                  current && get(policy, ['sessionControls', 'signInFrequency', 'frequencyInterval']) !== 'everyTime'
                    ? `${String(get(policy, ['sessionControls', 'signInFrequency', 'value']))}:${String(get(policy, ['sessionControls', 'signInFrequency', 'type']))}`
                    : '';
                return key && !['1:hours', '4:hours', '12:hours', '1:days', '7:days', '30:days'].includes(key) ? (
                  <option value={key}>{key.replace(':', ' ')}</option>
                ) : null;
              })()}
            </select>
          </div>
          <div>
            <label htmlFor="persistentBrowser" className="block font-medium">
              {label('persistentBrowser')}
            </label>
            <select
              id="persistentBrowser"
              value={
                get(policy, ['sessionControls', 'persistentBrowser', 'isEnabled'])
                  ? String(get(policy, ['sessionControls', 'persistentBrowser', 'mode']))
                  : ''
              }
              onChange={(e) =>
                update(
                  ['sessionControls', 'persistentBrowser'],
                  e.target.value ? { isEnabled: true, mode: e.target.value } : null,
                )
              }
              className={inputClass}
            >
              <option value="">{label('notConfigured')}</option>
              <option value="always">{label('persistentAlways')}</option>
              <option value="never">{label('persistentNever')}</option>
            </select>
          </div>
        </section>

        <div>
          <label htmlFor="comment" className="block font-medium">
            {label('comment')}
          </label>
          <input id="comment" name="comment" maxLength={500} className={inputClass} />
        </div>
        <div aria-live="polite">
          {saveState.error && (
            <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
              {saveState.error}
            </p>
          )}
        </div>
        <button
          type="submit"
          disabled={isSaving}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white disabled:opacity-60"
        >
          {isSaving ? label('saving') : label('save')}
        </button>
      </form>

      <div className="space-y-6">
        <section aria-labelledby="json-title" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="json-title" className="text-lg font-semibold">
            {label('jsonTitle')}
          </h2>
          <label htmlFor="policy-json" className="mt-1 block text-sm text-slate-700">
            {label('jsonHelp')}
          </label>
          <textarea
            id="policy-json"
            rows={22}
            value={jsonText}
            onChange={(e) => setJsonText(e.target.value)}
            spellCheck={false}
            className={`${inputClass} font-mono text-xs`}
          />
          <div aria-live="polite">
            {jsonError && (
              <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900">
                {jsonError}
              </p>
            )}
          </div>
          <button
            type="button"
            className="mt-2 rounded border border-brand-700 px-3 py-1 text-sm font-medium text-brand-700"
            onClick={() => {
              try {
                const parsed: unknown = JSON.parse(jsonText);
                if (!isJsonObject(parsed)) throw new Error(label('jsonNotObject'));
                setPolicy(parsed);
                setJsonText(JSON.stringify(parsed, null, 2));
                setJsonError('');
                setRevision((r) => r + 1);
              } catch (error) {
                setJsonError(`${label('jsonInvalid')} ${error instanceof Error ? error.message : ''}`);
              }
            }}
          >
            {label('applyJson')}
          </button>
        </section>
        <section aria-labelledby="ids-title" className="rounded-lg border border-slate-200 bg-white p-5 text-sm">
          <h2 id="ids-title" className="text-lg font-semibold">
            {label('idsTitle')}
          </h2>
          {(['groups', 'applications', 'locations', 'users'] as const).map((kind) => (
            <details key={kind} className="mt-2">
              <summary className="cursor-pointer font-medium">{label(`ids_${kind}`)}</summary>
              <ul className="mt-1 space-y-1">
                {props.hints[kind].map((o) => (
                  <li key={o.value}>
                    <span>{o.label}</span> <code className="block break-all text-xs text-slate-700">{o.value}</code>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </section>
        {!props.isNew && (
          <form action={deleteAction} className="rounded-lg border border-red-200 bg-white p-5">
            <input type="hidden" name="setId" value={props.setId} />
            <input type="hidden" name="baseVersion" value={props.baseVersion} />
            {props.asOf && <input type="hidden" name="asOf" value={props.asOf} />}
            <input type="hidden" name="policyId" value={String(props.initial.id ?? '')} />
            <div aria-live="polite">
              {deleteState.error && (
                <p role="alert" className="mb-2 rounded border border-red-700 bg-red-50 p-2 text-sm text-red-900">
                  {deleteState.error}
                </p>
              )}
            </div>
            <button
              type="submit"
              disabled={isDeleting}
              className="rounded border border-red-700 px-3 py-2 text-sm font-medium text-red-800"
            >
              {label('delete')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
