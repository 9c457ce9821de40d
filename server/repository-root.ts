import path from 'node:path';

/** The repository root: Next.js, tsx scripts and vitest all run with it as the working directory. */
export function repositoryRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd());
}
