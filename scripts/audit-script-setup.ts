// What `npm run audit:verify` and `npm run audit:checkpoint` share: the configuration and audit settings (a
// problem there is one line and exit code 2), a database client for the configured DATABASE_URL that is always
// disconnected, and how the database is named in their output.
import { auditSettingsFrom, type AuditSettings } from '../server/audit/audit-settings';
import { loadConfig, type Config } from '../server/config';
import { createDatabaseClient, type DatabaseClient } from '../server/database/create-database-client';

export type AuditScriptSetup = { config: Config; settings: AuditSettings; db: DatabaseClient; where: string };

export async function runWithAuditDatabase(
  script: string,
  input: { env: Record<string, string | undefined>; root: string; print: (line: string) => void },
  run: (setup: AuditScriptSetup) => Promise<number>,
): Promise<number> {
  let config: Config;
  let settings: AuditSettings;
  try {
    config = loadConfig(input.env);
    settings = auditSettingsFrom(config, input.root);
  } catch (error) {
    input.print(`${script}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const db = createDatabaseClient(config.DATABASE_URL, input.root);
  const where = config.DATABASE_URL.startsWith('file:') ? config.DATABASE_URL : 'PostgreSQL';
  try {
    return await run({ config, settings, db, where });
  } finally {
    await db.$disconnect();
  }
}
