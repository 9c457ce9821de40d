// Runs the verity-ca CLI (bin/verity-ca.mjs) from a test, so the page can be compared with its JSON.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { parsedJson } from '../fixtures/json';

/** The CLI's --json output, read with the schema the spec compares against. */
export function runVerityCa<T>(schema: z.ZodType<T>, args: string[]): T {
  return parsedJson(
    schema,
    execFileSync(process.execPath, ['bin/verity-ca.mjs', ...args, '--json'], { encoding: 'utf8' }),
  );
}

/** Writes a What-If request body to a temporary file for --request. */
export function requestFile(body: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verity-e2e-')), 'request.json');
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}
