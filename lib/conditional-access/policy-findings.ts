// A lint pass over a policy set (issue 2, item 7): configurations that leave a gap or lock people out, each with
// a severity, the policies involved and a recommendation. Findings that depend on users are computed with the
// engine itself (the same targeting bytes and condition checks as What-If), not re-derived.
import { countedText, engineText, english, joined, type EngineText } from './engine-text';
import type { CompiledTenant } from './compiled-model';
import { userIncluded, userScopeAt } from './user-scope-matrix';
import {
  isActivePolicy as isActive,
  findingTexts,
  isEnforcedPolicy as isEnforced,
  type Finding,
  type FindingSeverity,
} from './finding';
import { defaultSensitiveApps, isEmergencyAccount, trustedNetworkExemptions } from './sensitive-application-findings';
import { findRetirementImpact } from './retirement-readiness';
import { strengthFindings } from './strength-findings';

import type { MissingReference } from './finding';

export { findingCodes, type Finding, type FindingCode, type FindingSeverity, type MissingReference } from './finding';

export type FindPolicyIssuesOptions = {
  /** Apps used for password reset or service-desk verification; by default apps tagged or named so. */
  sensitiveApplicationIds?: readonly string[];
  /** Cap on user ids listed per finding (counts stay exact). */
  maxUsersPerFinding?: number;
};

const severityOrder: Record<FindingSeverity, number> = { high: 0, medium: 1, low: 2, info: 3 };

// Values of includeUsers / excludeUsers that are keywords, not object ids (Graph: conditionalAccessUsers).
const userKeywords = new Set(['All', 'None', 'GuestsOrExternalUsers']);

/**
 * Every object id a policy names that the tenant document does not hold, in the policy's order: users and groups
 * (include, then exclude) and named locations. Each id is listed once. Applications and roles are not checked: the
 * tenant document lists only the applications it cares about, and role template ids are Microsoft's.
 */
