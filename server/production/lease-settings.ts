// Leases and the sweep (issue 12; docs/decisions/0006) are settings, and production refuses values that
// break what they guarantee:
// - a write's claim (RESET_WRITE_LEASE_SECONDS) must outlive the directory's answer with room to spare:
//   released while Graph or AD may still apply it, a landed password change would be audited as not applied
//   and the user asked to try again. At least twice the longest timeout (GRAPH_TIMEOUT_MS, AD_TOTAL_TIMEOUT_MS).
// - a job's claim (JOB_LEASE_SECONDS) must outlive one run: a run longer than its lease is taken over by
//   another runner (the table) or failed and retried (pg-boss) while it may still deliver, i.e. the same
//   code or e-mail twice. A run makes up to three directory calls (account lookup, methods, user) and one
//   delivery: at least three times the longest directory timeout.
// - the sweep (SWEEP_INTERVAL_SECONDS) must come round within a lease, or a dead instance's claims wait
//   for the sweep rather than the lease.
// - Graph's timeout (GRAPH_TIMEOUT_MS) below one second: a Graph write under load routinely takes longer, so
//   nearly every change would come back "outcome unknown" and wait for reconciliation.
import { AppError } from '../../lib/app-error';

type LeaseSettings = {
  RESET_WRITE_LEASE_SECONDS: number;
  JOB_LEASE_SECONDS: number;
  SWEEP_INTERVAL_SECONDS: number;
  AD_URL?: readonly string[];
  AD_TOTAL_TIMEOUT_MS: number;
  GRAPH_TIMEOUT_MS: number;
};

/** The shortest Graph timeout production accepts. */
export const minimumProductionGraphTimeoutMs = 1_000;

export function unsafeLeaseSettings(settings: LeaseSettings): { variable: string; reason: string }[] {
  const directoryTimeoutSeconds =
    Math.max(settings.GRAPH_TIMEOUT_MS, settings.AD_URL?.length ? settings.AD_TOTAL_TIMEOUT_MS : 0) / 1000;
  const refusals: { variable: string; reason: string }[] = [];
  if (settings.GRAPH_TIMEOUT_MS < minimumProductionGraphTimeoutMs)
    refusals.push({
      variable: 'GRAPH_TIMEOUT_MS',
      reason: `must be at least ${minimumProductionGraphTimeoutMs} (ms): Graph writes routinely take longer, and each would end "outcome unknown"`,
    });
  if (settings.RESET_WRITE_LEASE_SECONDS < 2 * directoryTimeoutSeconds)
    refusals.push({
      variable: 'RESET_WRITE_LEASE_SECONDS',
      reason: `must be at least ${2 * directoryTimeoutSeconds} (twice the directory's ${directoryTimeoutSeconds} s timeout): a write still in flight would be released as not applied`,
    });
  if (settings.JOB_LEASE_SECONDS < 3 * directoryTimeoutSeconds)
    refusals.push({
      variable: 'JOB_LEASE_SECONDS',
      reason: `must be at least ${3 * directoryTimeoutSeconds} (three directory calls of ${directoryTimeoutSeconds} s): a job still running would be run again`,
    });
  const shortestLease = Math.min(settings.RESET_WRITE_LEASE_SECONDS, settings.JOB_LEASE_SECONDS);
  if (settings.SWEEP_INTERVAL_SECONDS > shortestLease)
    refusals.push({
      variable: 'SWEEP_INTERVAL_SECONDS',
      reason: `must not exceed the shortest lease (${shortestLease} s): expired claims would wait for the sweep`,
    });
  return refusals;
}

export function refuseUnsafeLeaseSettings(settings: LeaseSettings): void {
  const [first] = unsafeLeaseSettings(settings);
  if (first)
    throw new AppError('CONFIG_ERROR', `Invalid environment variable ${first.variable}: ${first.reason}`, {
      path: first.variable,
    });
}
