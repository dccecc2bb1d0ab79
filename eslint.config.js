import tseslint from 'typescript-eslint';

// Package boundaries (ARCHITECTURE.md §1): the console imports only contracts; parsers and stix are
// pure and import no server code; contracts imports nothing of ours.
/** @type {string[]} */
const serverOrWeb = ['**/apps/server/**', '**/server/src/**', '@lachan/server', '**/apps/web/**', '**/web/src/**', '@lachan/web'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.tmp/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...serverOrWeb.filter((p) => !p.includes('web')), '@lachan/stix', '@lachan/parsers', '**/packages/*/src/**', 'node:*'], message: 'the console imports only @lachan/contracts' }] }],
    },
  },
  {
    files: ['packages/parsers/**/*.ts', 'packages/stix/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: [...serverOrWeb, 'node:fs*', 'node:net', 'node:http*', 'pg', 'kysely', '@electric-sql/*'], message: 'parsers and stix are pure: no server code, no I/O' }] }],
    },
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@lachan/*', ...serverOrWeb], message: 'contracts imports nothing of ours' }] }],
    },
  },
);
