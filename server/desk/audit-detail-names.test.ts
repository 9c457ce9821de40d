// Issue 14: the audit page shows each entry's details as a definition list with readable names; a key without a
// name showed raw (`query`, `results` on every directory search). Every key the desk writes has a name in both
// languages: the literal `details: { ... }` objects in server/desk/, plus the MFA freshness fields.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshnessDetails } from '@/lib/auth/mfa-freshness';
import { catalogues } from '@/lib/i18n/catalogues';
import type { Messages } from '@/lib/i18n/translate';

function writtenDetailKeys(): string[] {
  const folder = path.join(process.cwd(), 'server/desk');
  const sources = fs
    .readdirSync(folder)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => fs.readFileSync(path.join(folder, file), 'utf8'));
  const keys = sources.flatMap((source) =>
    [...source.matchAll(/details: \{([^{}]*)\}/g)].flatMap((match) =>
      (match[1] ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part && !part.startsWith('...'))
        .map((part) => part.split(':')[0]?.trim() ?? ''),
    ),
  );
  const freshness = Object.keys(freshnessDetails({ isFresh: true, hasMfa: true, ageSeconds: 1, maxAgeSeconds: 900 }));
  return [...new Set([...keys, ...freshness])].filter((key) => /^\w+$/.test(key)).sort();
}

function section(messages: Messages, key: string): Messages {
  const value = messages[key];
  if (value === undefined || typeof value === 'string') throw new Error(`messages: ${key} is not a section`);
  return value;
}

function detailNames(locale: 'en' | 'fr'): Messages {
  return section(section(section(catalogues[locale], 'desk'), 'audit'), 'detailNames');
}

describe('audit detail names', () => {
  const keys = writtenDetailKeys();
  it('finds the keys the desk writes', () => {
    expect(keys).toEqual(expect.arrayContaining(['caseId', 'query', 'results', 'mfaFresh']));
  });
  it.each(['en', 'fr'] as const)('every key has a readable name in %s', (locale) => {
    expect(keys.filter((key) => typeof detailNames(locale)[key] !== 'string')).toEqual([]);
  });
});
