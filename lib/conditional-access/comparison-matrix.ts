// The simulator's matrix (issue 2, item 6): for one user and app, every standard flow against four scenarios:
// a trusted network vs any other network, each with a normal sign-in and a forgotten password. The trusted
// address is taken from the first trusted IP named location; the other address lies in no IP named location.
// What each column changes, and nothing else (issue 15): the network columns replace only `ipAddress`; the
// "password forgotten" columns only mark the password unusable. Every other signal of the request (country,
// platform, client app, risk, device, authentication flow, compliant network) is kept, so a cell answers the same
// as `flow` with that request and that address: a country allow-list policy gives the same answer in both.
import { sentence, type EngineText } from './engine-text';
import type { CompiledTenant } from './compiled-model';
import { formatIpAddress, isAddressInRange, parseIpAddress, type IpAddress } from './ip-address';
import { evaluateSignInFlow, type SignInOutcome, type SignInReason } from './sign-in-flow';
import { standardSignInFlows, type StandardSignInFlow } from './standard-flows';
import type { WhatIfRequest } from './what-if-request-schema';

export type MatrixScenario = {
  id: 'trustedNetwork' | 'trustedNetworkPasswordForgotten' | 'anyNetwork' | 'anyNetworkPasswordForgotten';
  label: string;
  ipAddress: string | null;
  passwordForgotten: boolean;
};

export type MatrixCell = {
  outcome: SignInOutcome | 'notApplicable';
  reasons: SignInReason[];
  summary: string;
  /** `summary` as a code with parameters (engine-text.ts), for translated pages. */
  summaryText: EngineText;
  appliedPolicyIds: string[];
};

export type ComparisonMatrix = {
  userId: string;
  userPrincipalName: string;
  scenarios: MatrixScenario[];
  rows: { flow: StandardSignInFlow; cells: MatrixCell[] }[];
};

export type ComparisonMatrixOptions = {
  flows?: readonly StandardSignInFlow[];
  trustedIpAddress?: string;
  otherIpAddress?: string;
};

function isInAnyIpLocation(tenant: CompiledTenant, address: IpAddress): boolean {
  return tenant.namedLocations.some((l) => l.kind === 'ip' && l.ranges.some((r) => isAddressInRange(address, r)));
}

/** An address inside the first trusted IP range (network address + 1 where the prefix leaves room). */
export function pickTrustedIpAddress(tenant: CompiledTenant): string | null {
  for (const location of tenant.namedLocations) {
    if (!location.isTrusted) continue;
    for (const range of location.ranges) {
      const bytes = Uint8Array.from(range.bytes);
      // Clear host bits, then step to the first host when the range has one.
      let bits = range.prefixLength;
      for (let i = 0; i < bytes.length; i++, bits -= 8) {
        const keep = bits >= 8 ? 0xff : bits <= 0 ? 0 : (0xff << (8 - bits)) & 0xff;
        bytes[i] = (bytes[i] ?? 0) & keep;
      }
      if (range.prefixLength < bytes.length * 8) bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) | 1;
      if (isAddressInRange(bytes, range)) return formatIpAddress(bytes);
    }
  }
  return null;
}

/** A public-looking address in no named location (documentation ranges first). */
export function pickUntrustedIpAddress(tenant: CompiledTenant): string {
  const candidates = ['192.0.2.44', '198.51.100.200', '203.0.113.200', '100.64.10.10', '8.8.8.8', '2001:db8:ffff::44'];
  for (const candidate of candidates) {
    const address = parseIpAddress(candidate);
    if (address && !isInAnyIpLocation(tenant, address)) return candidate;
  }
  return '240.0.0.1';
}

export function buildComparisonMatrix(
  tenant: CompiledTenant,
  request: WhatIfRequest,
  options: ComparisonMatrixOptions = {},
): ComparisonMatrix {
  const trusted = options.trustedIpAddress ?? pickTrustedIpAddress(tenant);
  const other = options.otherIpAddress ?? pickUntrustedIpAddress(tenant);
  const scenarios: MatrixScenario[] = [
    { id: 'trustedNetwork', label: 'Trusted network', ipAddress: trusted, passwordForgotten: false },
    {
      id: 'trustedNetworkPasswordForgotten',
      label: 'Trusted network, password forgotten',
      ipAddress: trusted,
      passwordForgotten: true,
    },
    { id: 'anyNetwork', label: 'Any other network', ipAddress: other, passwordForgotten: false },
    {
      id: 'anyNetworkPasswordForgotten',
      label: 'Any other network, password forgotten',
      ipAddress: other,
      passwordForgotten: true,
    },
  ];
  let userId = '';
  let userPrincipalName = '';
  const rows = (options.flows ?? standardSignInFlows).map((flow) => ({
    flow,
    cells: scenarios.map((scenario): MatrixCell => {
      if (scenario.ipAddress === null) {
        return {
          outcome: 'notApplicable',
          reasons: [],
          ...summaryOf(sentence('matrix.noTrustedLocation')),
          appliedPolicyIds: [],
        };
      }
      const conditions = { ...(request.signInConditions ?? {}), ipAddress: scenario.ipAddress };
      const result = evaluateSignInFlow(
        tenant,
        { ...request, signInConditions: conditions },
        {
          methods: flow.methods,
          passwordForgotten: scenario.passwordForgotten,
        },
      );
      userId = result.user.id;
      userPrincipalName = result.user.userPrincipalName;
      const primary = result.reasons[0];
      return {
        outcome: result.outcome,
        reasons: result.reasons,
        ...summaryOf(primary ?? sentence(`outcome.${result.outcome}`)),
        appliedPolicyIds: result.appliedPolicies
          .filter((p) => p.result !== 'notApplied' && p.result !== 'notEnabled' && p.result !== 'reportOnlyNotApplied')
          .map((p) => p.id),
      };
    }),
  }));
  return { userId, userPrincipalName, scenarios, rows };
}

function summaryOf(said: { message: string; text: EngineText }): { summary: string; summaryText: EngineText } {
  return { summary: said.message, summaryText: said.text };
}
