// Form fields shared by What-If and the matrix: user, app (or user action / authentication context), network,
// device and risk. A GET form: submitting it writes the whole view state into the URL (shareable).
import type { CompiledTenant } from '@/lib/conditional-access/compiled-model';
import type { NamedLocation } from '@/lib/conditional-access/named-location-schema';
import type { WhatIfState } from '@/lib/simulator/simulator-url-state';

const inputClass = 'mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2';
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
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ''} className={inputClass}>
        <option value="">{emptyLabel ?? t('simulator.fields.notSet')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function UserAndAppFields({ tenant, state, t }: { tenant: CompiledTenant; state: Partial<WhatIfState>; t: T }) {
  return (
    <>
      <div>
        <label htmlFor="user" className="block font-medium">
          {t('simulator.fields.user')}
        </label>
        <input
          id="user"
          name="user"
          list="user-options"
          required
          defaultValue={state.user ?? ''}
          autoComplete="off"
          className={inputClass}
          aria-describedby="user-help"
        />
        <p id="user-help" className="text-sm text-slate-700">
          {t('simulator.fields.userHelp')}
        </p>
        <datalist id="user-options">
          {tenant.users.slice(0, maxListedUsers).map((u) => (
            <option key={u.id} value={u.userPrincipalName}>
              {u.displayName}
            </option>
          ))}
        </datalist>
      </div>
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
          <div>
            <label htmlFor="ip" className="block font-medium">
              {t('simulator.fields.ip')}
            </label>
            <input
              id="ip"
              name="ip"
              defaultValue={state.ip ?? ''}
              inputMode="text"
              autoComplete="off"
              className={inputClass}
              placeholder="192.0.2.44"
            />
          </div>
          <div>
            <label htmlFor="country" className="block font-medium">
              {t('simulator.fields.country')}
            </label>
            <input
              id="country"
              name="country"
              defaultValue={state.country ?? ''}
              maxLength={2}
              autoComplete="off"
              className={inputClass}
              placeholder="US"
            />
          </div>
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
        <div>
          <label htmlFor="context" className="block font-medium">
            {t('simulator.fields.authContext')}
          </label>
          <input
            id="context"
            name="context"
            defaultValue={state.context ?? ''}
            placeholder="c1"
            autoComplete="off"
            className={inputClass}
          />
        </div>
      </div>
    </fieldset>
  );
}

/** The "as of" date: known method retirements apply from it (the CLI's `--as-of`). */
export function AsOfField({ asOf, t }: { asOf?: string; t: T }) {
  return (
    <div>
      <label htmlFor="asOf" className="block font-medium">
        {t('simulator.fields.asOf')}
      </label>
      <input
        id="asOf"
        name="asOf"
        type="date"
        defaultValue={asOf ?? ''}
        className={inputClass}
        aria-describedby="asOf-help"
      />
      <p id="asOf-help" className="text-sm text-slate-700">
        {t('simulator.fields.asOfHelp')}
      </p>
    </div>
  );
}
