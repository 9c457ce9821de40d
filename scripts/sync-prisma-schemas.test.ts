import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { postgresSchemaFrom } from './sync-prisma-schemas';

describe('Prisma schemas', () => {
  it('PostgreSQL schema is generated from the SQLite one (same models; run npm run db:sync-schemas)', () => {
    const sqlite = fs.readFileSync('prisma/schema.prisma', 'utf8');
    expect(fs.readFileSync('prisma/postgresql/schema.prisma', 'utf8')).toBe(postgresSchemaFrom(sqlite));
  });
});