export function missingReferences(
  tenant: CompiledTenant,
  policy: CompiledTenant['policies'][number],
): MissingReference[] {
  const users = policy.source.conditions?.users;
  const out: MissingReference[] = [];
  const seen = new Set<string>();
  const add = (kind: MissingReference['kind'], id: string): void => {
    const key = `${kind}:${id.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ kind, id });
  };
  for (const id of [...(users?.includeUsers ?? []), ...(users?.excludeUsers ?? [])])
    if (!userKeywords.has(id) && !tenant.userIndexById.has(id)) add('user', id);
  for (const id of [...(users?.includeGroups ?? []), ...(users?.excludeGroups ?? [])])
    if (!tenant.groupIndexById.has(id)) add('group', id);
  for (const id of [...(policy.locations?.include ?? []), ...(policy.locations?.exclude ?? [])])
    if (id !== 'All' && id !== 'AllTrusted' && !tenant.namedLocationById.has(id)) add('namedLocation', id);
  return out;
}

export type OutOfScopePolicy = {
  policyId: string;
  displayName: string;
  scope: 'agentIdentities';
  message: string;
  text: EngineText;
};

/**
 * Policies outside user sign-in scope: those targeting agent identities only (Entra Agent ID preview; Graph beta
 * conditionalAccessClientApplications.includeAgentIdServicePrincipals, conditionalAccessAgents). The engine
 * evaluates user and service principal sign-ins, so it names these instead of calling them "targets no one".
 */
export function findOutOfScopePolicies(tenant: CompiledTenant): OutOfScopePolicy[] {
  return tenant.policies
    .filter((p) => p.targetsAgentIdentitiesOnly)
    .map((p) => {
      const text = engineText('scope.agentIdentities', { policy: p.displayName });
      return { policyId: p.id, displayName: p.displayName, scope: 'agentIdentities', message: english(text), text };
    });
}

export function findPolicyIssues(tenant: CompiledTenant, options: FindPolicyIssuesOptions = {}): Finding[] {
  const cap = options.maxUsersPerFinding ?? 1000;
  const findings: Finding[] = [];
  const sensitive = options.sensitiveApplicationIds ?? defaultSensitiveApps(tenant);
  findings.push(...trustedNetworkExemptions(tenant, sensitive, cap));
  findings.push(...strengthFindings(tenant, cap));

  for (const policy of tenant.policies) {
    const controls = policy.source.grantControls;
    if (controls?.authenticationStrength && (controls.builtInControls ?? []).includes('mfa')) {
      findings.push({
        id: `mfaAndAuthenticationStrength:${policy.id}`,
        severity: 'high',
        code: 'mfaAndAuthenticationStrength',
        ...findingTexts(
          engineText('finding.mfaAndAuthenticationStrength.message', { policy: policy.displayName }),
          engineText('finding.mfaAndAuthenticationStrength.recommendation'),
        ),
        policyIds: [policy.id],
      });
    } else if (policy.invalidReason) {
      findings.push({
        id: `invalidPolicy:${policy.id}`,
        severity: 'high',
        code: 'invalidPolicy',
        ...findingTexts(
          engineText('finding.invalidPolicy.message', {
            policy: policy.displayName,
            reason: policy.invalidReasonText ?? policy.invalidReason,
          }),
          engineText('finding.invalidPolicy.recommendation'),
        ),
        policyIds: [policy.id],
      });
    }
    if (!isActive(policy)) continue;
    if (policy.unevaluatedConditions.length > 0) {
      findings.push({
        id: `conditionNotEvaluated:${policy.id}`,
        severity: 'medium',
        code: 'conditionNotEvaluated',
        ...findingTexts(
          engineText('finding.conditionNotEvaluated.message', {
            policy: policy.displayName,
            conditions: joined('comma', policy.unevaluatedConditions),
          }),
          engineText('finding.conditionNotEvaluated.recommendation'),
        ),
        policyIds: [policy.id],
      });
    }
    // Agent-only policies target no user by design: reported by findOutOfScopePolicies, not as a finding.
    if (policy.targetsAgentIdentitiesOnly) continue;
    let targeted = policy.servicePrincipals !== null;
    for (let u = 0; !targeted && u < tenant.userCount; u++)
      if (userScopeAt(tenant.userScopes, u, policy.index) === userIncluded) targeted = true;
    if (!targeted) {
      findings.push({
        id: `policyTargetsNoOne:${policy.id}`,
        severity: 'medium',
        code: 'policyTargetsNoOne',
        ...findingTexts(
          engineText('finding.policyTargetsNoOne.message', { policy: policy.displayName }),
          engineText('finding.policyTargetsNoOne.recommendation'),
        ),
        policyIds: [policy.id],
      });
    }
    const users = policy.source.conditions?.users;
    const isAllUsersAllApps = (users?.includeUsers ?? []).includes('All') && policy.applications.include.has('All');
    const hasUserExclusion =
      (users?.excludeUsers ?? []).length + (users?.excludeGroups ?? []).length + (users?.excludeRoles ?? []).length > 0;
    if (
      isEnforced(policy) &&
      policy.grant.isBlock &&
      isAllUsersAllApps &&
      !hasUserExclusion &&
      !policy.locations &&
      !policy.clientAppTypes &&
      !policy.platforms
    ) {
      findings.push({
        id: `blockWithoutEmergencyExclusion:${policy.id}`,
        severity: 'high',
        code: 'blockWithoutEmergencyExclusion',
        ...findingTexts(
          engineText('finding.blockWithoutEmergencyExclusion.message', { policy: policy.displayName }),
          engineText('finding.blockWithoutEmergencyExclusion.recommendation'),
        ),
        policyIds: [policy.id],
      });
    }
    const missing = missingReferences(tenant, policy);
    if (missing.length > 0) {
      const described = missing.map((reference) =>
        engineText(`finding.unknownReference.${reference.kind}`, { id: reference.id }),
      );
      findings.push({
        id: `unknownReference:${policy.id}`,
        severity: 'low',
        code: 'unknownReference',
        ...findingTexts(
          countedText('finding.unknownReference.message', missing.length, {
            policy: policy.displayName,
            references: joined('comma', described),
          }),
          engineText('finding.unknownReference.recommendation'),
        ),
        policyIds: [policy.id],
        references: missing,
      });
    }
  }

  for (const location of tenant.namedLocations) {
    if (location.kind !== 'unknown') continue;
    const type = String(location.source['@odata.type']);
    findings.push({
      id: `unsupportedNamedLocation:${location.id}`,
      severity: 'low',
      code: 'unsupportedNamedLocation',
      ...findingTexts(
        engineText('finding.unsupportedNamedLocation.message', { location: location.displayName, type }),
        engineText('finding.unsupportedNamedLocation.recommendation'),
      ),
      policyIds: tenant.policies
        .filter((p) => [...(p.locations?.include ?? []), ...(p.locations?.exclude ?? [])].includes(location.id))
        .map((p) => p.id),
    });
  }

  // As of a date after a known retirement (SMS and voice, 1 February 2027): who loses what (retirement-readiness.ts).
  if (tenant.asOf) {
    const impacts = findRetirementImpact(tenant);
    const losing = impacts.filter((i) => !i.keepsMultifactor);
    const keeping = impacts.filter((i) => i.keepsMultifactor);
    if (losing.length > 0) {
      findings.push({
        id: 'methodRetirementLosesMfa',
        severity: 'high',
        code: 'methodRetirementLosesMfa',
        ...findingTexts(
          countedText('finding.methodRetirementLosesMfa', losing.length, { date: tenant.asOf }),
          engineText('finding.methodRetirementLosesMfa.recommendation'),
        ),
        policyIds: [],
        userIds: losing.slice(0, cap).map((i) => i.userId),
      });
    }
    if (keeping.length > 0) {
      findings.push({
        id: 'methodRetirementKeepsMfa',
        severity: 'info',
        code: 'methodRetirementKeepsMfa',
        ...findingTexts(
          countedText('finding.methodRetirementKeepsMfa', keeping.length, { date: tenant.asOf }),
          engineText('finding.methodRetirementKeepsMfa.recommendation'),
        ),
        policyIds: [],
        userIds: keeping.slice(0, cap).map((i) => i.userId),
      });
    }
  }

  // Exclusions that leave users with no enforced policy at all.
  const enforced = tenant.policies.filter(isEnforced);
  const uncovered: string[] = [];
  const excludedBy = new Set<string>();
  let uncoveredCount = 0;
  let allEmergency = true;
  const groupNames = new Map(tenant.source.groups.map((g) => [g.id, g.displayName]));
  for (const user of tenant.users) {
    let covered = false;
    const excluders: string[] = [];
    for (const p of enforced) {
      const cell = userScopeAt(tenant.userScopes, user.index, p.index);
      if (cell === 1) {
        covered = true;
        break;
      }
      if (cell === 2) excluders.push(p.id);
    }
    if (covered || excluders.length === 0) continue;
    uncoveredCount++;
    if (uncovered.length < cap) uncovered.push(user.id);
    excluders.forEach((id) => excludedBy.add(id));
    if (!isEmergencyAccount(tenant, user.index, groupNames)) allEmergency = false;
  }
  if (uncoveredCount > 0) {
    findings.push({
      id: 'usersWithoutAnyPolicy',
      severity: allEmergency ? 'info' : 'medium',
      code: 'usersWithoutAnyPolicy',
      ...findingTexts(
        countedText(`finding.usersWithoutAnyPolicy.${allEmergency ? 'emergency' : 'others'}`, uncoveredCount),
        engineText(
          `finding.usersWithoutAnyPolicy.${allEmergency ? 'emergencyRecommendation' : 'othersRecommendation'}`,
        ),
      ),
      policyIds: [...excludedBy],
      userIds: uncovered,
    });
  }

  const legacy = enforced.some(
    (p) =>
      p.grant.isBlock &&
      p.clientAppTypes !== null &&
      (p.clientAppTypes.has('other') || p.clientAppTypes.has('exchangeActiveSync')) &&
      p.applications.include.has('All'),
  );
  if (!legacy && tenant.policies.length > 0) {
    findings.push({
      id: 'legacyAuthenticationNotBlocked',
      severity: 'medium',
      code: 'legacyAuthenticationNotBlocked',
      ...findingTexts(
        engineText('finding.legacyAuthenticationNotBlocked.message'),
        engineText('finding.legacyAuthenticationNotBlocked.recommendation'),
      ),
      policyIds: [],
    });
  }
  return findings.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.id.localeCompare(b.id));
}
