import demoTenantJson from '../../fixtures/demo-tenant.json';
import demoExportJson from '../../fixtures/demo-policies-export.json';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isAppError } from '../app-error';
import { isRecord } from '../is-record';
import { multifactorStrengthId, passwordlessStrengthId } from '../conditional-access/built-in-authentication-strengths';
import { exportForCreate, policyForCreate } from './export-for-create';
import { parsePolicySetDocuments, parseSinglePolicy } from './policy-set-documents';

const demoExport = z
  .looseObject({ value: z.array(z.record(z.string(), z.unknown())) })
  .parse(structuredClone(demoExportJson));
const demoTenant = z.looseObject({ namedLocations: z.array(z.unknown()) }).parse(structuredClone(demoTenantJson));
let counter = 0;
const newId = () => `new-${++counter}`;

/** The object itself (not a copy), so a test can break one field of a fixture in place. */
function record(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return value;
}

function errorOf(run: () => unknown): { message: string; path?: string } {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return { message: error.message, path: error.details.path };
    throw error;
  }
  throw new Error('expected an INVALID_INPUT error');
}

describe('parsePolicySetDocuments (import)', () => {
  it('accepts the demo Graph export with its named locations', () => {
    const documents = parsePolicySetDocuments(
      { policies: demoExport, namedLocations: demoTenant.namedLocations },
      newId,
    );
    expect(documents.policies).toHaveLength(8);
    expect(documents.namedLocations).toHaveLength(3);
    expect(documents.policies[0]?.displayName).toBe('MFA except on trusted networks');
  });

  it('names the JSON path of a bad value (engine parser)', () => {
    const broken = structuredClone(demoExport);
    record(broken.value[2]).state = 'on';
    expect(errorOf(() => parsePolicySetDocuments({ policies: broken }, newId))).toMatchObject({
      path: '$.value[2].state',
    });
    expect(errorOf(() => parsePolicySetDocuments({ policies: { policies: [] } }, newId)).message).toContain(
      'expected a Graph export',
    );
  });

  it('refuses mfa together with an authentication strength, as Entra does on create', () => {
    const broken = structuredClone(demoExport);
    record(record(broken.value[1]).grantControls).builtInControls = ['mfa'];
    const error = errorOf(() => parsePolicySetDocuments({ policies: broken }, newId));
    expect(error.path).toBe('$.value[1].grantControls');
    expect(error.message).toContain('cannot be required by one policy');
  });

  it('refuses block combined with another control, an unknown strength id, a policy targeting no users, duplicate ids', () => {
    const base: Record<string, unknown> = { id: 'p1', ...policyForCreate(parseSinglePolicy(demoExport.value[0], [])) };
    expect(
      errorOf(() =>
        parseSinglePolicy({ ...base, grantControls: { operator: 'OR', builtInControls: ['block', 'mfa'] } }, []),
      ).path,
    ).toBe('$.grantControls.builtInControls');
    expect(
      errorOf(() =>
        parseSinglePolicy(
          { ...base, grantControls: { operator: 'OR', builtInControls: [], authenticationStrength: { id: 'nope' } } },
          [],
        ),
      ).path,
    ).toBe('$.grantControls.authenticationStrength.id');
    const noUsers = { ...base, conditions: { ...record(base.conditions), users: { includeUsers: [] } } };
    expect(errorOf(() => parseSinglePolicy(noUsers, [])).path).toBe('$.conditions.users');
    expect(errorOf(() => parseSinglePolicy({ ...base, state: 'on' }, [])).path).toBe('$.state');
    const twice = { value: [demoExport.value[0], demoExport.value[0]] };
    expect(errorOf(() => parsePolicySetDocuments({ policies: twice }, newId)).path).toBe('$.value[1].id');
  });
});

describe('exportForCreate', () => {
  it('strips read-only fields and reduces an expanded strength to its id', () => {
    const documents = parsePolicySetDocuments(
      { policies: demoExport, namedLocations: demoTenant.namedLocations },
      newId,
    );
    const exported = exportForCreate('policies', documents).value;
    for (const body of exported) {
      for (const key of ['id', 'createdDateTime', 'modifiedDateTime', 'templateId'])
        expect(body).not.toHaveProperty(key);
    }
    const grant = record(exported[1]?.grantControls);
    expect(grant.authenticationStrength).toEqual({ id: passwordlessStrengthId });
    expect(Object.keys(grant).some((k) => k.includes('@odata'))).toBe(false);
    const locations = exportForCreate('namedLocations', documents).value;
    expect(locations[0]).toMatchObject({
      '@odata.type': '#microsoft.graph.ipNamedLocation',
      displayName: 'Contoso HQ',
    });
    expect(locations[0]).not.toHaveProperty('id');
  });

  it('export then re-import gives the same policies (ids assigned on import)', () => {
    const documents = parsePolicySetDocuments({ policies: demoExport }, newId);
    const once = exportForCreate('policies', documents);
    const reimported = parsePolicySetDocuments({ policies: JSON.parse(JSON.stringify(once)) }, newId);
    expect(reimported.policies.every((p) => p.id.startsWith('new-'))).toBe(true);
    expect(exportForCreate('policies', reimported)).toEqual(once);
  });

  it('keeps only custom strengths, without computed fields', () => {
    const custom = {
      id: 'c1',
      displayName: 'Passkeys only',
      policyType: 'custom',
      requirementsSatisfied: 'mfa',
      allowedCombinations: ['fido2'],
      createdDateTime: '2024-01-01T00:00:00Z',
    };
    const builtIn = {
      id: multifactorStrengthId,
      displayName: 'MFA',
      policyType: 'builtIn',
      allowedCombinations: ['fido2'],
    };
    const documents = parsePolicySetDocuments({ policies: [], authenticationStrengths: [custom, builtIn] }, newId);
    expect(exportForCreate('authenticationStrengths', documents).value).toEqual([
      { displayName: 'Passkeys only', allowedCombinations: ['fido2'] },
    ]);
  });
});
