// `import 'server-only'` in every server module (issue 13), except those that also run outside Next, where the
// marker throws. This test keeps the exemption list (server-modules-outside-next.json, read by eslint.config.mjs) exactly the set of server modules that
// the plain-Node entry points reach, and proves the lint rule fires on a server module without the marker.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import serverModulesOutsideNext from './server-modules-outside-next.json';

const root = path.resolve(import.meta.dirname, '..');

/** Run by tsx or Node without the react-server condition (package.json scripts, the custom portal server). */
const plainNodeEntries = [
  ...readdirSync(path.join(root, 'scripts'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => `scripts/${name}`),
  'proxy.ts',
  // Loaded by instrumentation.ts (a dynamic import on the Node.js runtime), which Next runs outside the
  // react-server layer: the marker would throw there too.
  'server/boot-check.ts',
  'bench/simulator-page.bench.ts',
  'bench/ca-engine.bench.ts',
  'bench/mock-idp.bench.ts',
];

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? path.join(root, specifier.slice(2))
    : specifier.startsWith('.')
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Runtime imports only: `import type` is erased and loads nothing. */
const runtimeImport = /^(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|^import\s+['"]([^'"]+)['"]/gm;

function reachedFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !/\.tsx?$/.test(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(runtimeImport)) {
      const resolved = resolveImport(file, match[1] ?? match[2] ?? '');
      if (resolved) visit(resolved);
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return seen;
}

describe("import 'server-only'", () => {
  const reached = [...reachedFrom(plainNodeEntries)]
    .map((file) => path.relative(root, file))
    .filter((file) => file.startsWith('server/'))
    .sort();

  it('the exemption list is exactly the server modules the plain-Node entry points reach', () => {
    expect([...serverModulesOutsideNext].sort()).toEqual(reached);
  });

  it('none of those modules imports server-only (it would throw in the scripts)', () => {
    for (const file of reached) expect(readFileSync(path.join(root, file), 'utf8'), file).not.toMatch(/'server-only'/);
  });

  it('the lint rule fires on a server module without the marker, and not on one with it', async () => {
    const eslint = new ESLint({ cwd: root });
    const lint = async (code: string) =>
      ((await eslint.lintText(code, { filePath: 'server/desk/example.ts' }))[0]?.messages ?? []).map((m) => m.ruleId);
    expect(await lint('export const x = 1;\n')).toContain('verity/require-server-only');
    expect(await lint("import 'server-only';\nexport const x = 1;\n")).not.toContain('verity/require-server-only');
  }, 60_000);
});
