// The demo documents come from the fixture files; a tenant file that is not JSON, or whose lists are not lists,
// is one storedDataInvalid error naming the file, not a SyntaxError in the "Load the demo policies" action.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoPolicyDocuments } from './demo-policy-documents';

function fixturesWith(tenantText: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'verity-demo-documents-'));
  copyFileSync('fixtures/demo-policies-export.json', path.join(folder, 'demo-policies-export.json'));
  writeFileSync(path.join(folder, 'demo-tenant.json'), tenantText);
  return folder;
}

describe('demoPolicyDocuments', () => {
  it('reads the demo tenant lists as Graph exports', async () => {
    const documents = await demoPolicyDocuments();
    expect(JSON.parse(documents.namedLocations).value.length).toBeGreaterThan(0);
    expect(JSON.parse(documents.policies)).toBeTruthy();
  });

  it.each(['{"namedLocations":', '{"namedLocations":{"id":"x"}}'])(
    'a tenant file %j is storedDataInvalid',
    async (text) => {
      await expect(demoPolicyDocuments(fixturesWith(text))).rejects.toMatchObject({
        code: 'INTERNAL',
        details: { reason: 'storedDataInvalid', source: 'fixtures/demo-tenant.json' },
      });
    },
  );
});
