// `npm run audit:verify`: checks the hash chain of the audit log in the configured database
// (DATABASE_URL, read through server/config.ts). Exit 0 and one line when intact; exit 1 naming the
// first broken entry when an entry was edited, inserted or deleted (ASVS5 16.3); exit 2 when the database
// cannot be read, so a scheduled job never mistakes "could not check" for "intact".
import { loadConfig } from '../server/config';
import { verifyAuditChain } from '../server/audit/verify-audit-chain';
import { createDatabaseClient } from '../server/database/create-database-client';

export async function runAuditVerify(
  env: Record<string, string | undefined>,
  root: string,
  print: (line: string) => void,
): Promise<number> {
  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    print(`audit:verify: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  const db = createDatabaseClient(config.DATABASE_URL, root);
  const where = config.DATABASE_URL.startsWith('file:') ? config.DATABASE_URL : 'PostgreSQL';
  try {
    const report = await verifyAuditChain(db);
    if (report.intact) {
      print(`audit:verify: chain intact, ${report.entries} entries checked (${where}).`);
      return 0;
    }
    const breakAt = report.firstBreak!;
    const why =
      breakAt.reason === 'hashMismatch'
        ? 'its content no longer matches its hash (edited)'
        : 'it does not link to the entry before it (an entry was deleted or inserted)';
    print(
      `audit:verify: CHAIN BROKEN at entry #${breakAt.index + 1} of ${report.entries} (id ${breakAt.id}): ${why}. Treat the log as tampered and investigate (${where}).`,
    );
    return 1;
  } catch (error) {
    const cause =
      error instanceof Error
        ? (
            error.message
              .split('\n')
              .map((line) => line.trim())
              .filter(Boolean)
              .at(-1) ?? error.name
          ).replace(/\.+$/, '')
        : String(error);
    print(
      `audit:verify: could not read the audit log (${where}): ${cause}. Is DATABASE_URL right and the database migrated (npm run db:migrate)?`,
    );
    return 2;
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  runAuditVerify(process.env, process.cwd(), (line) => console.log(line)).then((code) => process.exit(code));
}
