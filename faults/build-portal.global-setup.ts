// The fault suite runs the production build: built here into .next-faults (FAULTS_NEXT_DIST_DIR), unless
// FAULTS_SKIP_BUILD=1 says a fresh one is there already (CI reuses the build e2e just made, .next-e2e).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function buildPortal(): void {
  if (process.env.FAULTS_SKIP_BUILD === '1') return;
  execFileSync(path.join(process.cwd(), 'node_modules/.bin/next'), ['build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: process.env.FAULTS_NEXT_DIST_DIR ?? '.next-faults' },
  });
}
