// Form fields shared by What-If and the matrix: user, app (or user action / authentication context), network,
// device and risk. A GET form: submitting it writes the whole view state into the URL (shareable).
import type { ComponentProps } from 'react';
import type { CompiledTenant } from '@/lib/conditional-access/compiled-model';
import type { NamedLocation } from '@/lib/conditional-access/named-location-schema';
import type { WhatIfState } from '@/lib/simulator/simulator-url-state';
import { controlClass } from './control-class';
import { LabelledSelect } from './labelled-select';

const platforms = ['android', 'iOS', 'windows', 'macOS', 'linux', 'windowsPhone'] as const;
const clients = ['browser', 'mobileAppsAndDesktopClients', 'exchangeActiveSync', 'other'] as const;
const risks = ['none', 'low', 'medium', 'high'] as const;
const maxListedUsers = 300;

type T = (key: string, values?: Record<string, string | number>) => string;

function Select({
  id,
  label,
  value,
  options,
  t,
  emptyLabel,
}: {
  id: string;
  label: string;
  value?: string;
  options: readonly { value: string; label: string }[];
  t: T;
  emptyLabel?: string;
}) {
  return (
    <LabelledSelect
      id={id}
      label={label}
      options={options}
      emptyOption={emptyLabel ?? t('simulator.fields.notSet')}
      defaultValue={value ?? ''}
    />
  );
}

/** A labelled text input named after its id, with an optional help line under it. */
function TextField({
  id,
  label,
  value,
  help,
  ...input
}: {
  id: string;
  label: string;
  value?: string;
  help?: string;
} & Pick<ComponentProps<'input'>, 'placeholder' | 'maxLength' | 'inputMode' | 'type' | 'list' | 'required'>) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        name={id}
        defaultValue={value ?? ''}
        autoComplete="off"
        className={controlClass}
        {...(help ? { 'aria-describedby': `${id}-help` } : {})}
        {...input}
      />
      {help && (
        <p id={`${id}-help`} className="text-sm text-slate-700">
          {help}
        </p>
      )}
    </div>
  );
}

export function UserAndAppFields({ tenant, state, t }: { tenant: CompiledTenant; state: Partial<WhatIfState>; t: T }) {
  return (
    <>
      <TextField
        id="user"
        label={t('simulator.fields.user')}
        value={state.user}
        list="user-options"
        required
        help={t('simulator.fields.userHelp')}
      />
      {/* Not rendered, so it takes no cell of the form's grid. */}
      <datalist id="user-options">
        {tenant.users.slice(0, maxListedUsers).map((u) => (
          <option key={u.id} value={u.userPrincipalName}>
            {u.displayName}
          </option>
        ))}
      </datalist>
      <Select
        id="app"
        label={t('simulator.fields.app')}
        value={state.app}
        t={t}
        options={(tenant.source.applications ?? []).map((a) => ({ value: a.appId, label: a.displayName }))}
      />
    </>
  );
}

export function NetworkAndDeviceFields({
  namedLocations,
  state,
  t,
  withNetwork = true,
}: {
  namedLocations: readonly NamedLocation[];
  state: Partial<WhatIfState>;
  t: T;
  withNetwork?: boolean;
}) {
  return (
    <>
      {withNetwork && (
        <>
          <Select
            id="location"
            label={t('simulator.fields.location')}
            value={state.location}
            t={t}
            emptyLabel={t('simulator.fields.useIp')}
            options={namedLocations.map((l) => ({
              value: l.id,
              label:
                l['@odata.type'] === '#microsoft.graph.ipNamedLocation' && l.isTrusted
                  ? `${l.displayName} (${t('simulator.fields.trusted')})`
                  : l.displayName,
            }))}
          />
          <TextField
            id="ip"
            label={t('simulator.fields.ip')}
            value={state.ip}
            inputMode="text"
            placeholder="192.0.2.44"
          />
          <TextField
            id="country"
            label={t('simulator.fields.country')}
            value={state.country}
            maxLength={2}
            placeholder="US"
          />
        </>
      )}
      <Select
        id="platform"
        label={t('simulator.fields.platform')}
        value={state.platform}
        t={t}
        options={platforms.map((p) => ({ value: p, label: p }))}
      />
      <Select
        id="client"
        label={t('simulator.fields.client')}
        value={state.client}
        t={t}
        options={clients.map((c) => ({ value: c, label: t(`simulator.clients.${c}`) }))}
      />
      {withNetwork && (
        <>
          <Select
            id="signInRisk"
            label={t('simulator.fields.signInRisk')}
            value={state.signInRisk}
            t={t}
            options={risks.map((r) => ({ value: r, label: t(`simulator.risk.${r}`) }))}
          />
          <Select
            id="userRisk"
            label={t('simulator.fields.userRisk')}
            value={state.userRisk}
            t={t}
            options={risks.map((r) => ({ value: r, label: t(`simulator.risk.${r}`) }))}
          />
        </>
      )}
    </>
  );
}

export function TargetFields({ state, t }: { state: Partial<WhatIfState>; t: T }) {
  return (
    <fieldset className="sm:col-span-2">
      <legend className="font-medium">{t('simulator.fields.target')}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {(['app', 'userAction', 'authContext'] as const).map((target) => (
          <label key={target} className="inline-flex items-center gap-2">
            <input type="radio" name="target" value={target} defaultChecked={(state.target ?? 'app') === target} />
            {t(`simulator.fields.target_${target}`)}
          </label>
        ))}
      </div>
      <div className="mt-2 grid gap-4 sm:grid-cols-2">
        <Select
          id="action"
          label={t('simulator.fields.userAction')}
          value={state.action}
          t={t}
          options={[
            { value: 'registerSecurityInformation', label: t('simulator.fields.registerSecurityInformation') },
            { value: 'registerOrJoinDevices', label: t('simulator.fields.registerOrJoinDevices') },
          ]}
        />
        <TextField id="context" label={t('simulator.fields.authContext')} value={state.context} placeholder="c1" />
      </div>
    </fieldset>
  );
}

/** The "as of" date: known method retirements apply from it (the CLI's `--as-of`). */
export function AsOfField({ asOf, t }: { asOf?: string; t: T }) {
  return (
    <TextField
      id="asOf"
      label={t('simulator.fields.asOf')}
      value={asOf}
      type="date"
      help={t('simulator.fields.asOfHelp')}
    />
  );
}
