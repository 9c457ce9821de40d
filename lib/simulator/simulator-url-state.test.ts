import demoTenantJson from '../../fixtures/demo-tenant.json';
import adeleRequestJson from '../../fixtures/requests/adele-reset-portal-home-network.json';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../app-error';
import { compileTenant } from '../conditional-access/compile-tenant';
import { parseTenant, parseWhatIfRequest } from '../conditional-access/parse-input';
import { evaluateWhatIf } from '../conditional-access/what-if';
import { decodeMatrixState, decodeWhatIfState, encodeState } from './simulator-url-state';
import { addressInLocation, whatIfRequestOf } from './what-if-request';

const tenantDocument = parseTenant(structuredClone(demoTenantJson), 'demo-tenant.json');
const tenant = compileTenant(tenantDocument);
const fromQuery = (query: string) => Object.fromEntries(new URLSearchParams(query));

describe('What-If and matrix URL state (shareable views)', () => {
  it('round-trips through the query string, leaving defaults out', () => {
    const state = decodeWhatIfState({
      user: 'adele.vance@contoso.test',
      app: 'a1',
      ip: '192.0.2.44',
      country: 'us',
      platform: 'windows',
      client: 'browser',
      signInRisk: 'none',
      userRisk: 'high',
      v: '3',
    });
    const query = encodeState(state);
    expect(query).not.toContain('target=');
    expect(decodeWhatIfState(fromQuery(query))).toEqual(state);
    expect(state.country).toBe('US');
    expect(decodeMatrixState(fromQuery('user=adele.vance%40contoso.test&app=a1&ignored=1'))).toEqual({
      user: 'adele.vance@contoso.test',
      app: 'a1',
    });
  });

  it('names the parameter of an edited, invalid URL', () => {
    for (const [query, name] of [
      ['ip=999.1.1.1', 'ip'],
      ['platform=amiga', 'platform'],
      ['context=c100&target=authContext', 'context'],
      ['v=-2', 'v'],
    ] as const) {
      try {
        decodeWhatIfState(fromQuery(query));
        throw new Error('expected INVALID_INPUT');
      } catch (error) {
        expect(isAppError(error) && error.code === 'INVALID_INPUT' && error.details.path === name).toBe(true);
      }
    }
  });

  it('builds the same request as the CLI fixture, so the page and verity-ca agree', () => {
    const fixture = parseWhatIfRequest(structuredClone(adeleRequestJson), 'fixture');
    const state = decodeWhatIfState({
      user: 'adele.vance@contoso.test',
      app: 'a1f0c9d2-0b6e-4e0f-8d3a-2f5b7c9e1d01',
      ip: '192.0.2.44',
      country: 'US',
      platform: 'windows',
      client: 'browser',
      signInRisk: 'none',
      userRisk: 'none',
    });
    const request = whatIfRequestOf(state, tenantDocument.namedLocations);
    expect(evaluateWhatIf(tenant, request)).toEqual(evaluateWhatIf(tenant, fixture));
  });

  it('turns a named location into an address inside it, or a country', () => {
    const hq = tenantDocument.namedLocations[0];
    expect(hq && addressInLocation(hq)).toBe('203.0.113.1');
    const fromHq = whatIfRequestOf(
      decodeWhatIfState({ user: 'adele.vance@contoso.test', app: 'x', location: hq?.id }),
      tenantDocument.namedLocations,
    );
    expect(fromHq.signInConditions.ipAddress).toBe('203.0.113.1');
    const countries = tenantDocument.namedLocations[2];
    const fromCountry = whatIfRequestOf(
      decodeWhatIfState({ user: 'adele.vance@contoso.test', app: 'x', location: countries?.id }),
      tenantDocument.namedLocations,
    );
    expect(fromCountry.signInConditions.country).toBe('KP');
    expect(() =>
      whatIfRequestOf(decodeWhatIfState({ user: 'a', app: 'x', location: 'nowhere' }), tenantDocument.namedLocations),
    ).toThrow(/named location/);
    expect(() => whatIfRequestOf(decodeWhatIfState({ app: 'x' }), [])).toThrow(/choose a user/);
  });
});
