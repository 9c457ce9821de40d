// Vitest global setup: compiles the verity-ca command line once before the tests, so the CLI tests
// spawn the same dist/verity-ca.mjs a pipeline runs, built from the sources under test.
import { cliBundleStatus } from '../bin/cli-bundle-status.mjs';
import { buildCli } from '../scripts/build-cli.mjs';

export default async function setup(): Promise<void> {
  if (!cliBundleStatus().fresh) await buildCli();
}
