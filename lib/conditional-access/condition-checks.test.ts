// Every condition of a policy, one describe each, with the behaviour Microsoft documents for it.
import { describe, expect, it } from 'vitest';
import {
  countryLocationId,
  exchangeOnlineId,
  globalAdministratorRoleId,
  otherAppId,
  policy,
  request,
  tenantWith,
  testAppId,
  trustedLocationId,
  untrustedLocationId,
} from './test-tenant';
import { evaluateWhatIf } from './what-if';
import type { WhatIfRequest } from './what-if-request-schema';

function reasonsFor(policies: Record<string, unknown>[], req: WhatIfRequest): string {
  const result = evaluateWhatIf(tenantWith(policies), req).value.find((p) => p.id === 'p1');
  if (!result) throw new Error('policy p1 missing');
  expect(result.policyApplies).toBe(result.analysisReasons === 'notSet');
  return result.analysisReasons;
}
const users = (u: Record<string, unknown>) => policy({ conditions: { users: u } });

describe('users condition (concept-conditional-access-users-groups)', () => {
  it('includes everyone with All, guests included', () => {
    expect(reasonsFor([users({ includeUsers: ['All'] })], request('u-guest'))).toBe('notSet');
  });
  it('includes no one with None', () => {
    expect(reasonsFor([users({ includeUsers: ['None'] })], request('u-member'))).toBe('users');
  });
  it('includes a user by id and not others', () => {
    expect(reasonsFor([users({ includeUsers: ['u-admin'] })], request('u-admin'))).toBe('notSet');
    expect(reasonsFor([users({ includeUsers: ['u-admin'] })], request('u-member'))).toBe('users');
  });
  it('applies a group to its nested members (and survives a membership cycle)', () => {
    // u-passwordless is in g-grandchild, nested in g-child, nested in g-parent; g-grandchild also contains g-parent.
    expect(reasonsFor([users({ includeGroups: ['g-parent'] })], request('u-passwordless'))).toBe('notSet');
    expect(reasonsFor([users({ includeGroups: ['g-grandchild'] })], request('u-passwordless'))).toBe('notSet');
    expect(reasonsFor([users({ includeGroups: ['g-parent'] })], request('u-admin'))).toBe('users');
  });
  it('counts user.memberOf as direct membership', () => {
    expect(reasonsFor([users({ includeGroups: ['g-child'] })], request('u-member'))).toBe('notSet');
  });
  it('targets directory roles by template id', () => {
    expect(reasonsFor([users({ includeRoles: [globalAdministratorRoleId] })], request('u-admin'))).toBe('notSet');
    expect(reasonsFor([users({ includeRoles: [globalAdministratorRoleId] })], request('u-member'))).toBe('users');
  });
  it('GuestsOrExternalUsers includes userType Guest only', () => {
    expect(reasonsFor([users({ includeUsers: ['GuestsOrExternalUsers'] })], request('u-guest'))).toBe('notSet');
    expect(reasonsFor([users({ includeUsers: ['GuestsOrExternalUsers'] })], request('u-member'))).toBe('users');
  });
  it('distinguishes B2B collaboration guests from local guests', () => {
    const b2b = users({
      includeGuestsOrExternalUsers: {
        guestOrExternalUserTypes: 'b2bCollaborationGuest',
        externalTenants: { membershipKind: 'all' },
      },
    });
    expect(reasonsFor([b2b], request('u-guest'))).toBe('notSet');
    expect(reasonsFor([b2b], request('u-local-guest'))).toBe('users');
    const local = users({ includeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'internalGuest' } });
    expect(reasonsFor([local], request('u-local-guest'))).toBe('notSet');
  });
  it('exclusion beats inclusion for users, groups, roles and guests', () => {
    expect(reasonsFor([users({ includeUsers: ['All'], excludeUsers: ['u-member'] })], request('u-member'))).toBe(
      'users',
    );
    expect(
      reasonsFor([users({ includeUsers: ['u-passwordless'], excludeGroups: ['g-parent'] })], request('u-passwordless')),
    ).toBe('users');
    expect(
      reasonsFor(
        [users({ includeRoles: [globalAdministratorRoleId], excludeRoles: [globalAdministratorRoleId] })],
        request('u-admin'),
      ),
    ).toBe('users');
    expect(
      reasonsFor(
        [
          users({
            includeUsers: ['All'],
            excludeGuestsOrExternalUsers: { guestOrExternalUserTypes: 'b2bCollaborationGuest' },
          }),
        ],
        request('u-guest'),
      ),
    ).toBe('users');
  });
  it('accepts a UPN (any case) as signInIdentity.userId', () => {
    expect(reasonsFor([users({ includeUsers: ['u-admin'] })], request('ADMIN@contoso.test'))).toBe('notSet');
  });
});

