// Deterministic synthetic tenant for the Conditional Access benchmark (issue 2): 100,000 users,
// 2,000 nested groups, 200 policies with a realistic mix of conditions, grants and strengths, and
// named locations. It produces the raw tenant *document* (Graph property names, as a file would
// hold), so the benchmark also exercises the engine's parser and compiler exactly as the CLI does.
// The mix is modelled on Microsoft's policy templates (concept-conditional-access-policy-common):
// MFA for all, admins with phishing-resistant strength, block legacy authentication, compliant
// devices for apps, risk-based policies, location-based exemptions.

import { createSeededRandom, type Defined, type SeededRandom } from './seeded-random';

export type SyntheticTenantSize = { users: number; groups: number; policies: number; applications: number };

export const benchmarkTenantSize: SyntheticTenantSize = {
  users: 100_000,
  groups: 2_000,
  policies: 200,
  applications: 60,
};

export const builtInStrengthIds = {
  mfa: '00000000-0000-0000-0000-000000000002',
  passwordlessMfa: '00000000-0000-0000-0000-000000000003',
  phishingResistantMfa: '00000000-0000-0000-0000-000000000004',
} as const;

/** Directory role template ids (Entra built-in roles reference). */
const roleTemplateIds = [
  '62e90394-69f5-4237-9190-012177145e10', // Global Administrator
  '194ae4cb-b126-40b2-bd5b-6091b380977d', // Security Administrator
  '729827e3-9c14-49f7-bb1b-9608f156bbb8', // Helpdesk Administrator
  'fe930be7-5e62-47db-91af-98c3a49a38b1', // User Administrator
  '29232cdf-9323-42fd-ade2-1d097af3e4de', // Exchange Administrator
  'b1be1c3e-b65d-4f19-8427-f6fa0d97feb9', // Conditional Access Administrator
  'c4e39bd9-1100-46d3-8c65-fb160da0071f', // Authentication Administrator
];

export const syntheticResetAppId = 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01';
export const syntheticServiceDeskAppId = 'b2e1d0c3-1c7f-4f10-9e4b-3a6c8d0f2e12';
const office365AppIds = ['00000002-0000-0ff1-ce00-000000000000', '00000003-0000-0ff1-ce00-000000000000'];

// Registered method sets and how common they are in a tenant midway through a passwordless rollout.
const methodProfiles: readonly (readonly [string[], number])[] = [
  [['password', 'microsoftAuthenticatorPush'], 40],
  [['password', 'microsoftAuthenticatorPush', 'deviceBasedPush'], 15],
  [['password', 'sms'], 10],
  [['password', 'sms', 'voice'], 3],
  [['password', 'softwareOath'], 4],
  [['password'], 6],
  [['password', 'fido2'], 8],
  [['password', 'windowsHelloForBusiness', 'microsoftAuthenticatorPush'], 10],
  [['password', 'fido2', 'windowsHelloForBusiness', 'deviceBasedPush'], 4],
  [['temporaryAccessPassOneTime'], 2], // new hires onboarding with a Temporary Access Pass
];

