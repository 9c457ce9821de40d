// The launcher runs the compiled CLI only while it matches the sources (bin/cli-bundle-status.mjs):
// a missing bundle, an edited source or a deleted one each send it back to TypeScript, with a reason.
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBundleStatus } from '../bin/cli-bundle-status.mjs';

function fakeRepository(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'verity-bundle-'));
  mkdirSync(path.join(root, 'dist'));
  mkdirSync(path.join(root, 'cli'));
  writeFileSync(path.join(root, 'cli/main.ts'), 'export {};\n');
  writeFileSync(path.join(root, 'dist/verity-ca.mjs'), '// bundle\n');
  const stats = statSync(path.join(root, 'cli/main.ts'));
  writeFileSync(
    path.join(root, 'dist/verity-ca.inputs.json'),
    JSON.stringify({ inputs: [{ file: 'cli/main.ts', size: stats.size, mtimeMs: stats.mtimeMs }] }),
  );
  return root;
}

describe('cliBundleStatus', () => {
  it('is fresh while every compiled source is unchanged', () => {
    expect(cliBundleStatus(fakeRepository())).toMatchObject({ fresh: true });
  });
  it('is stale when the bundle is missing', () => {
    const root = fakeRepository();
    rmSync(path.join(root, 'dist/verity-ca.mjs'));
    expect(cliBundleStatus(root)).toMatchObject({ fresh: false, reason: 'dist/verity-ca.mjs is not built' });
  });
  it('is stale, naming the file, when a source was edited after the build', () => {
    const root = fakeRepository();
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(root, 'cli/main.ts'), later, later);
    expect(cliBundleStatus(root)).toMatchObject({
      fresh: false,
      reason: expect.stringContaining('cli/main.ts changed'),
    });
  });
  it('is stale when a compiled source was deleted', () => {
    const root = fakeRepository();
    rmSync(path.join(root, 'cli/main.ts'));
    expect(cliBundleStatus(root).reason).toMatch(/cli\/main\.ts, compiled into dist\/verity-ca\.mjs, no longer exists/);
  });
});
