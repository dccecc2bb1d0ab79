import tseslint from 'typescript-eslint';

// Package boundaries (ARCHITECTURE.md §1): the console imports only contracts; parsers and stix are
// pure and import no server code; contracts imports nothing of ours.
/** @type {string[]} */
const serverOrWeb = ['**/apps/server/**', '**/server/src/**', '@lachan/server', '**/apps/web/**', '**/web/src/**', '@lachan/web'];

// Server layers (ARCHITECTURE.md §1, STYLE.md "Wiring"; docs/wiring.md). Import strings are matched as
// written, so each rule is stated once per folder depth. Tested in apps/server/src/layers.test.ts.
/** Nothing under packages/ reaches a server module. */
const noModules = { regex: '(^|/)modules/', message: 'packages/, core/ and common/ import no server module (ARCHITECTURE.md §1)' };
/** core/ holds context, errors and authorisation: it imports only core/ and db/. */
const coreOnly = { regex: '^\\.\\./(?!db/)', message: 'core/ imports only core/ and db/: no module, http, cluster or composition root (docs/wiring.md)' };
/** common/ holds small helpers the modules share, one floor above core/: it imports only common/, core/ and db/. */
const commonOnly = {
  regex: '^\\.\\./(?!(db|core)/)',
  message: 'common/ imports only common/, core/ and db/: no module, http, cluster or composition root (docs/wiring.md)',
};
/** A module of another module's: only its front door. `up` is how far the file sits below modules/. */
const frontDoor = (up) => ({
  regex: `^${'\\.\\./'.repeat(up)}(?!\\.\\.)[^/]+/(?!index\\.ts$)`,
  message: 'import another module only through its front door, modules/<m>/index.ts (export what you need there)',
});
/** Modules stay below http/: only the helpers route files share (the caller's context, the error mapping). */
const httpHelpers = (up) => ({
  regex: `^${'\\.\\./'.repeat(up + 1)}http/(?!(request-context|error-handler)\\.ts$)`,
  message: 'modules do not import http/ (only http/request-context.ts and http/error-handler.ts)',
});
/** Modules stay below the composition roots: no route or service is handed every module's services, nor the whole platform. */
const noRoot = (up) => ({
  regex: `^${'\\.\\./'.repeat(up + 1)}(services|platform|platform-workers\\.types|platform\\.types)\\.ts$`,
  message: 'modules do not import a composition root (services.ts, platform.ts), every worker (platform-workers.types.ts) nor the whole platform (platform.types.ts): name the parts you use and take them from your factory',
});
/** Outside modules/ (composition roots, http, cli, cluster, testing): modules through their front doors. */
const moduleFrontDoors = { regex: '(^|/)modules/[^/]+/(?!index\\.ts$)', message: 'import a module only through its front door, modules/<m>/index.ts' };
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const tests = ['**/*.test.ts', '**/*.cases.ts'];

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
    rules: restrict({ group: [...serverOrWeb, 'node:fs*', 'node:net', 'node:http*', 'pg', 'kysely', '@electric-sql/*'], message: 'parsers and stix are pure: no server code, no I/O' }, noModules),
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: restrict({ group: ['@lachan/*', ...serverOrWeb], message: 'contracts imports nothing of ours' }, noModules),
  },
  { files: ['apps/server/src/core/**/*.ts'], ignores: tests, rules: restrict(coreOnly) },
  { files: tests.map((t) => `apps/server/src/core/${t}`), rules: restrict(noModules) },
  { files: ['apps/server/src/common/**/*.ts'], ignores: tests, rules: restrict(commonOnly) },
  { files: tests.map((t) => `apps/server/src/common/${t}`), rules: restrict(noModules) },
  { files: ['apps/server/src/modules/*/*.ts'], ignores: tests, rules: restrict(frontDoor(1), httpHelpers(1), noRoot(1)) },
  { files: ['apps/server/src/modules/*/*/*.ts'], ignores: tests, rules: restrict(frontDoor(2), httpHelpers(2), noRoot(2)) },
  // Tests may start the whole app (http/app.ts); they still reach other modules through their front doors.
  { files: tests.map((t) => `apps/server/src/modules/*/${t}`), rules: restrict(frontDoor(1)) },
  { files: tests.map((t) => `apps/server/src/modules/*/*/${t}`), rules: restrict(frontDoor(2)) },
  { files: ['apps/server/src/**/*.ts'], ignores: ['apps/server/src/modules/**', 'apps/server/src/core/**', 'apps/server/src/common/**'], rules: restrict(moduleFrontDoors) },
  // Settings are read through config.ts only; entry points hand it the environment, test support and the
  // local cluster launcher (which passes the environment on to its child processes) are not the server.
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: [...tests, 'apps/server/src/config.ts', 'apps/server/src/bin/**', 'apps/server/src/testing/**', 'apps/server/src/cluster/local-cluster.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read settings through config.ts (loadConfig), never process.env' }],
    },
  },
);
