import fs from 'node:fs';
import path from 'node:path';

/** Resolves `file:./data/verity.db` against the repository root and makes sure its folder exists. */
export function sqliteFilePath(databaseUrl: string, root: string): string {
  const relative = databaseUrl.replace(/^file:/, '');
  const absolute = path.isAbsolute(relative) ? relative : path.join(root, relative);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  return absolute;
}
