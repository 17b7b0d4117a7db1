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
  },
})
