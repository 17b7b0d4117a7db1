import { defineConfig } from 'vitest/config'
import tsconfigPaths from 'vite-tsconfig-paths'

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: [
      'app/**/*.test.ts',
      'server/**/*.test.ts',
      'db/**/*.test.ts',
      'scripts/**/*.test.ts',
      'locales/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    setupFiles: ['./test/setup.ts'],
    pool: 'forks',
    // A guard against a hang, not a speed check: npm test runs the unit tests beside tsc, ESLint and the build on
    // two cores, where a test that opens four PDFs with pdf.js took over vitest's default 5 s.
    testTimeout: 30_000,
  },
})
