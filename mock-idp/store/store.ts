// Persistent state of the mock (passwords, lockouts, methods, TAPs, passkeys, sign-in logs,
// outbox, signing keys) in `.mock-idp-data/mock-idp.sqlite`.
// Why SQLite (better-sqlite3) rather than JSON files: writes are atomic and durable without a
// write-rename dance, a crash mid-sign-in cannot leave a half-written file, and the control API,
// Graph and the sign-in pages append to the same logs without a read-modify-write race.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../lib/app-error';

export type StoredEvent<T> = { id: number; at: number; value: T };

// Every read names the schema of what its namespace holds: a row that is not what was written (a hand edit of the
// SQLite file, an older shape) is AppError INTERNAL storedDataInvalid naming the row, never a typed lie.
export type Store = {
  get<T>(namespace: string, key: string, schema: z.ZodType<T>): T | undefined;
  put(namespace: string, key: string, value: unknown): void;
  remove(namespace: string, key: string): void;
  list<T>(namespace: string, schema: z.ZodType<T>): Array<{ key: string; value: T }>;
  clearNamespaces(namespaces: readonly string[]): void;
  append(kind: string, at: number, value: unknown): number;
  events<T>(kind: string, schema: z.ZodType<T>, options?: { afterId?: number; limit?: number }): Array<StoredEvent<T>>;
  clearEvents(kinds: readonly string[]): void;
  close(): void;
};

function parseRow<T>(schema: z.ZodType<T>, text: string, source: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new AppError('INTERNAL', 'Stored data could not be read.', { reason: 'storedDataInvalid', source });
}

export function openStore(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, 'mock-idp.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS kv (namespace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
      PRIMARY KEY (namespace, key));
    CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,
      at INTEGER NOT NULL, value TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS events_kind ON events (kind, id);
  `);
  const getStatement = db.prepare<[string, string], { value: string }>(
    'SELECT value FROM kv WHERE namespace = ? AND key = ?',
  );
  const putStatement = db.prepare(
    'INSERT INTO kv (namespace, key, value) VALUES (?, ?, ?) ON CONFLICT (namespace, key) DO UPDATE SET value = excluded.value',
  );
  const removeStatement = db.prepare('DELETE FROM kv WHERE namespace = ? AND key = ?');
  const listStatement = db.prepare<[string], { key: string; value: string }>(
    'SELECT key, value FROM kv WHERE namespace = ? ORDER BY key',
  );
  const clearStatement = db.prepare('DELETE FROM kv WHERE namespace = ?');
  const appendStatement = db.prepare('INSERT INTO events (kind, at, value) VALUES (?, ?, ?)');
  const eventsStatement = db.prepare<[string, number, number], { id: number; at: number; value: string }>(
    'SELECT id, at, value FROM events WHERE kind = ? AND id > ? ORDER BY id DESC LIMIT ?',
  );
  const clearEventsStatement = db.prepare('DELETE FROM events WHERE kind = ?');

  return {
    get(namespace, key, schema) {
      const row = getStatement.get(namespace, key);
      return row ? parseRow(schema, row.value, `${namespace}/${key}`) : undefined;
    },
    put(namespace, key, value) {
      putStatement.run(namespace, key, JSON.stringify(value));
    },
    remove(namespace, key) {
      removeStatement.run(namespace, key);
    },
    list(namespace, schema) {
      return listStatement
        .all(namespace)
        .map((row) => ({ key: row.key, value: parseRow(schema, row.value, `${namespace}/${row.key}`) }));
    },
    clearNamespaces(namespaces) {
      db.transaction(() => namespaces.forEach((n) => clearStatement.run(n)))();
    },
    append(kind, at, value) {
      return Number(appendStatement.run(kind, at, JSON.stringify(value)).lastInsertRowid);
    },
    events(kind, schema, options = {}) {
      return eventsStatement
        .all(kind, options.afterId ?? 0, options.limit ?? 1000)
        .map((row) => ({ id: row.id, at: row.at, value: parseRow(schema, row.value, `${kind}#${row.id}`) }));
    },
    clearEvents(kinds) {
      db.transaction(() => kinds.forEach((k) => clearEventsStatement.run(k)))();
    },
    close() {
      db.close();
    },
  };
}
