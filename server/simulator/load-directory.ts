import 'server-only';
// The directory the simulator evaluates against: users (with registered methods), groups and applications from
// a tenant document (SIMULATOR_DIRECTORY_FILE; the demo tenant by default, the same file the mock Entra serves).
// Graph's app-only API has no bulk read of every user's registered methods in one call, so a snapshot file is
// the practical source for whole-tenant blast radius; its own policies are ignored in favour of the policy set.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../lib/app-error';
import { parseJsonDocument, parseTenant } from '../../lib/conditional-access/parse-input';
import type { Tenant } from '../../lib/conditional-access/tenant-schema';
import { getConfig } from '../config';
import { repositoryRoot } from '../repository-root';

type CachedDirectory = { file: string; mtimeMs: number; tenant: Tenant };
declare global {
  // Shared by every Next.js bundle in the process (pages and route handlers are bundled apart).
  var verityDirectory: CachedDirectory | undefined;
}

export function loadDirectory(): Tenant {
  const configured = getConfig().SIMULATOR_DIRECTORY_FILE;
  const file = path.isAbsolute(configured) ? configured : path.join(repositoryRoot(), configured);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('CONFIG_ERROR', `SIMULATOR_DIRECTORY_FILE: ${configured} cannot be read`, {
      path: 'SIMULATOR_DIRECTORY_FILE',
    });
  }
  const cached = globalThis.verityDirectory;
  if (cached && cached.file === file && cached.mtimeMs === stat.mtimeMs) return cached.tenant;
  const tenant = parseTenant(parseJsonDocument(fs.readFileSync(file, 'utf8'), configured), configured);
  globalThis.verityDirectory = { file, mtimeMs: stat.mtimeMs, tenant };
  return tenant;
}

/** A key that changes when the directory file changes, for caches of compiled tenants. */
export function directoryVersionKey(): string {
  const cached = globalThis.verityDirectory;
  return cached ? `${cached.file}:${cached.mtimeMs}` : 'none';
}
