import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The dependency rule from ARCHITECTURE.md, enforced. lib/ is an allow-list: pure domain code that may import
// other lib/ files, the message files and zod, nothing else (a new package or folder has to be added here on
// purpose). The other rows are deny-lists between folders. Paths are resolved (relative, `@/` alias and
// packages alike) by import/no-restricted-paths; Node built-ins do not resolve to a file, so no-restricted-imports
// keeps them out of lib/.
const libAllowed = ['./lib', './messages', './node_modules/zod'];
const libTestsAllowed = [...libAllowed, './fixtures', './bench', './node_modules/vitest', './node_modules/fast-check'];
const onlyLib = (allowed) => [
  {
    target: './lib',
    from: '.',
    except: allowed,
    message: 'lib/ may import only lib/, messages/ and zod (the allow-list in eslint.config.mjs).',
  },
];
const nodeBuiltins = [
  {
    group: ['node:*', ...builtinModules, ...builtinModules.map((name) => `${name}/*`)],
    message: 'lib/ does no I/O and runs in the browser too: pass data in.',
  },
];
const layerZones = [
  { target: './server', from: './app', message: 'server/ may not import app/: routes call the server, not back.' },
  {
    target: './cli',
    from: ['./server', './app', './mock-idp', './dev-sink'],
    message: 'cli/ is a standalone program on lib/ and Node built-ins.',
  },
  {
    target: './dev-sink',
    from: ['./server', './app', './lib', './mock-idp', './cli'],
    message: 'dev-sink/ is its own program with its own dependencies.',
  },
  { target: './mock-idp', from: ['./server', './app'], message: 'mock-idp/ is its own program: it may use lib/ only.' },
];

// Every server module starts with `import 'server-only'`, so importing it into a client component fails the build
// instead of shipping server code to the browser (Next.js data-security guide). Exempt: tests and test support
// (vitest aliases server-only), and the modules that also run outside Next, where server-only throws: the tsx
// scripts (scripts/), the plain-Node benchmarks and proxy.ts. scripts/server-only.test.ts keeps this list exactly
// the set of server modules those entry points reach (the list is scripts/server-modules-outside-next.json).
const serverModulesOutsideNext = JSON.parse(
  readFileSync(new URL('./scripts/server-modules-outside-next.json', import.meta.url), 'utf8'),
);

const verityRules = {
  rules: {
    'require-server-only': {
      meta: {
        type: 'problem',
        messages: {
          missing:
            "A server module starts with `import 'server-only'` (or is listed in scripts/server-modules-outside-next.json).",
        },
        schema: [],
      },
      create(context) {
        return {
          Program(program) {
            const hasMarker = program.body.some(
              (statement) => statement.type === 'ImportDeclaration' && statement.source.value === 'server-only',
            );
            if (!hasMarker) context.report({ node: program, messageId: 'missing' });
          },
        };
      },
    },
  },
};

// No type assertions (`x as T`, `<T>x`) outside `as const` (issue 13, item 8; documenso's habit): an assertion tells
// the compiler to trust us, so a wrong shape (a changed Graph response, an old JSON column, a hand-edited file)
// travels on as a typed value and fails far from its cause. Instead: parse external data with its zod schema
// (JSON.parse results, request bodies, Graph and Prisma JSON columns), narrow with a type guard or `in`/`typeof`,
// check indexed access, use generics, or `satisfies` for literals. Where an assertion is truly the honest tool (a
// library's type is wrong, a test double of a large interface), write
//   // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- <why it is safe>
// Tests are covered too: a small typed builder or a fake that implements the interface says what the test relies on;
// a cast hides a missing field until the code under test reads it. The typescript-eslint rule is used rather than a
// no-restricted-syntax selector because a later block's no-restricted-syntax (lib/'s clock ban) would replace it
// silently for those files; this rule has its own name and always allows `as const`.
//
// Temporary: folders not yet converted, one per line, each removed by whoever converts it (issue 13, item 8).
const typeAssertionsNotYetConverted = [
  'server/ad/**', // asban-server
  'server/jobs/**', // asban-server
  'server/reset/**', // asban-server
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    'dist/**',
    '.next/**',
    '.next-e2e/**',
    '.next-faults/**',
    'node_modules/**',
    'generated/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'bench/results/**',
  ]),
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    rules: {
      // Runtime cycles only: type-only imports are erased and may close a loop (eslint-plugin-import skips them).
      'import/no-cycle': ['error', { ignoreExternal: true, disableScc: true }],
    },
  },
  {
    files: ['server/**/*.ts'],
    ignores: [
      '**/*.test.ts',
      '**/*.d.ts',
      '**/*test-*.ts',
      '**/*-test-support.ts',
      '**/test-support/**',
      'server/log/memory-log.ts',
      ...serverModulesOutsideNext,
    ],
    plugins: { verity: verityRules },
    rules: { 'verity/require-server-only': 'error' },
  },
  {
    files: ['server/**/*.ts', 'cli/**/*.ts', 'dev-sink/**/*.ts', 'mock-idp/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'import/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    files: ['lib/**/*.ts'],
    rules: {
      'import/no-restricted-paths': ['error', { zones: onlyLib(libAllowed) }],
      'no-restricted-imports': ['error', { patterns: nodeBuiltins }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'lib/ never reads the environment; the config module does.' },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'lib/ is pure: no process access.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'lib/ never reads the clock: take `now` as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'lib/ never reads the clock: take `now` as a parameter.',
        },
      ],
    },
  },
  {
    // Test files, and the test support they share (fast-check arbitraries), may import the test libraries.
    files: ['lib/**/*.test.ts', 'lib/**/*-test-support.ts'],
    rules: { 'import/no-restricted-paths': ['error', { zones: onlyLib(libTestsAllowed) }] },
  },
  {
    files: ['mock-idp/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/app/**', 'next', 'next/*'],
              message: 'mock-idp/ is its own program: it may use lib/ only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx', 'server/**/*.ts'],
    ignores: [
      'server/config.ts',
      'server/**/*.test.ts',
      'server/database/test-database.ts',
      'server/repository-root.ts',
    ],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through server/config.ts.' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    ignores: typeAssertionsNotYetConverted,
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
]);
