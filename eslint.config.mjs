import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// The dependency rule from ARCHITECTURE.md, enforced: lib/ is pure domain code and may not import
// frameworks, the database, auth, I/O, or read the environment; mock-idp/ is its own program and
// may use lib/ but nothing of the portal.
const frameworkAndIo = [
  { group: ['next', 'next/*', 'react', 'react/*', 'react-dom', 'react-dom/*'], message: 'lib/ is framework-free.' },
  {
    group: ['@prisma/*', 'prisma', 'prisma/*', '**/generated/**', 'pg', 'better-sqlite3', 'ioredis'],
    message: 'lib/ has no database access.',
  },
  {
    group: ['next-auth', 'next-auth/*', '@azure/*', 'oidc-provider', 'nodemailer'],
    message: 'lib/ has no auth or I/O adapters.',
  },
  { group: ['**/server/**', '**/app/**', '**/mock-idp/**', '**/cli/**'], message: 'lib/ may not import other layers.' },
  {
    group: ['node:fs', 'node:fs/*', 'fs', 'fs/*', 'node:child_process', 'node:net', 'node:http', 'node:https'],
    message: 'lib/ does no I/O: pass data in.',
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    'dist/**',
    '.next/**',
    '.next-e2e/**',
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
    files: ['lib/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: frameworkAndIo }],
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
]);