export function generateSyntheticTenant(size: SyntheticTenantSize = benchmarkTenantSize, seed = 20_251_125) {
  const random = createSeededRandom(seed);
  const domain = 'bench.test';

  const applications = [
    { appId: syntheticResetAppId, displayName: 'Verity password reset', appRoles: [] },
    { appId: syntheticServiceDeskAppId, displayName: 'Verity service desk', appRoles: [] },
    ...office365AppIds.map((appId, index) => ({ appId, displayName: `Office 365 service ${index}`, appRoles: [] })),
    ...Array.from({ length: size.applications - 4 }, (_, index) => ({
      appId: random.uuid(),
      displayName: `Line-of-business app ${index}`,
      appRoles: [],
    })),
  ];
  const appIds = applications.map((application) => application.appId);

  // Groups form a forest: the first tenth are roots, every other group hangs under an earlier one,
  // so nesting runs three to five levels deep as in real department / team / project trees.
  const groups = Array.from({ length: size.groups }, (_, index) => ({
    id: random.uuid(),
    displayName: `Group ${index}`,
    members: new Array<string>(),
  }));
  const rootCount = Math.max(1, Math.floor(size.groups / 10));
  for (let index = rootCount; index < groups.length; index += 1) {
    const parent = groups[random.int(index)];
    const child = groups[index];
    if (parent !== undefined && child !== undefined) parent.members.push(child.id);
  }
  const breakGlassGroup = groups[0];
  if (breakGlassGroup === undefined) throw new Error('a synthetic tenant needs at least one group');
  breakGlassGroup.displayName = 'Emergency access accounts';

  const ordinaryGroups = groups.slice(1);
  const users = Array.from({ length: size.users }, (_, index) => {
    const id = random.uuid();
    const isGuest = random.chance(0.05);
    const directGroups = random.pickSome(ordinaryGroups, 1 + random.int(3));
    for (const group of directGroups) group.members.push(id);
    const memberOf = directGroups.map((group) => group.id);
    const authenticationMethods = random.weighted(methodProfiles);
    return {
      id,
      userPrincipalName: isGuest ? `guest${index}_partner.test#EXT#@${domain}` : `user${index}@${domain}`,
      displayName: `${isGuest ? 'Guest' : 'User'} ${index}`,
      userType: isGuest ? 'Guest' : 'Member',
      memberOf,
      roles: random.chance(0.01) ? random.pickSome(roleTemplateIds, 1 + random.int(2)) : [],
      authenticationMethods,
      defaultSignInMethod: authenticationMethods.includes('deviceBasedPush') ? 'deviceBasedPush' : 'password',
    };
  });
  // Two break-glass accounts, excluded from most policies as Microsoft recommends.
  for (const user of users.slice(0, 2)) {
    user.memberOf = [breakGlassGroup.id];
    breakGlassGroup.members.push(user.id);
  }

  const namedLocations = [
    ...Array.from({ length: 30 }, (_, index) => ({
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      id: random.uuid(),
      displayName: `Office ${index}`,
      isTrusted: index < 20,
      ipRanges: [
        { '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: `10.${index}.0.0/16` },
        { '@odata.type': '#microsoft.graph.iPv4CidrRange', cidrAddress: `198.51.${index}.0/24` },
        { '@odata.type': '#microsoft.graph.iPv6CidrRange', cidrAddress: `2001:db8:${index.toString(16)}::/48` },
      ],
    })),
    ...[
      ['US', 'CA'],
      ['GB', 'IE'],
      ['DE', 'FR', 'NL'],
      ['KP', 'IR'],
      ['RU', 'BY'],
    ].map((countries, index) => ({
      '@odata.type': '#microsoft.graph.countryNamedLocation',
      id: random.uuid(),
      displayName: `Countries ${countries.join('/')}`,
      countriesAndRegions: countries,
      includeUnknownCountriesAndRegions: index >= 3,
      countryLookupMethod: 'clientIpAddress',
    })),
  ];

  const customStrength = {
    id: random.uuid(),
    displayName: 'Passkey or Authenticator',
    description: 'Custom strength for the service desk',
    policyType: 'custom',
    requirementsSatisfied: 'mfa',
    allowedCombinations: ['fido2', 'deviceBasedPush', 'password,microsoftAuthenticatorPush'],
    combinationConfigurations: [],
  };

  const context: PolicyContext = {
    random,
    appIds,
    groups,
    users,
    namedLocations,
    breakGlassGroupId: breakGlassGroup.id,
    customStrengthId: customStrength.id,
  };
  const conditionalAccessPolicies = Array.from({ length: size.policies }, (_, index) => generatePolicy(context, index));

  return {
    tenantId: '5e1b0c3a-7d2f-4a8e-b6c9-0f1e2d3c4b5a',
    domain,
    users,
    groups,
    applications,
    namedLocations,
    authenticationStrengthPolicies: [customStrength],
    conditionalAccessPolicies,
  };
}

type PolicyContext = {
  random: SeededRandom;
  appIds: string[];
  groups: { id: string }[];
  users: { id: string }[];
  namedLocations: { id: string }[];
  breakGlassGroupId: string;
  customStrengthId: string;
};

function generatePolicy(context: PolicyContext, index: number) {
  const { random } = context;
  const grant = random.weighted<GrantKind>([
    ['mfa', 35],
    ['strength-mfa', 10],
    ['strength-passwordless', 8],
    ['strength-phishing-resistant', 7],
    ['strength-custom', 3],
    ['block', 12],
    ['device', 15],
    ['password-change', 5],
    ['terms-of-use', 5],
  ]);
  const policy = {
    id: context.random.uuid(),
    templateId: null,
    displayName: `CA${String(index).padStart(3, '0')} ${grant}`,
    createdDateTime: '2025-01-15T09:30:00Z',
    modifiedDateTime: null,
    state: random.weighted([
      ['enabled', 70],
      ['enabledForReportingButNotEnforced', 20],
      ['disabled', 10],
    ] as const),
    sessionControls: random.chance(0.2)
      ? {
          disableResilienceDefaults: null,
          applicationEnforcedRestrictions: null,
          cloudAppSecurity: null,
          persistentBrowser: random.chance(0.5) ? { isEnabled: true, mode: 'never' } : null,
          signInFrequency: random.chance(0.3)
            ? {
                isEnabled: true,
                value: null,
                type: null,
                authenticationType: 'primaryAndSecondaryAuthentication',
                frequencyInterval: 'everyTime',
              }
            : {
                isEnabled: true,
                value: 1 + random.int(12),
                type: 'hours',
                authenticationType: 'primaryAndSecondaryAuthentication',
                frequencyInterval: 'timeBased',
              },
        }
      : null,
    conditions: {
      userRiskLevels: grant === 'password-change' ? ['high'] : [],
      signInRiskLevels: random.chance(0.08) ? random.pickSome(['low', 'medium', 'high'], 1 + random.int(2)) : [],
      clientAppTypes: random.chance(0.15) ? ['browser', 'mobileAppsAndDesktopClients'] : ['all'],
      servicePrincipalRiskLevels: [],
      platforms: random.chance(0.2)
        ? {
            includePlatforms: random.pickSome(['android', 'iOS', 'windows', 'macOS', 'linux'], 1 + random.int(3)),
            excludePlatforms: [],
          }
        : random.chance(0.05)
          ? { includePlatforms: ['all'], excludePlatforms: ['windows'] }
          : null,
      locations: generateLocations(context),
      devices: random.chance(0.05)
        ? { deviceFilter: { mode: random.pick(['include', 'exclude']), rule: random.pick(deviceRules) } }
        : null,
      clientApplications: null,
      times: null,
      applications: generateApplications(context),
      users: generateUsers(context),
    },
    grantControls: generateGrantControls(context, grant),
  };
  if (grant === 'block') narrowBlockPolicy(context, policy.conditions);
  return policy;
}

// Real block policies always carry a narrowing condition (Microsoft's templates: legacy authentication,
// countries the organisation does not operate in, high sign-in risk); an unconditional block of all users
// would lock the tenant and make every benchmark outcome a trivial "blocked".
function narrowBlockPolicy(
  { random, namedLocations }: PolicyContext,
  conditions: { clientAppTypes: string[]; locations: unknown; signInRiskLevels: string[] },
) {
  const kind = random.weighted([
    ['legacy', 50],
    ['countries', 30],
    ['risk', 20],
  ] as const);
  if (kind === 'legacy') conditions.clientAppTypes = ['exchangeActiveSync', 'other'];
  if (kind === 'countries')
    conditions.locations = {
      includeLocations: namedLocations.slice(-2).map((location) => location.id),
      excludeLocations: [],
    };
  if (kind === 'risk') conditions.signInRiskLevels = ['high'];
}

const deviceRules = [
  'device.trustType -eq "ServerAD"',
  'device.isCompliant -eq True -and device.operatingSystem -startsWith "Windows"',
  'device.displayName -contains "KIOSK" -or device.model -in ["Surface Laptop", "Surface Pro"]',
  '(device.manufacturer -ne "Contoso") -and (device.extensionAttribute1 -eq "privileged")',
];

type GrantKind =
  | 'mfa'
  | 'strength-mfa'
  | 'strength-passwordless'
  | 'strength-phishing-resistant'
  | 'strength-custom'
  | 'block'
  | 'device'
  | 'password-change'
  | 'terms-of-use';

function generateUsers({ random, groups, users, breakGlassGroupId }: PolicyContext) {
  const target = random.weighted([
    ['all', 40],
    ['groups', 38],
    ['roles', 10],
    ['guests', 5],
    ['users', 5],
    ['none', 2],
  ] as const);
  const some = <T extends Defined>(items: readonly T[], max: number) => random.pickSome(items, 1 + random.int(max));
  return {
    includeUsers:
      target === 'all'
        ? ['All']
        : target === 'guests'
          ? ['GuestsOrExternalUsers']
          : target === 'none'
            ? ['None']
            : target === 'users'
              ? some(users, 20).map((user) => user.id)
              : [],
    excludeUsers: random.chance(0.1) ? some(users, 5).map((user) => user.id) : [],
    includeGroups: target === 'groups' ? some(groups.slice(1), 5).map((group) => group.id) : [],
    excludeGroups: [
      breakGlassGroupId,
      ...(random.chance(0.3) ? some(groups.slice(1), 3).map((group) => group.id) : []),
    ],
    includeRoles: target === 'roles' ? some(roleTemplateIds, 4) : [],
    excludeRoles: random.chance(0.05) ? [random.pick(roleTemplateIds)] : [],
    includeGuestsOrExternalUsers: null,
    excludeGuestsOrExternalUsers: null,
  };
}

function generateApplications({ random, appIds }: PolicyContext) {
  const target = random.weighted([
    ['all', 40],
    ['apps', 48],
    ['office365', 6],
    ['userAction', 3],
    ['authContext', 3],
  ] as const);
  return {
    includeApplications:
      target === 'all'
        ? ['All']
        : target === 'office365'
          ? ['Office365']
          : target === 'apps'
            ? random.pickSome(appIds, 1 + random.int(5))
            : [],
    excludeApplications: target === 'all' && random.chance(0.3) ? random.pickSome(appIds, 1 + random.int(2)) : [],
    includeUserActions:
      target === 'userAction' ? [random.pick(['urn:user:registersecurityinfo', 'urn:user:registerdevice'])] : [],
    includeAuthenticationContextClassReferences: target === 'authContext' ? [`c${1 + random.int(5)}`] : [],
    applicationFilter: null,
  };
}

function generateLocations({ random, namedLocations }: PolicyContext) {
  const kind = random.weighted([
    ['none', 50],
    ['untrusted', 30],
    ['named', 15],
    ['excludeNamed', 5],
  ] as const);
  const some = () => random.pickSome(namedLocations, 1 + random.int(3)).map((location) => location.id);
  switch (kind) {
    case 'none':
      return null;
    case 'untrusted':
      return { includeLocations: ['All'], excludeLocations: ['AllTrusted'] };
    case 'named':
      return { includeLocations: some(), excludeLocations: [] };
    case 'excludeNamed':
      return { includeLocations: ['All'], excludeLocations: some() };
  }
}

function generateGrantControls({ random, customStrengthId }: PolicyContext, grant: GrantKind) {
  const base: {
    operator: string;
    builtInControls: string[];
    customAuthenticationFactors: never[];
    termsOfUse: string[];
    authenticationStrength: null | { id: string };
  } = {
    operator: 'OR',
    builtInControls: [],
    customAuthenticationFactors: [],
    termsOfUse: [],
    authenticationStrength: null,
  };
  const strength = (id: string) => ({ ...base, authenticationStrength: { id } });
  switch (grant) {
    case 'mfa':
      return {
        ...base,
        builtInControls: random.chance(0.2) ? ['mfa', 'compliantDevice'] : ['mfa'],
        operator: random.pick(['OR', 'AND']),
      };
    case 'strength-mfa':
      return strength(builtInStrengthIds.mfa);
    case 'strength-passwordless':
      return strength(builtInStrengthIds.passwordlessMfa);
    case 'strength-phishing-resistant':
      return strength(builtInStrengthIds.phishingResistantMfa);
    case 'strength-custom':
      return strength(customStrengthId);
    case 'block':
      return { ...base, builtInControls: ['block'] };
    case 'device':
      return { ...base, builtInControls: ['compliantDevice', 'domainJoinedDevice'], operator: 'OR' };
    case 'password-change':
      return { ...base, builtInControls: ['mfa', 'passwordChange'], operator: 'AND' };
    case 'terms-of-use':
      return {
        ...base,
        builtInControls: ['mfa'],
        termsOfUse: ['7f0d2c1e-3b4a-4c5d-8e6f-9a0b1c2d3e4f'],
        operator: 'AND',
      };
  }
}
