#!/usr/bin/env bash
# Regenerates the initial migrations for both providers from prisma/schema.prisma.
# `prisma migrate dev` cannot run with the JS schema engine on SQLite (shadow database error), so
# migrations are authored with `migrate diff` (docs/decisions/0002-prisma-js-engine.md).
# Usage: scripts/db-migrations.sh NAME   (creates a new migration for both providers from the schema diff)
set -euo pipefail
name=${1:?usage: scripts/db-migrations.sh NAME}
stamp=$(date -u +%Y%m%d%H%M%S)
npx tsx scripts/sync-prisma-schemas.ts
for provider in sqlite postgresql; do
  if [ "$provider" = sqlite ]; then schema=prisma/schema.prisma; dir=prisma/migrations; url=file:./data/migration-scratch.db
  else schema=prisma/postgresql/schema.prisma; dir=prisma/postgresql/migrations; url=postgresql://postgres@127.0.0.1:5432/test; fi
  mkdir -p "$dir/${stamp}_$name"
  # The previous state is the schema the existing migrations produce, replayed into an empty database.
  DATABASE_URL=$url npx prisma migrate diff --from-migrations "$dir" --to-schema-datamodel "$schema" --script \
    > "$dir/${stamp}_$name/migration.sql"
  echo "wrote $dir/${stamp}_$name/migration.sql"
done
