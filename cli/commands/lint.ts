// `verity-ca lint`: the engine's findings over the policy set, most severe first. With --request,
// the request's applications are treated as the sensitive apps (password reset, service-desk
// verification) whose MFA exemptions matter most; otherwise the engine picks them by name.
// --fail-on SEVERITY turns findings into a failing pipeline step (exit 1).

import {
  findOutOfScopePolicies,
  findPolicyIssues,
  type Finding,
  type FindingSeverity,
} from '../../lib/conditional-access/policy-findings';
import { findRetirementImpact } from '../../lib/conditional-access/retirement-readiness';
import type { CommandResult } from '../command-result';
import { loadRequest, loadTenant } from '../load-inputs';
import type { CommandOptions } from '../parse-command-line';
import { isOneOf } from '../../lib/is-one-of';

export const findingSeverities: readonly FindingSeverity[] = ['high', 'medium', 'low', 'info'];

export function runLintCommand(options: CommandOptions): CommandResult {
  const compiled = loadTenant(options);
  const request = options.request === undefined ? undefined : loadRequest(options, options.request);
  const context = request?.signInContext;
  const sensitiveApplicationIds =
    context?.['@odata.type'] === '#microsoft.graph.applicationContext' ? context.includeApplications : undefined;
  const findings = findPolicyIssues(compiled, { sensitiveApplicationIds });
  const counts = Object.fromEntries(
    findingSeverities.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length]),
  );
  // Agent-identity policies are out of user sign-in scope: listed beside the findings, not as one.
  const outOfScope = findOutOfScopePolicies(compiled);
  const scopeLines = outOfScope.map((policy) => `OUT OF SCOPE ${policy.message}`);
  // With --as-of: per user, what a retirement takes away and what to register instead.
  const retirementImpact = compiled.asOf === null ? undefined : findRetirementImpact(compiled);
  const impactLines = (retirementImpact ?? [])
    .filter((impact) => !impact.keepsMultifactor)
    .map(
      (impact) =>
        `LOSES MFA on ${compiled.asOf}: ${impact.userPrincipalName} (${impact.retiredMethods.join(', ')} retired; ` +
        `register ${impact.register.length > 0 ? impact.register.join(' or ') : 'nothing the methods policy allows'})`,
    );
  const result: CommandResult = {
    json: { counts, findings, outOfScope, ...(retirementImpact !== undefined && { retirementImpact }) },
    text: [
      renderFindings(findings, compiled.policies),
      ...(scopeLines.length > 0 ? ['', ...scopeLines] : []),
      ...(impactLines.length > 0 ? ['', ...impactLines] : []),
    ].join('\n'),
  };
  const failOn = options.failOn;
  if (failOn !== undefined) {
    const threshold = isOneOf(findingSeverities, failOn) ? findingSeverities.indexOf(failOn) : -1;
    const failing = findings.filter((finding) => findingSeverities.indexOf(finding.severity) <= threshold);
    if (failing.length > 0) {
      return {
        ...result,
        failure: `${failing.length} finding(s) of severity ${failOn} or higher (--fail-on ${failOn})`,
      };
    }
  }
  return result;
}

function renderFindings(
  findings: readonly Finding[],
  policies: readonly { id: string; displayName: string }[],
): string {
  if (findings.length === 0) return 'No findings.';
  const names = new Map(policies.map((policy) => [policy.id, policy.displayName]));
  const lines = findings.flatMap((finding) => {
    const involved = finding.policyIds.map((id) => `"${names.get(id) ?? id}"`).join(', ');
    return [
      `${finding.severity.toUpperCase().padEnd(6)} ${finding.code}: ${finding.message}`,
      ...(involved === '' ? [] : [`       policies: ${involved}`]),
      ...(finding.userIds !== undefined && finding.userIds.length > 0
        ? [`       users: ${finding.userIds.length}`]
        : []),
      `       fix: ${finding.recommendation}`,
    ];
  });
  const summary = findingSeverities
    .map((severity) => `${findings.filter((finding) => finding.severity === severity).length} ${severity}`)
    .join(', ');
  return [...lines, '', `${findings.length} findings: ${summary}.`].join('\n');
}
