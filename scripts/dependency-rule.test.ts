// The dependency rule in ARCHITECTURE.md is enforced by ESLint; this test proves each row fires, so a
// config change that silently disables one fails CI.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

const importing = (source: string) => `import * as imported from '${source}';\nexport const x = imported;\n`;

describe('dependency rule: lib/ is an allow-list', () => {
  it.each(['next/headers', '@prisma/client', 'next-auth', 'pino', 'ioredis', '../../server/config', '@/server/config'])(
    'lib/ may not import %s',
    async (source) => {
      expect(await ruleIds(importing(source), 'lib/conditional-access/example.ts')).toContain(
        'import/no-restricted-paths',
      );
    },
    60_000,
  );

  it.each(['node:fs', 'node:crypto', 'fs', 'path'])('lib/ may not import the Node built-in %s', async (source) => {
    expect(await ruleIds(importing(source), 'lib/conditional-access/example.ts')).toContain('no-restricted-imports');
  });

  it('lib/ may import lib/, the message files and zod', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { AppError } from '../app-error';",
      "import { translate } from '@/lib/i18n/translate';",
      "import en from '../../messages/en/common.json';",
      'export const x = [z, AppError, translate, en];',
      '',
    ].join('\n');
    expect(await ruleIds(code, 'lib/reset/example.ts')).toEqual([]);
  }, 60_000);

  it('lib/ tests may also use vitest, fast-check, fixtures and bench', async () => {
    const code = [
      "import { it } from 'vitest';",
      "import fc from 'fast-check';",
      "import tenant from '../../fixtures/demo-tenant.json';",
      'export const x = [it, fc, tenant];',
      '',
    ].join('\n');
    expect(await ruleIds(code, 'lib/reset/example.test.ts')).toEqual([]);
  }, 60_000);

  it('forbids lib/ from reading process.env or the clock', async () => {
    expect(await ruleIds('export const x = process.env.FOO;\n', 'lib/example.ts')).toContain(
      'no-restricted-properties',
    );
    expect(await ruleIds('export const x = new Date();\n', 'lib/example.ts')).toContain('no-restricted-syntax');
    expect(await ruleIds('export const x = Date.now();\n', 'lib/example.ts')).toContain('no-restricted-syntax');
  }, 60_000);
});

describe('dependency rule: the other rows', () => {
  it('server/ may not import app/ (tests may: they drive the route handlers)', async () => {
    const code = importing('@/app/api/health/route');
    expect(await ruleIds(code, 'server/reset/example.ts')).toContain('import/no-restricted-paths');
    expect(await ruleIds(code, 'server/reset/example.test.ts')).not.toContain('import/no-restricted-paths');
  }, 60_000);

  it.each(['../server/config', '../app/layout', '../mock-idp/main', '../dev-sink/main'])(
    'cli/ may not import %s',
    async (source) => {
      expect(await ruleIds(importing(source), 'cli/example.ts')).toContain('import/no-restricted-paths');
    },
    60_000,
  );

  it('cli/ may import lib/ and Node built-ins', async () => {
    const code =
      "import fs from 'node:fs';\nimport { AppError } from '../lib/app-error';\nexport const x = [fs, AppError];\n";
    expect(await ruleIds(code, 'cli/example.ts')).toEqual([]);
  }, 60_000);

  it.each(['../lib/app-error', '../server/config', '../cli/main'])('dev-sink/ may not import %s', async (source) => {
    expect(await ruleIds(importing(source), 'dev-sink/example.ts')).toContain('import/no-restricted-paths');
  });

  it('mock-idp/ may not import server/ or app/', async () => {
    expect(await ruleIds(importing('../server/config'), 'mock-idp/example.ts')).toContain('import/no-restricted-paths');
  }, 60_000);

  it('allows the same imports in the server layer', async () => {
    expect(await ruleIds(importing('@prisma/client'), 'server/example.ts')).not.toContain('import/no-restricted-paths');
  }, 60_000);
});

describe('runtime import cycles fail the lint', () => {
  // lib/reset/reset-session-state.ts imports lib/app-error.ts; app-error importing it back closes a loop.
  it('a value import that closes a loop is an error', async () => {
    const code = "import { withFailure } from './reset/reset-session-state';\nexport const x = withFailure;\n";
    expect(await ruleIds(code, 'lib/app-error.ts')).toContain('import/no-cycle');
  }, 60_000);

  it('a type-only import is erased at runtime and may close a loop', async () => {
    const code =
      "import type { ResetSessionSnapshot } from './reset/reset-session-state';\nexport type X = ResetSessionSnapshot;\n";
    expect(await ruleIds(code, 'lib/app-error.ts')).not.toContain('import/no-cycle');
  }, 60_000);
});
