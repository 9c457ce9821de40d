// Findings about the apps used for password reset and service-desk verification: Microsoft's guidance is a
// dedicated policy requiring MFA from any network, because a trusted-network exemption means identity
// verification there rests on the password alone. Computed with the engine's own targeting and conditions.
import { countedText, engineText, joined } from './engine-text';
import { findingTexts } from './finding';
import { pickTrustedIpAddress, pickUntrustedIpAddress } from './comparison-matrix';
import type { CompiledPolicy, CompiledTenant } from './compiled-model';
import { userIncluded, userScopeAt } from './user-scope-matrix';
import { isEnforcedPolicy, type Finding } from './finding';
import { evaluateRequestConditions } from './policy-applicability';
import { compileSignInContext } from './sign-in-context';

const demandsAuthentication = (p: CompiledPolicy): boolean =>
  p.grant.isBlock || p.grant.requirements.some((r) => r.kind === 'mfa' || r.kind === 'authenticationStrength');

export function defaultSensitiveApps(tenant: CompiledTenant): string[] {
  return tenant.source.applications
    .filter((app) => {
      const tags = Array.isArray(app.tags) ? app.tags.map(String) : [];
      return (
        tags.some((t) => /passwordReset|serviceDesk/i.test(t)) ||
        /reset|service.?desk|help.?desk/i.test(app.displayName)
      );
    })
    .map((app) => app.appId);
}

/** Emergency access (break-glass) accounts, which Microsoft says to exclude from every policy. */
export function isEmergencyAccount(
  tenant: CompiledTenant,
  userIndex: number,
  groupNames: ReadonlyMap<string, string>,
): boolean {
  const user = tenant.userAt(userIndex);
  if (!user) return false;
  const names = [
    user.displayName,
    user.userPrincipalName,
    ...tenant.groupIdsOf(userIndex).map((id) => groupNames.get(id) ?? ''),
  ];
  return names.some((n) => /emergency|break.?glass/i.test(n));
}

export function trustedNetworkExemptions(tenant: CompiledTenant, appIds: readonly string[], cap: number): Finding[] {
  const trustedIp = pickTrustedIpAddress(tenant);
  if (!trustedIp) return [];
  const findings: Finding[] = [];
  const groupNames = new Map(tenant.source.groups.map((g) => [g.id, g.displayName]));
  for (const appId of appIds) {
    const context = { '@odata.type': '#microsoft.graph.applicationContext' as const, includeApplications: [appId] };
    const conditions = { clientAppType: 'browser' as const };
    const trusted = evaluateRequestConditions(
      tenant,
      compileSignInContext(tenant, {
        signInContext: context,
        signInConditions: { ...conditions, ipAddress: trustedIp },
      }),
    );
    const other = evaluateRequestConditions(
      tenant,
      compileSignInContext(tenant, {
        signInContext: context,
        signInConditions: { ...conditions, ipAddress: pickUntrustedIpAddress(tenant) },
      }),
    );
    const demanding = tenant.policies.filter((p) => isEnforcedPolicy(p) && demandsAuthentication(p));
    const users: string[] = [];
    let count = 0;
    const exempting = new Set<string>();
    const unprotected: string[] = [];
    let unprotectedCount = 0;
    for (const user of tenant.users) {
      let protectedOnTrusted = false;
      const protectingElsewhere: CompiledPolicy[] = [];
      for (const p of demanding) {
        if (userScopeAt(tenant.userScopes, user.index, p.index) !== userIncluded) continue;
        if (trusted[p.index] === 0) {
          protectedOnTrusted = true;
          break;
        }
        if (other[p.index] === 0) protectingElsewhere.push(p);
      }
      if (!protectedOnTrusted && protectingElsewhere.length > 0) {
        count++;
        if (users.length < cap) users.push(user.id);
        for (const p of protectingElsewhere) exempting.add(p.id);
      } else if (
        !protectedOnTrusted &&
        user.userType === 'Member' &&
        !isEmergencyAccount(tenant, user.index, groupNames)
      ) {
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
        ...findingTexts(
          countedText('finding.sensitiveApplicationWithoutMfa.message', unprotectedCount, { app: name }),
          engineText('finding.sensitiveApplicationWithoutMfa.recommendation', { app: name }),
        ),
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
      ...findingTexts(
        countedText('finding.trustedNetworkMfaExemption.message', count, {
          app: name,
          policies: joined(
            'comma',
            [...exempting].map((id) =>
              engineText('finding.trustedNetworkMfaExemption.policy', {
                policy: tenant.policies.find((p) => p.id === id)?.displayName ?? id,
              }),
            ),
          ),
        }),
        engineText('finding.trustedNetworkMfaExemption.recommendation', { app: name }),
      ),
      policyIds: [...exempting],
      userIds: users,
      applicationIds: [appId],
    });
  }
  return findings;
}
