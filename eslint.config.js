import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const noSqlite = { name: 'better-sqlite3', message: 'Use app/utils/db.server.ts.' }
const noFeatures = {
  group: ['~/features/**', '**/features/**', '~/routes/**'],
  message: 'app/utils and app/components import no feature.',
}
// zod is reached through app/utils/zod.ts, which turns its eval-based JIT off in the browser (our CSP forbids eval).
const noZod = {
  regex: '^zod(/.*)?$',
  message: "Import z from '~/utils/zod' (it configures zod for the browser's CSP before any schema is built).",
}

export default tseslint.config(
  { ignores: ['build/', 'build-*/', 'node_modules/', 'test-results/', 'playwright-report/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Routes and models must not reach the database except through app/models (CONVENTIONS.md).
      'no-restricted-imports': ['error', { paths: [noSqlite] }],
    },
  },
  // The house's walls (docs/architecture.md). Each block restates better-sqlite3's and zod's rules: a file's own
  // no-restricted-imports replaces the general one.
  {
    files: ['app/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noSqlite], patterns: [noZod] }] },
  },
  {
    // Routes import features and utils, never db/ (the vocabulary comes from ~/utils/vocabulary).
    files: ['app/routes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            noSqlite,
            {
              name: '~/utils/audit.server',
              importNames: ['recordAuditEvent'],
              message: "A feature's action function writes its audit row with the change (decision 011).",
            },
          ],
          patterns: [
            {
              regex: '^(#db/|~/utils/db\\.server$|(\\.\\./)+db/)',
              message: 'Routes call a feature; they do not reach db/.',
            },
            noZod,
          ],
        },
      ],
      // Ids come from parseId/readId (~/utils/ids), the one rule of decision 011.
      'no-restricted-properties': [
        'error',
        { object: 'Number', property: 'isSafeInteger', message: 'Read ids with parseId or readId from ~/utils/ids.' },
      ],
    },
  },
  {
    // Infrastructure and shared UI know no feature.
    files: ['app/utils/**', 'app/components/**'],
    ignores: ['**/*.test.ts', '**/*-worker.ts', '**/*.test-helpers.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noSqlite],
          patterns: [noFeatures, noZod],
        },
      ],
    },
  },
  {
    // A feature reaches another only through its index.ts: ~/features/<name>, nothing deeper.
    files: ['app/features/**'],
    ignores: ['**/*.test.ts', '**/*-worker.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noSqlite],
          patterns: [
            noZod,
            {
              group: ['~/features/*/**', '../*/**', '../../**'],
              message:
                "Import another feature through its index.ts ('~/features/<name>'); your own feature's files by './'.",
            },
            { group: ['~/routes/**'], message: 'Features do not import routes.' },
          ],
        },
      ],
    },
  },
  {
    // The one module that imports zod itself (its utils wall restated).
    files: ['app/utils/zod.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noSqlite], patterns: [noFeatures] }] },
  },
  {
    // No import cycles anywhere in the app (type-only imports included: a cycle of types is a tangle too).
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['app/utils/db.server.ts', 'scripts/**', 'e2e/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Playwright fixtures call `use()`, which is not React's hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
)
