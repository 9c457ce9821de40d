#!/usr/bin/env node
// Launcher for the `verity-ca` command (package.json "bin"). It registers tsx so the TypeScript
// CLI runs straight from the repository with no build step. The tsconfig is located relative
// to this file, not the caller's working directory, so `@/` paths resolve from any folder
// (a CI job may run the tool from a policy repository elsewhere on disk).
import { register } from 'tsx/esm/api';

register({ tsconfig: new URL('../tsconfig.json', import.meta.url).pathname });
try {
  await import('../cli/main.ts');
} catch (error) {
  // Only a defect of the tool itself lands here (cli/main.ts reports every input error); keep the
  // promise of one line on stderr and no stack trace.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  process.stderr.write(`verity-ca: internal error (please report it): ${message.split('\n')[0]}\n`);
  process.exitCode = 3;
}