describe('target resources (concept-conditional-access-cloud-apps)', () => {
  const apps = (a: Record<string, unknown>) => policy({ conditions: { applications: a } });
  const forApp = (appId: string) =>
    request('u-member', {}, { '@odata.type': '#microsoft.graph.applicationContext', includeApplications: [appId] });
  it('All includes any application, None none', () => {
    expect(reasonsFor([apps({ includeApplications: ['All'] })], forApp(otherAppId))).toBe('notSet');
    expect(reasonsFor([apps({ includeApplications: ['None'] })], forApp(otherAppId))).toBe('application');
  });
  it('an excluded application is not targeted even under All', () => {
    expect(
      reasonsFor([apps({ includeApplications: ['All'], excludeApplications: [otherAppId] })], forApp(otherAppId)),
    ).toBe('application');
    expect(
      reasonsFor([apps({ includeApplications: ['All'], excludeApplications: [otherAppId] })], forApp(testAppId)),
    ).toBe('notSet');
  });
  it('Office365 covers Exchange Online', () => {
    expect(reasonsFor([apps({ includeApplications: ['Office365'] })], forApp(exchangeOnlineId))).toBe('notSet');
    expect(reasonsFor([apps({ includeApplications: ['Office365'] })], forApp(testAppId))).toBe('application');
    expect(
      reasonsFor(
        [apps({ includeApplications: ['All'], excludeApplications: ['Office365'] })],
        forApp(exchangeOnlineId),
      ),
    ).toBe('application');
  });
  it('user actions match their own action; only "All resources" policies also cover security-info registration', () => {
    const register = request(
      'u-member',
      {},
      { '@odata.type': '#microsoft.graph.userActionContext', userAction: 'registerSecurityInformation' },
    );
    expect(reasonsFor([apps({ includeUserActions: ['urn:user:registersecurityinfo'] })], register)).toBe('notSet');
    expect(reasonsFor([apps({ includeUserActions: ['urn:user:registerdevice'] })], register)).toBe('userActions');
    expect(reasonsFor([apps({ includeApplications: ['All'] })], register)).toBe('notSet');
    expect(reasonsFor([apps({ includeApplications: [testAppId] })], register)).toBe('userActions');
    expect(reasonsFor([apps({ includeUserActions: ['urn:user:registersecurityinfo'] })], forApp(testAppId))).toBe(
      'application',
    );
  });
  it('authentication contexts c1..c99 match by value', () => {
    const c1 = request(
      'u-member',
      {},
      { '@odata.type': '#microsoft.graph.authContext', authenticationContextValue: 'c1' },
    );
    expect(reasonsFor([apps({ includeAuthenticationContextClassReferences: ['c1'] })], c1)).toBe('notSet');
    expect(reasonsFor([apps({ includeAuthenticationContextClassReferences: ['c2'] })], c1)).toBe(
      'authenticationContext',
    );
  });
});

