// Issue 14: the simulator pages render the engine's sentences from their codes (engineTextTranslator), never the
// English strings the engine also returns for the CLI. This scans every simulator page and component for a
// rendered engine string field, so a page that shows `finding.message` (English on a French page) fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../repository-root';

const englishFields = [
  /\{\s*[\w.?]*\b(finding|f)\.(message|recommendation)\s*\}/,
  /\{\s*[\w.?]*\bpolicy\.explanation\s*\}/,
  /\{\s*[\w.?]*\bcell\.summary\s*\}/,
  /\{\s*[\w.?]*\b(r|reason|remedy)\.message\s*\}/,
  /\bgrant\.requirements\.(join|map)\(/,
];

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const file = path.join(directory, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [file] : [];
  });
}

describe('simulator pages render engine sentences translated', () => {
  const files = sources(path.join(repositoryRoot(), 'app/admin/simulator'));

  it('finds the pages that show engine sentences', () => {
    const translated = files.filter((file) => readFileSync(file, 'utf8').includes('engineTextTranslator('));
    expect(translated.map((file) => path.basename(path.dirname(file))).sort()).toEqual(
      expect.arrayContaining(['findings', 'matrix', 'what-if']),
    );
  });

  it('no page renders the English message, recommendation, explanation or summary fields', () => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of englishFields) {
        expect(pattern.test(text), `${path.relative(repositoryRoot(), file)} renders ${pattern}`).toBe(false);
      }
    }
  });
});
