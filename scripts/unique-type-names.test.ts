// One name per meaning (issue 13): two different types exported under the same name (there were two
// `DirectoryUser`s, the desk's and the reset portal's) make a reader guess which one an import means.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(path.join(root, directory), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

it('no two modules of lib/ and server/ export a type with the same name', () => {
  const owners = new Map<string, string[]>();
  for (const file of [...sourceFiles('lib'), ...sourceFiles('server')]) {
    for (const match of readFileSync(file, 'utf8').matchAll(/^export (?:type|interface) (\w+)/gm)) {
      const name = match[1] ?? '';
      owners.set(name, [...(owners.get(name) ?? []), path.relative(root, file)]);
    }
  }
  const shared = [...owners].filter(([, files]) => files.length > 1);
  expect(shared).toEqual([]);
});
