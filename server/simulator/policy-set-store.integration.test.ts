import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../lib/app-error';
import { parsePolicySetDocuments } from '../../lib/simulator/policy-set-documents';
import { setUpTestDatabase } from '../database/set-up-test-database';
import { addPolicySetVersion, createPolicySet, getPolicySetVersion, listPolicySets } from './policy-set-store';

const testDb = setUpTestDatabase();

const documents = parsePolicySetDocuments(
  { policies: JSON.parse(readFileSync('fixtures/demo-policies-export.json', 'utf8')) },
  () => 'unused',
);
const now = new Date('2026-11-26T01:00:00Z');

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
  return 'no error';
}

describe(`policy-set store (${process.env.TEST_DATABASE_URL ? 'configured database' : 'SQLite'})`, () => {
  it('stores a set as version 1 and reads it back identical', async () => {
    const { id, version } = await createPolicySet(testDb.db, {
      name: 'Demo',
      documents,
      createdBy: 'admin-1',
      comment: 'Imported',
      now,
    });
    expect(version).toBe(1);
    const stored = await getPolicySetVersion(testDb.db, id);
    expect(stored.policies).toEqual(documents.policies);
    expect(stored).toMatchObject({ policySetName: 'Demo', version: 1, createdBy: 'admin-1', comment: 'Imported' });
  });

  it('keeps every version: an edit is a new version and the old one stays readable', async () => {
    const { id } = await createPolicySet(testDb.db, {
      name: 'Versioned',
      documents,
      createdBy: 'admin-1',
      comment: '',
      now,
    });
    const edited = { ...documents, policies: documents.policies.slice(1) };
    expect(
      await addPolicySetVersion(testDb.db, {
        policySetId: id,
        documents: edited,
        createdBy: 'admin-2',
        comment: 'Removed one',
        now,
      }),
    ).toEqual({ version: 2 });
    const latest = await getPolicySetVersion(testDb.db, id);
    expect(latest.version).toBe(2);
    expect(latest.policies).toHaveLength(7);
    expect(latest.versions.map((v) => v.version)).toEqual([2, 1]);
    expect((await getPolicySetVersion(testDb.db, id, 1)).policies).toHaveLength(8);
    const listed = (await listPolicySets(testDb.db)).find((s) => s.id === id);
    expect(listed).toMatchObject({ latestVersion: 2, policyCount: 7 });
  });

  it('two concurrent saves both land, as consecutive versions', async () => {
    const { id } = await createPolicySet(testDb.db, {
      name: 'Concurrent',
      documents,
      createdBy: null,
      comment: '',
      now,
    });
    const saves = await Promise.all(
      [1, 2].map(() =>
        addPolicySetVersion(testDb.db, { policySetId: id, documents, createdBy: null, comment: '', now }),
      ),
    );
    expect(saves.map((s) => s.version).sort()).toEqual([2, 3]);
  });

  it('refuses a duplicate name (CONFLICT), an empty name (INVALID_INPUT) and unknown ids or versions (NOT_FOUND)', async () => {
    expect(
      await codeOf(createPolicySet(testDb.db, { name: ' Demo ', documents, createdBy: null, comment: '', now })),
    ).toBe('CONFLICT');
    expect(
      await codeOf(createPolicySet(testDb.db, { name: '   ', documents, createdBy: null, comment: '', now })),
    ).toBe('INVALID_INPUT');
    expect(await codeOf(getPolicySetVersion(testDb.db, 'no-such-set'))).toBe('NOT_FOUND');
    const { id } = (await listPolicySets(testDb.db))[0] ?? { id: '' };
    expect(await codeOf(getPolicySetVersion(testDb.db, id, 99))).toBe('NOT_FOUND');
    expect(
      await codeOf(
        addPolicySetVersion(testDb.db, { policySetId: 'no-such-set', documents, createdBy: null, comment: '', now }),
      ),
    ).toBe('NOT_FOUND');
  });

  it('a version row edited by hand is one storedDataInvalid error naming the column, not a SyntaxError', async () => {
    const { id } = await createPolicySet(testDb.db, {
      name: 'Corrupted',
      documents,
      createdBy: 'admin-1',
      comment: 'Imported',
      now,
    });
    const corrupt = async (data: Record<string, string>) =>
      testDb.db.policySetVersion.update({ where: { policySetId_version: { policySetId: id, version: 1 } }, data });
    const failureOf = async (promise: Promise<unknown>) =>
      promise.then(
        () => 'no error',
        (error: unknown) => error,
      );

    await corrupt({ policiesJson: '[{"id":' });
    expect(await failureOf(getPolicySetVersion(testDb.db, id))).toMatchObject({
      code: 'INTERNAL',
      details: { reason: 'storedDataInvalid', source: 'PolicySetVersion.policiesJson' },
    });

    await corrupt({ policiesJson: JSON.stringify(documents.policies), namedLocationsJson: '[{"id":1}]' });
    expect(await failureOf(getPolicySetVersion(testDb.db, id))).toMatchObject({
      code: 'INTERNAL',
      details: { reason: 'storedDataInvalid', source: 'PolicySetVersion.namedLocationsJson', storedPath: '$[0]' },
    });

    await corrupt({ namedLocationsJson: '[]', authenticationStrengthsJson: '{"value":[]}' });
    expect(await failureOf(getPolicySetVersion(testDb.db, id))).toMatchObject({
      details: { reason: 'storedDataInvalid', source: 'PolicySetVersion.authenticationStrengthsJson' },
    });
    await testDb.db.policySet.delete({ where: { id } });
  });

  it.each([
    ['text that is not JSON', '[{"id":'],
    ['JSON that is not a list of policies', '{"value":[]}'],
  ])(
    'one set whose stored policies are %s is marked in the list; the good sets are listed',
    async (_, policiesJson) => {
      const create = (name: string) =>
        createPolicySet(testDb.db, { name, documents, createdBy: null, comment: '', now });
      const good = await create(`Good ${policiesJson}`);
      const corrupt = await create(`Corrupt ${policiesJson}`);
      await testDb.db.policySetVersion.update({
        where: { policySetId_version: { policySetId: corrupt.id, version: 1 } },
        data: { policiesJson },
      });
      const listed = await listPolicySets(testDb.db);
      expect(listed.find((s) => s.id === good.id)).toMatchObject({
        latestVersion: 1,
        policyCount: documents.policies.length,
      });
      expect(listed.find((s) => s.id === corrupt.id)).toMatchObject({ latestVersion: 1, policyCount: null });
      // The set's own page still says exactly what is wrong.
      expect(await codeOf(getPolicySetVersion(testDb.db, corrupt.id))).toBe('INTERNAL');
      await testDb.db.policySet.deleteMany({ where: { id: { in: [good.id, corrupt.id] } } });
    },
  );
});
