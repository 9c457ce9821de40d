// Runs the verity-ca CLI (bin/verity-ca.mjs) from a test, so the page can be compared with its JSON.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function runVerityCa<T>(args: string[]): T {
  return JSON.parse(
    execFileSync(process.execPath, ['bin/verity-ca.mjs', ...args, '--json'], { encoding: 'utf8' }),
  ) as T;
}

/** Writes a What-If request body to a temporary file for --request. */
export function requestFile(body: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'verity-e2e-')), 'request.json');
  fs.writeFileSync(file, JSON.stringify(body));
  return file;
}
