// Session controls of the applicable policies, combined the way Entra does when several set the same control:
// the most restrictive wins (concept-session-lifetime): "every time" beats a period, a shorter period beats a
// longer one, and persistent browser "never" beats "always".
import type { CompiledPolicy } from './compiled-model';

export type SessionControlsSummary = {
  signInFrequency: {
    frequencyInterval: 'timeBased' | 'everyTime';
    value?: number;
    type?: 'hours' | 'days';
    policyIds: string[];
  } | null;
  persistentBrowser: { mode: 'always' | 'never'; policyIds: string[] } | null;
  applicationEnforcedRestrictions: { policyIds: string[] } | null;
  cloudAppSecurity: { policyIds: string[] } | null;
};

const hoursOf = (value: number, type: 'hours' | 'days'): number => (type === 'days' ? value * 24 : value);

export function summarizeSessionControls(policies: readonly CompiledPolicy[]): SessionControlsSummary {
  const summary: SessionControlsSummary = {
    signInFrequency: null,
    persistentBrowser: null,
    applicationEnforcedRestrictions: null,
    cloudAppSecurity: null,
  };
  for (const policy of policies) {
    const session = policy.session;
    if (!session) continue;
    const frequency = session.signInFrequency;
    if (frequency && frequency.isEnabled !== false) {
      const interval = frequency.frequencyInterval === 'everyTime' ? 'everyTime' : 'timeBased';
      const current = summary.signInFrequency;
      const candidate =
        interval === 'everyTime'
          ? { frequencyInterval: 'everyTime' as const, policyIds: [policy.id] }
          : {
              frequencyInterval: 'timeBased' as const,
              value: frequency.value ?? undefined,
              type: frequency.type ?? undefined,
              policyIds: [policy.id],
            };
      const rank = (f: NonNullable<SessionControlsSummary['signInFrequency']>): number =>
        f.frequencyInterval === 'everyTime' ? 0 : hoursOf(f.value ?? Number.MAX_SAFE_INTEGER, f.type ?? 'hours');
      if (!current || rank(candidate) < rank(current)) summary.signInFrequency = candidate;
      else if (rank(candidate) === rank(current)) current.policyIds.push(policy.id);
    }
    const browser = session.persistentBrowser;
    if (browser && browser.isEnabled !== false && browser.mode) {
      const current = summary.persistentBrowser;
      if (!current || (browser.mode === 'never' && current.mode === 'always'))
        summary.persistentBrowser = { mode: browser.mode, policyIds: [policy.id] };
      else if (current.mode === browser.mode) current.policyIds.push(policy.id);
    }
    if (session.applicationEnforcedRestrictions?.isEnabled) {
      (summary.applicationEnforcedRestrictions ??= { policyIds: [] }).policyIds.push(policy.id);
    }
    if (session.cloudAppSecurity?.isEnabled) (summary.cloudAppSecurity ??= { policyIds: [] }).policyIds.push(policy.id);
  }
  return summary;
}

/** Graph's enforcedSessionControls names for one policy. */
export function sessionControlNames(policy: CompiledPolicy): string[] {
  const s = policy.session;
  if (!s) return [];
  const names: string[] = [];
  if (s.signInFrequency && s.signInFrequency.isEnabled !== false) names.push('SignInFrequency');
  if (s.persistentBrowser && s.persistentBrowser.isEnabled !== false) names.push('PersistentBrowserSessionMode');
  if (s.applicationEnforcedRestrictions?.isEnabled) names.push('ApplicationEnforcedRestrictions');
  if (s.cloudAppSecurity?.isEnabled) names.push('CloudAppSecurity');
  return names;
}
