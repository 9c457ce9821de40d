// Graph's own CSDL as the referee (issue 15): every enum member the engine's schemas accept exists in Graph's v1.0
// enum, or is listed below as a known beta/preview or Verity value; every Graph member is accepted or knowingly
// refused; the engine's condition and grant property names are Graph's. Extract: fixtures/graph-metadata/.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import demoTenant from '../../fixtures/demo-tenant.json';
import extract from '../../fixtures/graph-metadata/graph-v1.0-extract.json';
import {
  authenticationStrengthForCreate,
  namedLocationForCreate,
  policyForCreate,
} from '../simulator/export-for-create';
import { analysisReasons } from './analysis-reason';
import { authenticationMethodModes } from './authentication-method-mode';
import { authenticationMethodConfigurationSchema, phoneMethodSchema } from './authentication-methods-policy-schema';
import { conformanceProblems, graphSchemaExtractSchema, propertiesOf } from './graph-schema-conformance';
import { parseTenant } from './parse-input';
import { countryNamedLocationSchema } from './named-location-schema';
import {
  builtInControlSchema,
  clientAppTypeSchema,
  conditionsSchema,
  conditionalAccessPolicySchema,
  devicePlatformSchema,
  grantControlsSchema,
  guestOrExternalUserTypeNames,
  riskLevelSchema,
  sessionControlsSchema,
} from './policy-schema';
import { signInConditionsSchema, userActionContextSchema } from './what-if-request-schema';

const graph = graphSchemaExtractSchema.parse(extract);

type Case = {
  graphEnum: string;
  engine: readonly string[];
  /** Engine values Graph v1.0 does not list, and why they are accepted. */
  beyondGraph?: Record<string, string>;
  /** Graph members the engine refuses, and why. */
  refused?: Record<string, string>;
};

// The engine's schemas read through zod's public classes: wrappers (optional, nullable, default) are unwrapped, and a
// schema that is not the expected kind fails the test, naming what it was.
function unwrapped(schema: unknown): unknown {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodNullable ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodPrefault ||
    schema instanceof z.ZodReadonly
  )
    return unwrapped(schema.unwrap());
  return schema;
}
const kindOf = (schema: unknown): string => (schema instanceof z.ZodType ? schema.def.type : typeof schema);
const options = (schema: unknown): string[] => {
  const inner = unwrapped(schema);
  if (!(inner instanceof z.ZodEnum)) throw new Error(`expected an enum, found ${kindOf(inner)}`);
  return inner.options.map(String);
};
const shapeOf = (schema: unknown): Record<string, unknown> => {
  const inner = unwrapped(schema);
  if (!(inner instanceof z.ZodObject)) throw new Error(`expected an object, found ${kindOf(inner)}`);
  return inner.shape;
};
const field = (schema: unknown, ...path: string[]): unknown =>
  path.reduce((s, key) => {
    const member = shapeOf(s)[key];
    if (member === undefined) throw new Error(`no ${key}`);
    return member;
  }, schema);

const elementOf = (schema: unknown): unknown => {
  const inner = unwrapped(schema);
  if (!(inner instanceof z.ZodArray)) throw new Error(`expected an array, found ${kindOf(inner)}`);
  return inner.element;
};

