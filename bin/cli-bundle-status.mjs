// Decides whether the compiled CLI (dist/verity-ca.mjs, made by scripts/build-cli.mjs) may run: it
// must exist and every source file listed in dist/verity-ca.inputs.json must still have the size and
// modification time it had when the bundle was built. Anything else (missing, unreadable, a source
// edited, added to or removed from the repository since) means "stale", with the reason in words, so
// bin/verity-ca.mjs never runs compiled code older than the TypeScript beside it. Plain JavaScript:
// it runs before anything is compiled. Costs one stat per source (about 1 ms for ~150 files).
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function cliBundleStatus(root = fileURLToPath(new URL('..', import.meta.url))) {
  const bundle = `${root}/dist/verity-ca.mjs`;
  let inputs;
  try {
    statSync(bundle);
    inputs = JSON.parse(readFileSync(`${root}/dist/verity-ca.inputs.json`, 'utf8')).inputs;
    if (!Array.isArray(inputs) || inputs.length === 0) throw new Error('no inputs');
  } catch {
    return { fresh: false, bundle, reason: 'dist/verity-ca.mjs is not built' };
  }
  for (const input of inputs) {
    let stats;
    try {
      stats = statSync(`${root}/${input.file}`);
    } catch {
      return { fresh: false, bundle, reason: `${input.file}, compiled into dist/verity-ca.mjs, no longer exists` };
    }
    if (stats.size !== input.size || stats.mtimeMs !== input.mtimeMs) {
      return { fresh: false, bundle, reason: `${input.file} changed after dist/verity-ca.mjs was built` };
    }
  }
  return { fresh: true, bundle, reason: '' };
}
