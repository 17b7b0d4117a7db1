import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

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
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'better-sqlite3', message: 'Use app/utils/db.server.ts.' }] },
      ],
    },
  },
  {
    files: ['app/routes/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['~/utils/db.server', '#db/schema*'],
              importNamePattern: '^(?!.*Role|roles|.*Kind|.*kinds|regions|Region|locales|Locale).*$',
              message: 'Routes call app/models; they do not query the database.',
            },
          ],
        },
      ],
    },
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
