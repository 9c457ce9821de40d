// The dependency rule in ARCHITECTURE.md is enforced by ESLint; this test proves the rule fires, so a
// config change that silently disables it fails CI.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

describe('dependency rule', () => {
  it('forbids lib/ from importing Next.js, Prisma, next-auth, the server layer or node:fs', async () => {
    for (const source of [
      "import 'next/headers';",
      "import '@prisma/client';",
      "import 'next-auth';",
      "import '../../server/config';",
      "import 'node:fs';",
    ]) {
      expect(await ruleIds(`${source}\nexport const x = 1;\n`, 'lib/conditional-access/example.ts')).toContain(
        'no-restricted-imports',
      );
    }
  }, 60_000);

  it('forbids lib/ from reading process.env or the clock', async () => {
    expect(await ruleIds('export const x = process.env.FOO;\n', 'lib/example.ts')).toContain(
      'no-restricted-properties',
    );
    expect(await ruleIds('export const x = new Date();\n', 'lib/example.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds('export const x = Date.now();\n', 'lib/example.ts')).toContain('no-restricted-syntax');
  }, 60_000);

  it('allows the same imports in the server layer', async () => {
    expect(await ruleIds("import '@prisma/client';\nexport const x = 1;\n", 'server/example.ts')).not.toContain(
      'no-restricted-imports',
    );
  }, 60_000);
});
