// Test helper: runs the real verity-ca launcher in a child process, as a pipeline would.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const launcher = fileURLToPath(new URL('../bin/verity-ca.mjs', import.meta.url));

export type VerityCaRun = { status: number | null; stdout: string; stderr: string };

export function spawnVerityCa(
  args: readonly string[],
  cwd = repositoryRoot,
  options: { input?: string; env?: Record<string, string> } = {},
): VerityCaRun {
  const result = spawnSync(process.execPath, [launcher, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_OPTIONS: '', ...options.env },
    ...(options.input !== undefined && { input: options.input }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Parses the --json output of a successful run, failing loudly with its stderr otherwise. */
/** The command's `--json` output, read through `schema` (what the test relies on), so a changed shape fails here. */
export function spawnVerityCaJson<T = unknown>(args: readonly string[], schema?: z.ZodType<T>): T {
  const run = spawnVerityCa([...args, '--json']);
  if (run.status !== 0) throw new Error(`verity-ca ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const value: unknown = JSON.parse(run.stdout);
  return (schema ?? z.custom<T>(() => true)).parse(value);
}
