// A lint pass over a policy set (issue 2, item 7): configurations that leave a gap or lock people out, each with
// a severity, the policies involved and a recommendation. Findings that depend on users are computed with the
// engine itself (the same targeting bytes and condition checks as What-If), not re-derived.
import { interruptRegistrableModes } from './authentication-method-mode';
import { isStrengthMet } from './authentication-strength-match';
import { multifactorStrengthId } from './built-in-authentication-strengths';
import { pickTrustedIpAddress, pickUntrustedIpAddress } from './comparison-matrix';
import type { CompiledPolicy } from './compile-policy';
import type { CompiledTenant } from './compile-tenant';
import { evaluateRequestConditions } from './policy-applicability';
import { compileSignInContext } from './sign-in-context';

export const findingCodes = [
  'trustedNetworkMfaExemption',
  'sensitiveApplicationWithoutMfa',
  'strengthUnreachableForUsers',
  'usersWithoutMfaMethod',
  'mfaAndAuthenticationStrength',
  'invalidPolicy',
  'policyTargetsNoOne',
  'usersWithoutAnyPolicy',
  'blockWithoutEmergencyExclusion',
  'legacyAuthenticationNotBlocked',
  'unknownReference',
] as const;
export type FindingCode = (typeof findingCodes)[number];
export type FindingSeverity = 'high' | 'medium' | 'low' | 'info';

export type Finding = {
  id: string;
  severity: FindingSeverity;
  code: FindingCode;
  message: string;
  recommendation: string;
  policyIds: string[];
  userIds?: string[];
  applicationIds?: string[];
};

export type FindPolicyIssuesOptions = {
  /** Apps used for password reset or service-desk verification; by default apps tagged or named so. */
  sensitiveApplicationIds?: readonly string[];
  /** Cap on user ids listed per finding (counts stay exact). */
  maxUsersPerFinding?: number;
};

const severityOrder: Record<FindingSeverity, number> = { high: 0, medium: 1, low: 2, info: 3 };
const isActive = (p: CompiledPolicy): boolean => p.state !== 'disabled';
const isEnforced = (p: CompiledPolicy): boolean => p.state === 'enabled';
const demandsAuthentication = (p: CompiledPolicy): boolean =>
  p.grant.isBlock || p.grant.requirements.some((r) => r.kind === 'mfa' || r.kind === 'authenticationStrength');

function defaultSensitiveApps(tenant: CompiledTenant): string[] {
  return tenant.source.applications
    .filter((app) => {
      const tags = Array.isArray(app.tags) ? (app.tags as unknown[]).map(String) : [];
      return tags.some((t) => /passwordReset|serviceDesk/i.test(t)) || /reset|service.?desk|help.?desk/i.test(app.displayName);
    })
    .map((app) => app.appId);
}

/** Emergency access (break-glass) accounts, which Microsoft says to exclude from every policy. */
function isEmergencyAccount(tenant: CompiledTenant, userIndex: number, groupNames: ReadonlyMap<string, string>): boolean {
  const user = tenant.users[userIndex];
  if (!user) return false;
  const names = [user.displayName, user.userPrincipalName, ...tenant.groupIdsOf(userIndex).map((id) => groupNames.get(id) ?? '')];
  return names.some((n) => /emergency|break.?glass/i.test(n));
}

