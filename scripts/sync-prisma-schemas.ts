// Writes prisma/postgresql/schema.prisma from prisma/schema.prisma: both databases share one set of
// models; only the generator output and the datasource provider differ. Run: npm run db:sync-schemas.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function postgresSchemaFrom(sqliteSchema: string): string {
  return sqliteSchema
    .replace('output     = "../generated/prisma/sqlite"', 'output     = "../../generated/prisma/postgresql"')
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(
      /^\/\/ SQLite schema.*\n(\/\/.*\n)*/m,
      '// GENERATED from prisma/schema.prisma by `npm run db:sync-schemas`. Do not edit.\n',
    );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const source = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
  fs.mkdirSync(path.join(root, 'prisma/postgresql'), { recursive: true });
  fs.writeFileSync(path.join(root, 'prisma/postgresql/schema.prisma'), postgresSchemaFrom(source));
  console.log('prisma/postgresql/schema.prisma written');
}