describe('network location (location-condition)', () => {
  const loc = (include: string[], exclude: string[] = []) =>
    policy({ conditions: { locations: { includeLocations: include, excludeLocations: exclude } } });
  it('All includes any IP, and excluding AllTrusted exempts trusted named locations (IPv4 and IPv6)', () => {
    expect(reasonsFor([loc(['All'], ['AllTrusted'])], request('u-member', { ipAddress: '192.0.2.10' }))).toBe('notSet');
    expect(reasonsFor([loc(['All'], ['AllTrusted'])], request('u-member', { ipAddress: '203.0.113.77' }))).toBe(
      'location',
    );
    expect(reasonsFor([loc(['All'], ['AllTrusted'])], request('u-member', { ipAddress: '2001:db8:1::5' }))).toBe(
      'location',
    );
  });
  it('an untrusted named location is not part of AllTrusted', () => {
    expect(reasonsFor([loc(['All'], ['AllTrusted'])], request('u-member', { ipAddress: '198.51.100.9' }))).toBe(
      'notSet',
    );
    expect(reasonsFor([loc([untrustedLocationId])], request('u-member', { ipAddress: '198.51.100.9' }))).toBe('notSet');
    expect(reasonsFor([loc([untrustedLocationId])], request('u-member', { ipAddress: '198.51.101.9' }))).toBe(
      'location',
    );
  });
  it('includes a specific trusted location only from inside it', () => {
    expect(reasonsFor([loc([trustedLocationId])], request('u-member', { ipAddress: '203.0.113.1' }))).toBe('notSet');
    expect(reasonsFor([loc(['AllTrusted'])], request('u-member', { ipAddress: '192.0.2.1' }))).toBe('location');
  });
  it('matches country locations by the country given, unknown countries only when included', () => {
    expect(reasonsFor([loc([countryLocationId])], request('u-member', { country: 'FR' }))).toBe('notSet');
    expect(reasonsFor([loc([countryLocationId])], request('u-member', { country: 'DE' }))).toBe('location');
    expect(reasonsFor([loc([countryLocationId])], request('u-member', {}))).toBe('location');
  });
  it('an excluded location wins over All', () => {
    expect(reasonsFor([loc(['All'], [countryLocationId])], request('u-member', { country: 'fr' }))).toBe('location');
  });
});

describe('device platforms (concept-conditional-access-conditions)', () => {
  const plat = (include: string[], exclude: string[] = []) =>
    policy({ conditions: { platforms: { includePlatforms: include, excludePlatforms: exclude } } });
  it('matches an included platform and not an excluded one', () => {
    expect(reasonsFor([plat(['android', 'iOS'])], request('u-member', { devicePlatform: 'iOS' }))).toBe('notSet');
    expect(reasonsFor([plat(['android', 'iOS'])], request('u-member', { devicePlatform: 'windows' }))).toBe(
      'devicePlatform',
    );
    expect(reasonsFor([plat(['all'], ['windows'])], request('u-member', { devicePlatform: 'windows' }))).toBe(
      'devicePlatform',
    );
  });
  it('"all" minus supported platforms catches an unknown platform (the documented block pattern)', () => {
    expect(reasonsFor([plat(['all'], ['windows', 'iOS'])], request('u-member', { devicePlatform: undefined }))).toBe(
      'notSet',
    );
    expect(reasonsFor([plat(['windows'])], request('u-member', { devicePlatform: undefined }))).toBe('devicePlatform');
  });
});

describe('client apps (concept-conditional-access-conditions)', () => {
  const clients = (types: string[]) => policy({ conditions: { clientAppTypes: types } });
  it('targets legacy clients without touching modern ones', () => {
    expect(
      reasonsFor(
        [clients(['exchangeActiveSync', 'other'])],
        request('u-member', { clientAppType: 'exchangeActiveSync' }),
      ),
    ).toBe('notSet');
    expect(
      reasonsFor([clients(['exchangeActiveSync', 'other'])], request('u-member', { clientAppType: 'other' })),
    ).toBe('notSet');
    expect(
      reasonsFor([clients(['exchangeActiveSync', 'other'])], request('u-member', { clientAppType: 'browser' })),
    ).toBe('clientApps');
    expect(reasonsFor([clients(['exchangeActiveSync', 'other'])], request('u-member', { clientAppType: 'all' }))).toBe(
      'clientApps',
    );
  });
  it('"all" (the default) applies to every client app type', () => {
    expect(reasonsFor([clients(['all'])], request('u-member', { clientAppType: 'other' }))).toBe('notSet');
    expect(
      reasonsFor(
        [policy({ conditions: { clientAppTypes: [] } })],
        request('u-member', { clientAppType: 'mobileAppsAndDesktopClients' }),
      ),
    ).toBe('notSet');
  });
  it('browser-only policies skip desktop clients', () => {
    expect(
      reasonsFor([clients(['browser'])], request('u-member', { clientAppType: 'mobileAppsAndDesktopClients' })),
    ).toBe('clientApps');
  });
});