function trustedNetworkExemptions(tenant: CompiledTenant, appIds: readonly string[], cap: number): Finding[] {
  const trustedIp = pickTrustedIpAddress(tenant);
  if (!trustedIp) return [];
  const findings: Finding[] = [];
  const stride = tenant.policies.length;
  const groupNames = new Map(tenant.source.groups.map((g) => [g.id, g.displayName]));
  for (const appId of appIds) {
    const context = { '@odata.type': '#microsoft.graph.applicationContext' as const, includeApplications: [appId] };
    const conditions = { clientAppType: 'browser' as const };
    const trusted = evaluateRequestConditions(tenant, compileSignInContext(tenant, { signInContext: context, signInConditions: { ...conditions, ipAddress: trustedIp } }));
    const other = evaluateRequestConditions(tenant, compileSignInContext(tenant, { signInContext: context, signInConditions: { ...conditions, ipAddress: pickUntrustedIpAddress(tenant) } }));
    const demanding = tenant.policies.filter((p) => isEnforced(p) && demandsAuthentication(p));
    const users: string[] = [];
    let count = 0;
    const exempting = new Set<string>();
    const unprotected: string[] = [];
    let unprotectedCount = 0;
    for (const user of tenant.users) {
      const base = user.index * stride;
      let protectedOnTrusted = false;
      const protectingElsewhere: CompiledPolicy[] = [];
      for (const p of demanding) {
        if (tenant.userScopes[base + p.index] !== 1) continue;
        if (trusted[p.index] === 0) { protectedOnTrusted = true; break; }
        if (other[p.index] === 0) protectingElsewhere.push(p);
      }
      if (!protectedOnTrusted && protectingElsewhere.length > 0) {
        count++;
        if (users.length < cap) users.push(user.id);
        for (const p of protectingElsewhere) exempting.add(p.id);
      } else if (!protectedOnTrusted && user.userType === 'Member' && !isEmergencyAccount(tenant, user.index, groupNames)) {
        unprotectedCount++;
        if (unprotected.length < cap) unprotected.push(user.id);
      }
    }
    const name = tenant.applicationNameById.get(appId) ?? appId;
    if (unprotectedCount > 0) {
      findings.push({
        id: `sensitiveApplicationWithoutMfa:${appId}`,
        severity: 'high',
        code: 'sensitiveApplicationWithoutMfa',
        message: `${name} requires no MFA from any network for ${unprotectedCount} member user(s): no enabled policy that asks for MFA or an authentication strength applies to them there.`,
        recommendation: `Create a policy for ${name} covering all users (minus emergency access accounts) that requires an authentication strength from any network.`,
        policyIds: [],
        userIds: unprotected,
        applicationIds: [appId],
      });
    }
    if (count === 0) continue;
    findings.push({
      id: `trustedNetworkMfaExemption:${appId}`,
      severity: 'high',
      code: 'trustedNetworkMfaExemption',
      message: `${name} asks for no MFA on trusted networks for ${count} user(s): ${[...exempting].map((id) => `"${tenant.policies.find((p) => p.id === id)?.displayName ?? id}"`).join(', ')} exempt trusted locations, so identity verification there rests on the password alone.`,
      recommendation: `Create a dedicated policy for ${name} that requires MFA (ideally an authentication strength) from any network, with no location exclusion, as Microsoft recommends for password reset and help-desk verification.`,
      policyIds: [...exempting],
      userIds: users,
      applicationIds: [appId],
    });
  }
  return findings;
}

function strengthFindings(tenant: CompiledTenant, cap: number): Finding[] {
  const findings: Finding[] = [];
  const stride = tenant.policies.length;
  for (const policy of tenant.policies.filter(isActive)) {
    for (const requirement of policy.grant.requirements) {
      if (requirement.kind !== 'mfa' && requirement.kind !== 'authenticationStrength') continue;
      const strength = requirement.strength;
      const registrable = strength.allowedCombinations.filter((c) => c.split(',').every((m) => interruptRegistrableModes.has(m.trim() as never) || m.trim() === 'password'));
      const users: string[] = [];
      let count = 0;
      for (const user of tenant.users) {
        if (tenant.userScopes[user.index * stride + policy.index] !== 1) continue;
        if (isStrengthMet(strength, user.registeredMask)) continue;
        count++;
        if (users.length < cap) users.push(user.id);
      }
      if (count === 0) continue;
      const isMfa = strength.id === multifactorStrengthId;
      findings.push(isMfa
        ? {
          id: `usersWithoutMfaMethod:${policy.id}`,
          severity: 'medium',
          code: 'usersWithoutMfaMethod',
          message: `"${policy.displayName}" requires MFA but ${count} targeted user(s) have no MFA method registered: at their next sign-in Entra asks them to register one, and whoever holds their password can do it first.`,
          recommendation: 'Have these users register MFA under supervision (for example with a Temporary Access Pass issued by the service desk), and protect "Register security information" with its own policy.',
          policyIds: [policy.id],
          userIds: users,
        }
        : {
          id: `strengthUnreachableForUsers:${policy.id}:${strength.id}`,
          severity: 'high',
          code: 'strengthUnreachableForUsers',
          message: `"${policy.displayName}" requires "${strength.displayName}" but ${count} targeted user(s) have no registered method that meets it: ${registrable.length > 0 ? `they are stopped at sign-in until they register ${registrable.join(' or ')} in interrupt mode` : 'they are blocked, because none of its methods can be registered at sign-in'}.`,
          recommendation: `Register a method of "${strength.displayName}" for these users before enforcing (FIDO2 passkeys, Authenticator phone sign-in or Windows Hello), or exclude them until they have.`,
          policyIds: [policy.id],
          userIds: users,
        });
    }
  }
  return findings;
}

