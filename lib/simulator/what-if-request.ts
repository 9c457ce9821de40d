// Turns a decoded What-If view state into Graph's evaluate request body (Graph: conditionalaccessroot-evaluate).
// A named location stands for "a sign-in from there": an IP location gives its first host address, a country
// location gives its first country (the engine then matches by country, as Entra does for GPS/IP lookups).
import { AppError } from '../app-error';
import { formatIpAddress, parseCidr } from '../conditional-access/ip-address';
import {
  isCompliantNetworkNamedLocation,
  isCountryNamedLocation,
  isIpNamedLocation,
  type NamedLocation,
} from '../conditional-access/named-location-schema';
import type { WhatIfRequest } from '../conditional-access/what-if-request-schema';
import type { WhatIfState } from './simulator-url-state';

/** The first host address of the location's first range (network address + 1 when the prefix leaves room). */
export function addressInLocation(location: NamedLocation): string | null {
  if (!isIpNamedLocation(location)) return null;
  for (const range of location.ipRanges) {
    const cidr = parseCidr(range.cidrAddress);
    if (!cidr) continue;
    const bytes = Uint8Array.from(cidr.bytes);
    let bits = cidr.prefixLength;
    for (let i = 0; i < bytes.length; i++, bits -= 8) {
      const keep = bits >= 8 ? 0xff : bits <= 0 ? 0 : (0xff << (8 - bits)) & 0xff;
      bytes[i] = (bytes[i] ?? 0) & keep;
    }
    if (cidr.prefixLength < bytes.length * 8) bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) | 1;
    return formatIpAddress(bytes);
  }
  return null;
}

function missing(name: string, what: string): never {
  throw new AppError('INVALID_INPUT', `URL parameter "${name}": choose ${what}`, { source: 'url', path: name });
}

export function signInContextOf(
  state: Pick<WhatIfState, 'target' | 'app' | 'action' | 'context'>,
): WhatIfRequest['signInContext'] {
  if (state.target === 'userAction') {
    return {
      '@odata.type': '#microsoft.graph.userActionContext',
      userAction: state.action ?? missing('action', 'a user action'),
    };
  }
  if (state.target === 'authContext') {
    return {
      '@odata.type': '#microsoft.graph.authContext',
      authenticationContextValue: state.context ?? missing('context', 'an authentication context'),
    };
  }
  return {
    '@odata.type': '#microsoft.graph.applicationContext',
    includeApplications: [state.app ?? missing('app', 'an application')],
  };
}

export function whatIfRequestOf(state: WhatIfState, namedLocations: readonly NamedLocation[]): WhatIfRequest {
  const user = state.user ?? missing('user', 'a user');
  let ipAddress = state.ip;
  let country = state.country;
  let isCompliantNetwork = false;
  if (state.location) {
    const location = namedLocations.find((l) => l.id === state.location);
    if (!location)
      throw new AppError(
        'INVALID_INPUT',
        `URL parameter "location": "${state.location}" is not a named location of this policy set`,
        { source: 'url', path: 'location' },
      );
    if (isIpNamedLocation(location)) ipAddress = addressInLocation(location) ?? ipAddress;
    else if (isCountryNamedLocation(location)) country = location.countriesAndRegions[0]?.toUpperCase() ?? country;
    // A sign-in "from" the compliant network comes through Global Secure Access (how-to-compliant-network).
    else if (isCompliantNetworkNamedLocation(location)) isCompliantNetwork = true;
  }
  return {
    signInIdentity: { '@odata.type': '#microsoft.graph.userSignIn', userId: user },
    signInContext: signInContextOf(state),
    signInConditions: {
      ...(ipAddress !== undefined && { ipAddress }),
      ...(country !== undefined && { country }),
      ...(state.platform !== undefined && { devicePlatform: state.platform }),
      ...(state.client !== undefined && { clientAppType: state.client }),
      ...(state.signInRisk !== undefined && { signInRiskLevel: state.signInRisk }),
      ...(state.userRisk !== undefined && { userRiskLevel: state.userRisk }),
      ...(isCompliantNetwork && { isCompliantNetwork }),
    },
    appliedPoliciesOnly: false,
  };
}
