// The user-independent half of a What-If request, resolved once: which named locations the IP/country falls in,
// the normalised client app type and platform. Evaluating 200 policies then only reads precomputed values.
import { AppError } from '../app-error';
import type { CompiledSignIn, CompiledTenant } from './compiled-model';
import { isAddressInRange, parseIpAddress } from './ip-address';
import type { WhatIfRequest, WhatIfRequestWithoutUser } from './what-if-request-schema';

const userActionUrns: Record<string, string> = {
  registerSecurityInformation: 'urn:user:registersecurityinfo',
  registerOrJoinDevices: 'urn:user:registerdevice',
};

export function compileSignInContext(
  tenant: CompiledTenant,
  request: WhatIfRequestWithoutUser & { signInIdentity?: WhatIfRequest['signInIdentity'] },
): CompiledSignIn {
  const c = request.signInConditions ?? {};
  const context = request.signInContext;
  const ipAddress = c.ipAddress ? parseIpAddress(c.ipAddress) : null;
  const country = c.country ? c.country.toUpperCase() : null;
  const matched = new Set<string>();
  let isTrustedLocation = false;
  for (const location of tenant.namedLocations) {
    let isMatch = false;
    if (location.kind === 'ip') {
      if (ipAddress)
        for (const range of location.ranges)
          if (isAddressInRange(ipAddress, range)) {
            isMatch = true;
            break;
          }
    } else if (location.kind === 'compliantNetwork') {
      isMatch = c.isCompliantNetwork === true;
    } else if (location.kind === 'country') {
      // No country in the request = a country Entra could not determine (location-condition, "unknown countries").
      isMatch = country ? location.countries.has(country) : location.includeUnknownCountries;
    }
    if (isMatch) {
      matched.add(location.id);
      if (location.isTrusted) isTrustedLocation = true;
    }
  }
  const clientAppType = c.clientAppType ?? 'all';
  const applicationIds =
    context['@odata.type'] === '#microsoft.graph.applicationContext' ? context.includeApplications : [];
  const identity = request.signInIdentity;
  // "With the device code flow, the required grant control for the managed device or a device state condition
  // isn't supported" because the authenticating device can't provide its state (concept-conditional-access-grant):
  // the device info a request carries is not evidence then, for grants nor for the device filter.
  const isDeviceStateUnavailable = c.authenticationFlow?.transferMethod === 'deviceCodeFlow';
  return {
    contextKind:
      context['@odata.type'] === '#microsoft.graph.applicationContext'
        ? 'application'
        : context['@odata.type'] === '#microsoft.graph.userActionContext'
          ? 'userAction'
          : 'authContext',
    applicationIds,
    applicationIndices: Int32Array.from(applicationIds, (id) => tenant.applicationIndexById.get(id) ?? -1),
    userAction:
      context['@odata.type'] === '#microsoft.graph.userActionContext'
        ? (userActionUrns[context.userAction] ?? context.userAction.toLowerCase())
        : null,
    authenticationContext:
      context['@odata.type'] === '#microsoft.graph.authContext' ? context.authenticationContextValue : null,
    devicePlatform: c.devicePlatform && c.devicePlatform !== 'all' ? c.devicePlatform : null,
    clientAppType,
    isLegacyClient:
      clientAppType === 'exchangeActiveSync' || clientAppType === 'easSupported' || clientAppType === 'other',
    signInRiskLevel: c.signInRiskLevel ?? 'none',
    userRiskLevel: c.userRiskLevel ?? 'none',
    insiderRiskLevel: c.insiderRiskLevel ?? 'none',
    servicePrincipalRiskLevel: c.servicePrincipalRiskLevel ?? 'none',
    ipAddress,
    country,
    matchedLocationIds: matched,
    isTrustedLocation,
    isCompliantNetwork: c.isCompliantNetwork === true,
    deviceInfo: isDeviceStateUnavailable ? null : (c.deviceInfo ?? null),
    isDeviceStateUnavailable,
    transferMethod:
      c.authenticationFlow?.transferMethod && c.authenticationFlow.transferMethod !== 'none'
        ? c.authenticationFlow.transferMethod
        : null,
    servicePrincipalId:
      identity &&
      identity['@odata.type'] === '#microsoft.graph.servicePrincipalSignIn' &&
      typeof identity.servicePrincipalId === 'string'
        ? identity.servicePrincipalId
        : null,
  };
}

/** The user of a request by object id or, as an extension, by UPN (case-insensitive); -1 for a service principal. */
export function resolveSignInUser(tenant: CompiledTenant, request: WhatIfRequest): number {
  const identity = request.signInIdentity;
  if (!identity) {
    throw new AppError('INVALID_INPUT', 'the request has no signInIdentity: name the user (object id or UPN)', {
      path: '$.signInIdentity',
    });
  }
  if ('servicePrincipalId' in identity) return -1;
  const index = tenant.userIndexById.get(identity.userId) ?? tenant.userIndexByUpn.get(identity.userId.toLowerCase());
  if (index === undefined) {
    throw new AppError('INVALID_INPUT', `user "${identity.userId}" is not in tenant ${tenant.domain}`, {
      path: '$.signInIdentity.userId',
    });
  }
  return index;
}