const cases: Case[] = [
  { graphEnum: 'riskLevel', engine: options(riskLevelSchema) },
  { graphEnum: 'conditionalAccessDevicePlatform', engine: options(devicePlatformSchema) },
  { graphEnum: 'conditionalAccessClientApp', engine: options(clientAppTypeSchema) },
  { graphEnum: 'conditionalAccessGrantControl', engine: options(builtInControlSchema) },
  { graphEnum: 'conditionalAccessPolicyState', engine: options(field(conditionalAccessPolicySchema, 'state')) },
  { graphEnum: 'authenticationMethodModes', engine: authenticationMethodModes },
  {
    graphEnum: 'whatIfAnalysisReasons',
    engine: analysisReasons,
    refused: {
      time: 'the engine is given no sign-in time: a policy with `times` lists it in unevaluatedConditions instead',
      unknownFutureValue: "Graph's evolvable-enum sentinel, never a reason",
    },
  },
  { graphEnum: 'conditionalAccessGuestOrExternalUserTypes', engine: guestOrExternalUserTypeNames },
  { graphEnum: 'insiderRiskLevel', engine: options(field(signInConditionsSchema, 'insiderRiskLevel')) },
  {
    graphEnum: 'conditionalAccessTransferMethods',
    engine: options(field(field(signInConditionsSchema, 'authenticationFlow'), 'transferMethod')),
  },
  { graphEnum: 'countryLookupMethodType', engine: options(field(countryNamedLocationSchema, 'countryLookupMethod')) },
  { graphEnum: 'signinFrequencyType', engine: options(field(sessionControlsSchema, 'signInFrequency', 'type')) },
  {
    graphEnum: 'signInFrequencyInterval',
    engine: options(field(sessionControlsSchema, 'signInFrequency', 'frequencyInterval')),
  },
  {
    graphEnum: 'persistentBrowserSessionMode',
    engine: options(field(sessionControlsSchema, 'persistentBrowser', 'mode')),
  },
  { graphEnum: 'userAction', engine: options(field(userActionContextSchema, 'userAction')) },
  { graphEnum: 'authenticationPhoneType', engine: options(field(phoneMethodSchema, 'phoneType')) },
  { graphEnum: 'authenticationMethodState', engine: options(field(authenticationMethodConfigurationSchema, 'state')) },
  {
    graphEnum: 'microsoftAuthenticatorAuthenticationMode',
    engine: options(
      field(elementOf(field(authenticationMethodConfigurationSchema, 'includeTargets')), 'authenticationMode'),
    ),
  },
  {
    graphEnum: 'authenticationMethodTargetType',
    engine: options(field(elementOf(field(authenticationMethodConfigurationSchema, 'includeTargets')), 'targetType')),
  },
];

describe("the engine's enums against Graph v1.0", () => {
  for (const c of cases) {
    it(`${c.graphEnum}: every accepted value is Graph's, every Graph member is accepted or knowingly refused`, () => {
      expect(c.engine.length, 'the engine schema exposes its values').toBeGreaterThan(0);
      const members = graph.enums[c.graphEnum];
      expect(members, `${c.graphEnum} missing from the extract`).toBeDefined();
      const beyond = c.engine.filter((v) => !members?.includes(v) && !(v in (c.beyondGraph ?? {})));
      const missing = (members ?? []).filter((m) => !c.engine.includes(m) && !(m in (c.refused ?? {})));
      expect({ beyond, missing }).toEqual({ beyond: [], missing: [] });
    });
  }
});

describe("the engine's property names are Graph's", () => {
  it('conditions, grant and session controls', () => {
    const beta = new Set(['agents', 'agentIdRiskLevels', 'times']); // Graph beta / preview (README)
    const names = (schema: unknown) => Object.keys(shapeOf(schema));
    const check = (schema: unknown, type: string, extra: Set<string> = new Set()) =>
      names(schema).filter((n) => !(n in propertiesOf(graph, type)) && !extra.has(n));
    expect(check(conditionsSchema, 'conditionalAccessConditionSet', beta)).toEqual([]);
    expect(check(grantControlsSchema, 'conditionalAccessGrantControls')).toEqual([]);
    expect(check(sessionControlsSchema, 'conditionalAccessSessionControls')).toEqual([]);
    expect(check(signInConditionsSchema, 'signInConditions', new Set(['isCompliantNetwork']))).toEqual([]);
  });
});

describe('the simulator exports conform to Graph v1.0', () => {
  it('every demo policy, named location and strength as the simulator exports it for create', () => {
    const tenant = parseTenant(demoTenant, 'demo-tenant.json');
    const problems = [
      ...tenant.conditionalAccessPolicies.flatMap((p, i) =>
        conformanceProblems(graph, 'conditionalAccessPolicy', policyForCreate(p), `$.policies[${i}]`),
      ),
      ...tenant.namedLocations.flatMap((l, i) =>
        conformanceProblems(graph, 'namedLocation', namedLocationForCreate(l), `$.namedLocations[${i}]`),
      ),
      ...tenant.authenticationStrengthPolicies.flatMap((s, i) =>
        conformanceProblems(
          graph,
          'authenticationStrengthPolicy',
          authenticationStrengthForCreate(s),
          `$.strengths[${i}]`,
        ),
      ),
    ];
    expect(problems).toEqual([]);
  });
});
