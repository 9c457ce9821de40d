// The mock's store reads every row through the schema its caller names: a row that is not what was written (a hand
// edit of the SQLite file, an older shape) is AppError INTERNAL storedDataInvalid naming the row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openStore, type Store } from './store';

const recordSchema = z.looseObject({ failures: z.number() });
let dataDir: string;
let store: Store;

function freshStore(): Store {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-mock-store-'));
  store = openStore(dataDir);
  return store;
}

afterEach(() => {
  store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the mock store', () => {
  it('reads back what was written, members it does not name included', () => {
    freshStore().put('lockouts', 'u1', { failures: 2, note: 'kept' });
    expect(store.get('lockouts', 'u1', recordSchema)).toEqual({ failures: 2, note: 'kept' });
    expect(store.get('lockouts', 'u2', recordSchema)).toBeUndefined();
    store.append('outbox', 1, { failures: 1 });
    expect(store.events('outbox', recordSchema).map((e) => e.value)).toEqual([{ failures: 1 }]);
  });

  it('a row of another shape is storedDataInvalid naming it, in get, list and events', () => {
    freshStore().put('lockouts', 'u1', { failures: 'two' });
    store.append('outbox', 1, ['not', 'an', 'object']);
    const invalid = (source: string) =>
      expect.objectContaining({ code: 'INTERNAL', details: { reason: 'storedDataInvalid', source } });
    expect(() => store.get('lockouts', 'u1', recordSchema)).toThrow(invalid('lockouts/u1'));
    expect(() => store.list('lockouts', recordSchema)).toThrow(invalid('lockouts/u1'));
    expect(() => store.events('outbox', recordSchema)).toThrow(invalid('outbox#1'));
  });

  it('a row that is not JSON (edited by hand) is storedDataInvalid, not a SyntaxError', () => {
    freshStore().put('lockouts', 'u1', { failures: 1 });
    const db = new Database(path.join(dataDir, 'mock-idp.sqlite'));
    db.prepare("UPDATE kv SET value = '{not json' WHERE namespace = 'lockouts'").run();
    db.close();
    expect(() => store.get('lockouts', 'u1', recordSchema)).toThrow(
      expect.objectContaining({ code: 'INTERNAL', details: { reason: 'storedDataInvalid', source: 'lockouts/u1' } }),
    );
  });
});