export function findPolicyIssues(tenant: CompiledTenant, options: FindPolicyIssuesOptions = {}): Finding[] {
  const cap = options.maxUsersPerFinding ?? 1000;
  const findings: Finding[] = [];
  const stride = tenant.policies.length;
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
        message: `"${policy.displayName}" requires both "Require multifactor authentication" and an authentication strength; Entra rejects this combination.`,
        recommendation: 'Keep only the authentication strength (the built-in "Multifactor authentication" strength is equivalent to Require MFA).',
        policyIds: [policy.id],
      });
    } else if (policy.invalidReason) {
      findings.push({ id: `invalidPolicy:${policy.id}`, severity: 'high', code: 'invalidPolicy', message: `"${policy.displayName}" ${policy.invalidReason}; the engine treats it as not applying.`, recommendation: 'Fix the reference or the rule, then re-run the analysis.', policyIds: [policy.id] });
    }
    if (!isActive(policy)) continue;
    let targeted = policy.servicePrincipals !== null;
    for (let u = 0; !targeted && u < tenant.users.length; u++) if (tenant.userScopes[u * stride + policy.index] === 1) targeted = true;
    if (!targeted) {
      findings.push({
        id: `policyTargetsNoOne:${policy.id}`,
        severity: 'medium',
        code: 'policyTargetsNoOne',
        message: `"${policy.displayName}" targets no user of the tenant (after exclusions), so it never applies.`,
        recommendation: 'Check the included users, groups and roles, or delete the policy.',
        policyIds: [policy.id],
      });
    }
    const users = policy.source.conditions?.users;
    const isAllUsersAllApps = (users?.includeUsers ?? []).includes('All') && policy.applications.include.has('All');
    const hasUserExclusion = (users?.excludeUsers ?? []).length + (users?.excludeGroups ?? []).length + (users?.excludeRoles ?? []).length > 0;
    if (isEnforced(policy) && policy.grant.isBlock && isAllUsersAllApps && !hasUserExclusion && !policy.locations && !policy.clientAppTypes && !policy.platforms) {
      findings.push({
        id: `blockWithoutEmergencyExclusion:${policy.id}`,
        severity: 'high',
        code: 'blockWithoutEmergencyExclusion',
        message: `"${policy.displayName}" blocks all users on all resources with no exclusion: it locks out every administrator too.`,
        recommendation: 'Exclude the emergency access (break-glass) accounts from every policy (concept-conditional-access-users-groups, "Preventing administrator lockout").',
        policyIds: [policy.id],
      });
    }
    const reference = [...(users?.includeGroups ?? []), ...(users?.excludeGroups ?? [])].find((g) => !tenant.groupIndexById.has(g))
      ?? [...(policy.locations?.include ?? []), ...(policy.locations?.exclude ?? [])].find((l) => l !== 'All' && l !== 'AllTrusted' && !tenant.namedLocationById.has(l));
    if (reference) {
      findings.push({ id: `unknownReference:${policy.id}`, severity: 'low', code: 'unknownReference', message: `"${policy.displayName}" references ${reference}, which is not in the tenant document.`, recommendation: 'Remove the stale reference or add the object to the tenant document.', policyIds: [policy.id] });
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
    const base = user.index * stride;
    let covered = false;
    const excluders: string[] = [];
    for (const p of enforced) {
      const cell = tenant.userScopes[base + p.index];
      if (cell === 1) { covered = true; break; }
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
      message: allEmergency
        ? `${uncoveredCount} emergency access account(s) are excluded from every enforced policy, as Microsoft recommends; they sign in with no Conditional Access at all.`
        : `${uncoveredCount} user(s) are excluded from every enforced policy that would otherwise include them: no Conditional Access applies to them.`,
      recommendation: allEmergency
        ? 'Protect emergency access accounts with phishing-resistant credentials and alert on every sign-in.'
        : 'Review the exclusions; give excluded users at least one policy that requires MFA.',
      policyIds: [...excludedBy],
      userIds: uncovered,
    });
  }

  const legacy = enforced.some((p) => p.grant.isBlock && p.clientAppTypes !== null && (p.clientAppTypes.has('other') || p.clientAppTypes.has('exchangeActiveSync')) && p.applications.include.has('All'));
  if (!legacy && tenant.policies.length > 0) {
    findings.push({
      id: 'legacyAuthenticationNotBlocked',
      severity: 'medium',
      code: 'legacyAuthenticationNotBlocked',
      message: 'No enabled policy blocks legacy authentication (Exchange ActiveSync and other clients) for all resources; legacy clients cannot do MFA.',
      recommendation: 'Add a policy for all users and all resources with client apps "Exchange ActiveSync" and "Other clients" that blocks access (policy-block-legacy-authentication).',
      policyIds: [],
    });
  }
  return findings.sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity] || a.id.localeCompare(b.id));
}