describe('risk conditions (concept-conditional-access-conditions)', () => {
  it('sign-in risk must be one of the configured levels; the request default is none', () => {
    const p = policy({ conditions: { signInRiskLevels: ['high', 'medium'] } });
    expect(reasonsFor([p], request('u-member', { signInRiskLevel: 'high' }))).toBe('notSet');
    expect(reasonsFor([p], request('u-member', { signInRiskLevel: 'low' }))).toBe('signInRisk');
    expect(reasonsFor([p], request('u-member'))).toBe('signInRisk');
  });
  it('user risk likewise', () => {
    const p = policy({ conditions: { userRiskLevels: ['high'] } });
    expect(reasonsFor([p], request('u-member', { userRiskLevel: 'high' }))).toBe('notSet');
    expect(reasonsFor([p], request('u-member', { userRiskLevel: 'medium' }))).toBe('userRisk');
  });
  it('lists every unmet condition, comma separated, in Graph order', () => {
    const p = policy({
      conditions: { users: { includeUsers: ['None'] }, userRiskLevels: ['high'], signInRiskLevels: ['high'] },
    });
    expect(reasonsFor([p], request('u-member'))).toBe('users,signInRisk,userRisk');
  });
});

describe('filter for devices (concept-condition-filters-for-devices)', () => {
  const filter = (mode: string, rule: string) => policy({ conditions: { devices: { deviceFilter: { mode, rule } } } });
  const device = (info: Record<string, unknown> | undefined) => request('u-member', { deviceInfo: info });
  it('include mode applies to matching devices only', () => {
    expect(reasonsFor([filter('include', 'device.trustType -eq "ServerAD"')], device({ trustType: 'ServerAD' }))).toBe(
      'notSet',
    );
    expect(reasonsFor([filter('include', 'device.trustType -eq "ServerAD"')], device({ trustType: 'AzureAD' }))).toBe(
      'devices',
    );
  });
  it('exclude mode skips matching devices (the documented SAW example)', () => {
    const saw = filter('exclude', 'device.extensionAttribute1 -eq "SAW"');
    expect(reasonsFor([saw], device({ extensionAttribute1: 'SAW' }))).toBe('devices');
    expect(reasonsFor([saw], device({ extensionAttribute1: 'Laptop' }))).toBe('notSet');
  });
  it('an unregistered device (no device info) has null properties: positive include filters miss it, exclude filters keep the policy', () => {
    expect(reasonsFor([filter('include', 'device.isCompliant -eq True')], device(undefined))).toBe('devices');
    expect(reasonsFor([filter('exclude', 'device.isCompliant -eq True')], device(undefined))).toBe('notSet');
  });
  it('negative operators match an unregistered device', () => {
    expect(
      reasonsFor([filter('include', 'device.extensionAttribute2 -ne "TeamsPhoneDevice"')], device(undefined)),
    ).toBe('notSet');
    expect(
      reasonsFor([filter('exclude', 'device.extensionAttribute2 -ne "TeamsPhoneDevice"')], device(undefined)),
    ).toBe('devices');
  });
});

describe('authentication flows (concept-authentication-flows)', () => {
  it('targets device code flow only when the request uses it', () => {
    const p = policy({ conditions: { authenticationFlows: { transferMethods: 'deviceCodeFlow' } } });
    expect(reasonsFor([p], request('u-member', { authenticationFlow: { transferMethod: 'deviceCodeFlow' } }))).toBe(
      'notSet',
    );
    expect(
      reasonsFor([p], request('u-member', { authenticationFlow: { transferMethod: 'authenticationTransfer' } })),
    ).toBe('authenticationFlow');
    expect(reasonsFor([p], request('u-member'))).toBe('authenticationFlow');
  });
});

describe('policy state and validity (concept-conditional-access-report-only)', () => {
  it('a disabled policy never applies and says policyNotEnabled', () => {
    expect(reasonsFor([policy({ state: 'disabled' })], request())).toBe('policyNotEnabled');
  });
  it('a report-only policy applies in What-If', () => {
    expect(reasonsFor([policy({ state: 'enabledForReportingButNotEnforced' })], request())).toBe('notSet');
  });
  it('mfa with an authentication strength is an invalid policy', () => {
    const p = policy({
      grantControls: {
        operator: 'OR',
        builtInControls: ['mfa'],
        authenticationStrength: { id: '00000000-0000-0000-0000-000000000002' },
      },
    });
    expect(reasonsFor([p], request())).toBe('invalidPolicy');
  });
  it('a policy with no controls is empty', () => {
    expect(reasonsFor([policy({ grantControls: null })], request())).toBe('emptyPolicy');
  });
});
