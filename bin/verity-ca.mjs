#!/usr/bin/env node
// Launcher for the `verity-ca` command (package.json "bin").
//
// It runs the compiled CLI, dist/verity-ca.mjs (built by `npm run build`, `npm run build:cli`, on
// install and before `npm test`; see scripts/build-cli.mjs), which starts in about a tenth of the
// time TypeScript through tsx takes. When that file is missing or older than any source compiled
// into it, the launcher says so in one line on stderr and runs the TypeScript sources through tsx
// instead, so the answer is never that of stale code. VERITY_CA_FROM_SOURCE=1 runs the sources
// without the notice (for working on the CLI itself).
//
// The tsconfig is located relative to this file, not the caller's working directory, so `@/` paths
// resolve from any folder (a CI job may run the tool from a policy repository elsewhere on disk).
import { pathToFileURL } from 'node:url';
import { cliBundleStatus } from './cli-bundle-status.mjs';

const fromSource = process.env.VERITY_CA_FROM_SOURCE === '1';
const status = fromSource ? undefined : cliBundleStatus();
try {
  if (status?.fresh === true) {
    await import(pathToFileURL(status.bundle).href);
  } else {
    if (status !== undefined) {
      process.stderr.write(
        `verity-ca: note: ${status.reason}; running the TypeScript sources (about 1 s slower; "npm run build:cli" compiles it)\n`,
      );
    }
    const { register } = await import('tsx/esm/api');
    register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
    await import('../cli/main.ts');
  }
} catch (error) {
  // Only a defect of the tool itself lands here (cli/main.ts reports every input error); keep the
  // promise of one line on stderr and no stack trace.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`verity-ca: internal error (please report it): ${message.split('\n')[0]}\n`);
  process.exitCode = 3;
}
